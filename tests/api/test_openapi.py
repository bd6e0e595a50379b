"""API v3's OpenAPI document is valid, types every field of every page type and snippet, and
real answers of the API match it."""

import pytest
from django.apps import apps
from openapi_spec_validator import validate

from resources.models import Topic
from tests.api.conftest import (
    LANGUAGES,
    get_json,
    in_language,
    response_schema_pointer,
    validator_for,
)
from tests.page_types import PAGE_TYPES

pytestmark = pytest.mark.usefixtures("module_site_content")

SCHEMA_NAMES = [f"{label.split('.')[1]}Schema" for label in PAGE_TYPES] + [
    "ResourceTypeSchema",
    "TopicSchema",
    "RegionSchema",
    "PartnerSchema",
    "Site",
    "Language",
]


@pytest.fixture
def openapi(client):
    return get_json(client, "/api/v3/openapi.json")


def untyped_parts(openapi, schema, where, seen=None):
    """Where `schema` accepts anything: an empty schema or an object without properties."""
    seen = set() if seen is None else seen
    schemas = openapi["components"]["schemas"]
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        if name in seen:
            return []
        seen.add(name)
        return untyped_parts(openapi, schemas[name], name, seen)
    found = []
    if not set(schema) - {"title", "description", "default", "examples"}:
        found.append(where)
    if schema.get("type") == "object" and not (
        schema.get("properties") or schema.get("additionalProperties")
    ):
        found.append(where)
    for keyword in ("anyOf", "oneOf", "allOf"):
        for index, option in enumerate(schema.get(keyword, [])):
            found += untyped_parts(openapi, option, f"{where}/{keyword}/{index}", seen)
    for name, option in schema.get("properties", {}).items():
        found += untyped_parts(openapi, option, f"{where}.{name}", seen)
    for keyword in ("items", "additionalProperties"):
        if isinstance(schema.get(keyword), dict):
            found += untyped_parts(openapi, schema[keyword], f"{where}[{keyword}]", seen)
    return found


@pytest.mark.django_db
def test_openapi_document_is_valid(openapi):
    validate(openapi)

    assert openapi["openapi"].startswith("3.1")
    for path in ("/api/v3/pages/{page_id}/", "/api/v3/topics/", "/api/v3/site/"):
        assert path in openapi["paths"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_page_type_and_snippet_is_described_with_real_types(openapi, name):
    schema = openapi["components"]["schemas"][name]

    assert untyped_parts(openapi, {"$ref": f"#/components/schemas/{name}"}, name) == []
    if name.endswith("PageSchema"):
        model = apps.get_model(PAGE_TYPES[SCHEMA_NAMES.index(name)])
        declared = {field.name for field in model.api_fields}
        assert declared <= set(schema["properties"])


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", PAGE_TYPES)
@pytest.mark.parametrize("code", ["fr", "ar"])
def test_page_details_of_every_type_match_the_schema(client, openapi, page_type, code):
    page = in_language(apps.get_model(page_type), code)
    validator = validator_for(openapi, response_schema_pointer("/api/v3/pages/{page_id}/"))

    data = get_json(client, f"/api/v3/pages/{page.pk}/")

    errors = [
        f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(data)
    ]
    assert errors == []
    assert data["meta"]["type"] == page_type
    assert list(validator.iter_errors({**data, "translations": [{"locale": 1}]}))  # it checks


@pytest.mark.django_db
def test_lists_snippets_languages_and_site_match_the_schema(client, openapi):
    topic = Topic.objects.filter(locale__language_code="sw").first()
    answers = {
        "/api/v3/pages/": get_json(client, "/api/v3/pages/", {"locale": "sw"}),
        "/api/v3/topics/": get_json(client, "/api/v3/topics/", {"locale": "sw"}),
        "/api/v3/topics/{obj_id}/": get_json(client, f"/api/v3/topics/{topic.pk}/"),
        "/api/v3/partners/": get_json(client, "/api/v3/partners/"),
        "/api/v3/locales/": get_json(client, "/api/v3/locales/"),
    }
    for code in LANGUAGES:
        answers[f"/api/v3/site/#{code}"] = get_json(client, "/api/v3/site/", {"locale": code})

    for path, data in answers.items():
        validator = validator_for(openapi, response_schema_pointer(path.split("#")[0]))
        assert list(validator.iter_errors(data)) == [], path
