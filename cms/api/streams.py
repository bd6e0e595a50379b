"""Types of StreamField values, for API v3's OpenAPI document.

Each StreamField is a list of `{"type": <block name>, "value": <typed value>, "id": <uuid>}`,
discriminated by `type`. The value of each block is typed from the block: the blocks of
core/blocks.py that shape their own API representation have a schema in `BLOCK_SCHEMAS`, the
others are typed from Wagtail's block classes.
"""

import datetime
from typing import Annotated, Any, Literal, Union

from pydantic import Field
from typing_extensions import TypedDict
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.api import schemas
from core import blocks as cms_blocks
from newsletter.blocks import SignUpBlock

BLOCK_SCHEMAS = {
    cms_blocks.LinkBlock: schemas.Link,
    cms_blocks.ImageBlock: schemas.ImageBlock,
    cms_blocks.QuoteBlock: schemas.Quote,
    cms_blocks.VideoBlock: schemas.Video,
    cms_blocks.SectionBlock: schemas.Section,
    cms_blocks.CallToActionBlock: schemas.CallToAction,
    cms_blocks.DownloadBlock: schemas.Download,
    cms_blocks.HelplinesBlock: schemas.Helplines,
    SignUpBlock: schemas.SignUp,
}

_stream_types = {}


def camel(name):
    return "".join(part.capitalize() for part in name.split("_"))


def stream_item_type(stream_block, name):
    """The type of one item of `stream_block` (a union of its block types, by `type`)."""
    if type(stream_block) is not blocks.StreamBlock:
        name = type(stream_block).__name__  # a named StreamBlock is typed once, wherever used
    if name in _stream_types:
        return _stream_types[name]
    items = [
        TypedDict(
            f"{name}{camel(child_name)}",
            {
                "type": Literal[child_name],
                "value": block_value_type(child, f"{name}{camel(child_name)}Value"),
                "id": str,
            },
        )
        for child_name, child in stream_block.child_blocks.items()
    ]
    if len(items) == 1:
        item_type = items[0]
    else:
        item_type = Annotated[Union[tuple(items)], Field(discriminator="type")]  # noqa: UP007
    _stream_types[name] = item_type
    return item_type


def block_value_type(block, name) -> Any:
    for cls in type(block).__mro__:
        if cls in BLOCK_SCHEMAS:
            return BLOCK_SCHEMAS[cls]
    if isinstance(block, blocks.RichTextBlock):  # HTML (its form field needs the admin loaded)
        return str
    optional = not getattr(block, "required", True)
    if isinstance(block, blocks.StreamBlock):
        return list[stream_item_type(block, name)]
    if isinstance(block, blocks.ListBlock):
        return list[block_value_type(block.child_block, f"{name}Item")]
    if isinstance(block, blocks.StructBlock):
        return TypedDict(
            name,
            {
                child_name: block_value_type(child, f"{name}{camel(child_name)}")
                for child_name, child in block.child_blocks.items()
            },
        )
    if isinstance(block, blocks.BooleanBlock):
        return bool
    if isinstance(block, blocks.IntegerBlock):
        return int | None if optional else int
    if isinstance(block, blocks.FloatBlock | blocks.DecimalBlock):
        return float | None if optional else float
    if isinstance(block, blocks.DateBlock):
        return datetime.date | None if optional else datetime.date
    if isinstance(block, blocks.ChoiceBlock):
        values = tuple(str(value) for value, _label in block.field.choices if value != "")
        if values:
            return Literal[values + ("",)] if optional else Literal[values]
        return str
    if isinstance(
        block, blocks.PageChooserBlock | ImageChooserBlock | DocumentChooserBlock
    ):  # Wagtail's representation: the id
        return int | None
    if isinstance(block, EmbedBlock):
        return str | None
    if isinstance(block, blocks.FieldBlock):  # text, rich text (HTML), URL…
        return str
    return Any
