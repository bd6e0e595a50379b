"""Snippet items of API v3 carry their language in `meta.locale`, as pages do.

The library's snippets are served twice by API v3: read-only for everyone at `/api/v3/topics/`
and so on (cms/api/v3.py), and for token holders at Wagtail's `/api/v3/snippets/<type>/`. Both
describe an item with a schema named after the model (`TopicSchema`, `TopicMetaSchema`), so the
OpenAPI document shows one shape for both: they must be the same, `meta.locale` included.
Wagtail builds its snippet schemas on `BaseSnippetSchema` when the `wagtail.snippets` app is
ready; `add_locale_to_snippet_items` (called by this app's `ready()`, which runs first) has it
build them on `LocalizedSnippetSchema` instead.
"""

from django.db.models import Model
from wagtail.snippets.api.v3.schemas import BaseSnippetSchema, SnippetMetaSchema


class LocalizedSnippetMetaSchema(SnippetMetaSchema):
    locale: str

    @staticmethod
    def resolve_locale(obj: Model, context: dict) -> str:
        return obj.locale.language_code


class LocalizedSnippetSchema(BaseSnippetSchema):
    meta: LocalizedSnippetMetaSchema


def add_locale_to_snippet_items():
    from wagtail.snippets.api.v3 import registry

    registry.BaseSnippetSchema = LocalizedSnippetSchema
