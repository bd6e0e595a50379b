"""A survivor story's `body` in the shape of every other page's `body`: a stream of blocks.

Stories keep their text in one rich text field, where the other pages have a StreamField of
blocks; the APIs showed the first as an HTML string and the others as blocks under the same
name, so a frontend rendering `page.body` needed to know which. A story's body is shown as one
`paragraph` block (the rich text block of every other body: `{"type": "paragraph", "value":
"<p>…</p>", "id": …}`), so one block renderer shows every page's body.
"""

import uuid

from cms.api.fields import RichTextHTMLField
from cms.api.streams import stream_item_type
from newsletter.blocks import PageBodyBlock

BODY_ITEM = stream_item_type(PageBodyBlock(), "PageBodyBlock")
# Block ids are UUIDs; this one is the same in every revision and translation of a page, as a
# translated StreamField block keeps its id.
BLOCK_IDS = uuid.UUID("5f0b8f0e-7a0c-4d47-9a36-3f1e2c9d8b61")


class RichTextAsBlocksField(RichTextHTMLField):
    """Rich text as a stream of one `paragraph` block, empty when the text is."""

    def to_representation(self, page) -> list[BODY_ITEM]:
        html = super().to_representation(page)
        if not html:
            return []
        block_id = uuid.uuid5(BLOCK_IDS, f"{page.translation_key}:{self.field_name}")
        return [{"type": "paragraph", "value": html, "id": str(block_id)}]
