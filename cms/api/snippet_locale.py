"""Snippet items of API v3 carry their language in `meta.locale`, as pages do.

The library's snippets are served twice by API v3: read-only for everyone at `/api/v3/topics/`
and so on (cms/api/v3.py), and for token holders at Wagtail's `/api/v3/snippets/<type>/`. Both
describe an item with a schema named after the model (`TopicSchema`, `TopicMetaSchema`), so the
OpenAPI document shows one shape for both: they must be the same, `meta.locale` included.
`add_locale_to_snippet_items` (called by this app's `ready()`) has Wagtail build its snippet
schemas on `LocalizedSnippetSchema` (cms/api/wagtail_patches.py).
"""

from django.db.models import Model
from wagtail.snippets.api.v3.schemas import BaseSnippetSchema, SnippetMetaSchema

from cms.api import wagtail_patches


class LocalizedSnippetMetaSchema(SnippetMetaSchema):
    locale: str

    @staticmethod
    def resolve_locale(obj: Model, context: dict) -> str:
        return obj.locale.language_code


class LocalizedSnippetSchema(BaseSnippetSchema):
    meta: LocalizedSnippetMetaSchema


def add_locale_to_snippet_items():
    wagtail_patches.build_snippet_schemas_on(LocalizedSnippetSchema)
