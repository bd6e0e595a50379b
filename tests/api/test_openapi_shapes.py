"""A client generated from API v3's OpenAPI document needs no hand-written guard: page types are
told apart by a discriminator, the server is named, every error is typed, operation ids follow
one pattern, and what an answer always has is required."""

import re

import pytest
from django.conf import settings
from openapi_spec_validator import validate

from tests.api.conftest import get_json, in_language, validator_for
from tests.page_types import PAGE_MODELS, PAGE_TYPES

pytestmark = pytest.mark.usefixtures("module_site_content")

PROBLEM = {"$ref": "#/components/schemas/Problem"}
REF = "#/components/schemas/"


@pytest.fixture
def openapi(client):
    return get_json(client, "/api/v3/openapi.json")


def operations(openapi):
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def page_union(openapi):
    return openapi["paths"]["/api/v3/pages/{page_id}/"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]


@pytest.mark.django_db
def test_document_is_valid_openapi_and_names_its_server(openapi):
    validate(openapi)

    assert openapi["servers"] == [{"url": settings.WAGTAILAPI_BASE_URL, "description": "This site"}]
    # The paths start with /api/v3/: the server is the site's root, as in every `detail_url`.
    assert all(path.startswith("/api/v3/") for path in openapi["paths"])


@pytest.mark.django_db
def test_every_operation_declares_its_4xx_answers_as_one_problem_schema(openapi):
    for name, operation in operations(openapi):
        errors = {s: r for s, r in operation["responses"].items() if s.startswith("4")}
        assert "400" in errors, name
        for status, response in errors.items():
            assert response["content"] == {"application/problem+json": {"schema": PROBLEM}}, (
                name,
                status,
            )
    problem = openapi["components"]["schemas"]["Problem"]
    assert problem["required"] == ["type", "title", "status", "detail", "errors"]


@pytest.mark.django_db
def test_page_union_is_discriminated_by_a_top_level_type_covering_every_page_type(openapi):
    union = page_union(openapi)
    schemas = openapi["components"]["schemas"]

    assert union["discriminator"]["propertyName"] == "type"
    mapping = union["discriminator"]["mapping"]
    assert set(PAGE_TYPES) <= set(mapping)
    assert {member["$ref"] for member in union["oneOf"]} == set(mapping.values())
    for label, ref in mapping.items():
        schema = schemas[ref.removeprefix(REF)]
        assert schema["properties"]["type"]["const"] == label
        assert "type" in schema["required"]


@pytest.mark.django_db
def test_every_union_of_pages_has_the_discriminator(openapi):
    """Creates, updates, publishing and revisions answer a page too."""
    create = openapi["paths"]["/api/v3/pages/"]["post"]["responses"]["201"]
    revision = openapi["components"]["schemas"]["PageRevisionDetailSchema"]

    assert create["content"]["application/json"]["schema"]["discriminator"]
    assert revision["properties"]["content_object"]["discriminator"]


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_MODELS, ids=PAGE_TYPES)
def test_a_page_detail_says_its_type_at_the_top_as_its_schema_says(client, openapi, model):
    page = in_language(model, "fr")
    data = get_json(client, f"/api/v3/pages/{page.pk}/")
    ref = page_union(openapi)["discriminator"]["mapping"][data["type"]]
    validator = validator_for(openapi, ref.removeprefix("#"))

    assert data["type"] == data["meta"]["type"] == model._meta.label
    assert list(validator.iter_errors(data)) == []


@pytest.mark.django_db
def test_list_items_say_their_type_at_the_top(client, openapi):
    data = get_json(client, "/api/v3/pages/", {"locale": "fr"})
    item_schema = openapi["components"]["schemas"]["PageListItemSchema"]

    assert data["items"]
    assert all(item["type"] == item["meta"]["type"] for item in data["items"])
    assert set(item_schema["properties"]["type"]["enum"]) >= set(PAGE_TYPES)
    assert "type" in item_schema["required"]


@pytest.mark.django_db
def test_body_has_one_shape_on_every_page_type(openapi):
    schemas = openapi["components"]["schemas"]
    bodies = {
        name: schema["properties"]["body"]
        for name, schema in schemas.items()
        if name.endswith("PageSchema") and "body" in schema.get("properties", {})
    }

    assert "SurvivorStoryPageSchema" in bodies and "StandardPageSchema" in bodies
    assert len({repr(body) for body in bodies.values()}) == 1, bodies


@pytest.mark.django_db
def test_operation_ids_name_the_resource_as_its_address_does(openapi):
    ids = [operation["operationId"] for _name, operation in operations(openapi)]

    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z]+(_[a-z]+)*", operation_id) for operation_id in ids), ids
    for prefix in ("resource_types", "topics", "regions", "partners"):
        assert {f"{prefix}_list", f"{prefix}_detail"} <= set(ids)
    assert "resourcetype_list" not in ids


@pytest.mark.django_db
def test_fields_an_answer_always_has_are_required(openapi):
    schemas = openapi["components"]["schemas"]

    campaign = schemas["CampaignPageSchema"]
    assert {"hashtag", "body", "hero_image", "translations", "type"} <= set(campaign["required"])
    snippet = schemas["TopicSchema"]
    assert set(snippet["required"]) == set(snippet["properties"])
    meta = schemas["CampaignPageMetaSchema"]
    # Left out of answers when empty (Wagtail), so not required.
    assert set(meta["required"]) == set(meta["properties"]) - {"warnings"}
    # A request's schemas keep what a request may leave out.
    assert "hashtag" not in schemas["CampaignPagePatchSchema"].get("required", [])
