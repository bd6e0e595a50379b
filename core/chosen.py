"""Images and documents chosen in StreamFields, read for every block and page at once.

Wagtail reads the objects chosen in a stream one block type at a time (`bulk_to_python`): a page
whose sections and image blocks both show images reads images twice, its downloads apart from
the documents its rich text links to, and a list of pages does so for each page unless their
streams are converted together. `read_chosen` reads what the chooser blocks of many streams
choose, with other ids of the same models (cover images, documents linked in rich text), in one
query per model, and keeps them for the request (core/request_memo.py): the chooser blocks of
core/blocks.py (`ChosenForTheRequest`) and the rich-text link handlers take them from there.
"""

import copy
from collections import defaultdict

from wagtail import blocks

from core.request_memo import request_memo


def known(model):
    """{pk: object or None} of `model` read for this request so far."""
    return request_memo().setdefault(("chosen objects", model._meta.label), {})


def read_known(model, ids, queryset=None):
    """Reads the objects of `model` with `ids` not read yet in this request, in one query (from
    `queryset`, e.g. images with their renditions); returns `known(model)`."""
    objects = known(model)
    missing = {pk for pk in ids if pk is not None and pk not in objects}
    if missing:
        found = (queryset if queryset is not None else default_queryset(model)).in_bulk(missing)
        objects.update({pk: found.get(pk) for pk in missing})
    return objects


def default_queryset(model):
    """How objects of `model` are read: documents with their collection's privacy, which
    showing them needs (core/representations.py)."""
    from wagtail.documents import get_document_model

    if model is get_document_model():
        from core.representations import documents_with_their_privacy

        return documents_with_their_privacy()
    return model._default_manager


class ChosenForTheRequest:
    """For a chooser block: its objects taken from those read for the request (`read_chosen`),
    the others read in one query as Wagtail does. Each value is an object of its own (a copy),
    as Wagtail gives a repeated choice."""

    def bulk_to_python(self, values):
        objects = read_known(self.model_class, values)
        return [copy.copy(objects[pk]) if objects.get(pk) else None for pk in values]


def read_chosen(streams, also=None, querysets=None):
    """Read what the `ChosenForTheRequest` blocks of `streams` (StreamValues) choose, and the
    ids of `also` ({model: ids}), with one query per model; `querysets` ({model: queryset})
    says how to read a model (images with the renditions to show)."""
    wanted = defaultdict(set)
    for stream in streams:
        add_chosen(stream.stream_block, list(stream.raw_data), wanted)
    for model, ids in (also or {}).items():
        wanted[model] |= set(ids)
    for model, ids in wanted.items():
        read_known(model, ids, (querysets or {}).get(model))


def add_chosen(block, raw, wanted):
    """Adds to `wanted` ({model: ids}) what the chooser blocks within `block` choose in its
    stored value `raw` (JSON as in the database)."""
    if isinstance(block, ChosenForTheRequest):
        if isinstance(raw, int):
            wanted[block.model_class].add(raw)
    elif isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        for item in raw:
            child = isinstance(item, dict) and block.child_blocks.get(item.get("type"))
            if child:
                add_chosen(child, item.get("value"), wanted)
    elif isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        for item in raw:
            in_block_format = isinstance(item, dict) and item.get("type") == "item"
            add_chosen(block.child_block, item.get("value") if in_block_format else item, wanted)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            if name in raw:
                add_chosen(child, raw[name], wanted)


def read_what_pages_choose(pages, fields=None, also=None, querysets=None):
    """`read_chosen` for the StreamFields of `pages` (those named in `fields`, all by default),
    with the documents their rich texts link to (core/rich_text.py) and the ids of `also`."""
    from wagtail.documents import get_document_model
    from wagtail.fields import StreamField

    from core.rich_text import linked_document_ids

    streams = [
        getattr(page, field.attname)
        for page in pages
        for field in page._meta.concrete_fields
        if isinstance(field, StreamField) and (fields is None or field.name in fields)
    ]
    wanted = {model: set(ids) for model, ids in (also or {}).items()}
    wanted.setdefault(get_document_model(), set()).update(linked_document_ids(pages))
    read_chosen(streams, wanted, querysets)
