"""API v3's pages say their type at the top (`"type": "home.CampaignPage"`), and the OpenAPI
document discriminates page types by it, so that a generated client narrows a page by
`page.type` (`if (page.type === "home.CampaignPage") page.hashtag`).

Wagtail puts the type in `meta.type` only, and OpenAPI's `discriminator` takes a property of the
union's members themselves: Wagtail's own union says so and leaves it out. `ApiConfig.ready()`
has Wagtail build every page schema on the classes below (cms/api/wagtail_patches.py), and
`describe_page_types` completes the document: each page schema's `type` is the one value of its
`meta.type`, and every union of page schemas gets a `discriminator` mapping each type to its
schema.
"""

from typing import Literal

from django.db.models import Model
from wagtail.api.v3.schemas import BasePageSchema, PageSchema
from wagtail.models import Page, get_page_models

REF = "#/components/schemas/"
TYPE_DESCRIPTION = "The page's type, as `meta.type`: tells the page types apart."


def page_type(obj: Model, context: dict) -> str:
    return (getattr(obj, "specific_class", None) or Page)._meta.label


def page_type_labels():
    return tuple(model._meta.label for model in get_page_models())


PageType = Literal[page_type_labels()]  # ty: ignore[invalid-type-form]


class PageListItemSchema(BasePageSchema):
    """An item of `GET /api/v3/pages/`."""

    type: PageType

    resolve_type = staticmethod(page_type)


class TypedPageSchema(PageSchema):
    """Every page type's detail schema is built on this."""

    type: PageType

    resolve_type = staticmethod(page_type)


def component(document, ref):
    return document["components"]["schemas"].get(ref.removeprefix(REF), {})


def meta_type(document, schema):
    """The one value of a page schema's `meta.type` (Wagtail narrows it per type); None for a
    schema that is not a page's."""
    meta = schema.get("properties", {}).get("meta", {})
    if "type" not in schema.get("properties", {}) or "$ref" not in meta:
        return None
    return component(document, meta["$ref"]).get("properties", {}).get("type", {}).get("const")


def narrow_page_types(document):
    """Each page schema's top-level `type` is its `meta.type`'s one value; returns the
    mapping of every page type to its schema's reference."""
    mapping = {}
    for name, schema in document["components"]["schemas"].items():
        label = meta_type(document, schema)
        if label is None:
            continue
        schema["properties"]["type"] = {
            "const": label,
            "type": "string",
            "title": "Type",
            "description": TYPE_DESCRIPTION,
        }
        mapping[label] = f"{REF}{name}"
    return mapping


def unions_of_pages(node, page_refs):
    """Every `oneOf` in `node` whose members are all page schemas."""
    if isinstance(node, dict):
        members = node.get("oneOf")
        if members and all(member.get("$ref") in page_refs for member in members):
            yield node
        for value in node.values():
            yield from unions_of_pages(value, page_refs)
    elif isinstance(node, list):
        for value in node:
            yield from unions_of_pages(value, page_refs)


def describe_page_types(document):
    mapping = narrow_page_types(document)
    for union in unions_of_pages(document, set(mapping.values())):
        members = {member["$ref"] for member in union["oneOf"]}
        union["discriminator"] = {
            "propertyName": "type",
            "mapping": {label: ref for label, ref in mapping.items() if ref in members},
        }
        union["description"] = "A page of one of these types: tell them apart by `type`."
    return document
