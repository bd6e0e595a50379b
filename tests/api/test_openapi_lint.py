"""What Redocly's lint and openapi-typescript found in API v3's document (frontend-check/), and
what stands in for the rules frontend-check/redocly.yaml turns off."""

import pytest

from tests.api.conftest import get_json

pytestmark = pytest.mark.usefixtures("module_site_content")

REF = "#/components/schemas/"
FINDERS = {"pages_find", "redirects_find"}


@pytest.fixture
def openapi(client):
    return get_json(client, "/api/v3/openapi.json")


def operations(openapi):
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def references(node):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"].removeprefix(REF)
        for value in node.values():
            yield from references(value)
    elif isinstance(node, list):
        for value in node:
            yield from references(value)


def unions(node):
    if isinstance(node, dict):
        if "oneOf" in node:
            yield node
        for value in node.values():
            yield from unions(value)
    elif isinstance(node, list):
        for value in node:
            yield from unions(value)


@pytest.mark.django_db
def test_every_operation_says_what_credentials_it_needs(openapi):
    """openapi-typescript refused the document while the taxonomies, `/site/` and `/locales/`
    declared no security at all ("Every operation should have security defined")."""
    undeclared = [name for name, operation in operations(openapi) if "security" not in operation]

    assert undeclared == []
    for path in ("/api/v3/site/", "/api/v3/locales/", "/api/v3/topics/"):
        assert openapi["paths"][path]["get"]["security"] == [{}]


@pytest.mark.django_db
def test_every_schema_in_the_document_is_used(openapi):
    """Django-ninja's filter schemas (read as query parameters) and those of operations no
    request can reach were left among the components: types a generated client never uses."""
    schemas = openapi["components"]["schemas"]
    used, waiting = set(), list(references(openapi["paths"]))
    while waiting:
        name = waiting.pop()
        if name not in used:
            used.add(name)
            waiting.extend(references(schemas[name]))

    assert set(schemas) - used == set()
    assert "PageFilterSchema" not in schemas


@pytest.mark.django_db
def test_every_operation_but_the_finders_answers_a_2xx(openapi):
    for name, operation in operations(openapi):
        successes = [status for status in operation["responses"] if status.startswith("2")]
        if operation["operationId"] in FINDERS:
            assert list(operation["responses"])[0] == "302", name
        else:
            assert successes, name


def meta_type(schemas, member):
    meta = schemas[member["$ref"].removeprefix(REF)]["properties"].get("meta", {})
    if "$ref" not in meta:
        return None
    return schemas[meta["$ref"].removeprefix(REF)]["properties"]["type"].get("const")


@pytest.mark.django_db
def test_the_members_of_every_union_are_told_apart(openapi):
    """Stands in for Redocly's `no-illogical-composition-keywords`, which compares top-level
    properties only: each union's members are told apart by its discriminator (unions of pages
    in answers) or by a different constant `meta.type` (Wagtail's unions of page types to create
    and of snippets), so a client picks the member from the value without a guard."""
    schemas = openapi["components"]["schemas"]
    named_unions = [u for u in unions(openapi) if all("$ref" in m for m in u["oneOf"])]
    assert len(named_unions) > 5

    for union in named_unions:
        members = [member["$ref"] for member in union["oneOf"]]
        if "discriminator" in union:
            mapping = union["discriminator"]["mapping"]
            assert sorted(mapping.values()) == sorted(members)
            for label, ref in mapping.items():
                schema = schemas[ref.removeprefix(REF)]
                assert schema["properties"]["type"]["const"] == label
                assert "type" in schema["required"]
        else:
            types = [meta_type(schemas, member) for member in union["oneOf"]]
            assert None not in types, members
            assert len(set(types)) == len(types), members


@pytest.mark.django_db
@pytest.mark.parametrize(
    "method, path",
    [
        ("patch", "/api/v3/pages/{page_id}/"),
        ("post", "/api/v3/snippets/{type}/"),
        ("patch", "/api/v3/snippets/{type}/{pk}/"),
    ],
)
def test_bodies_whose_type_the_path_names_are_any_of_their_types(openapi, method, path):
    """`{"title": "New title"}` changes a page of any type: it matched every member of the
    `oneOf` Wagtail declared, which JSON Schema refuses (exactly one must match)."""
    body = openapi["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]

    assert "oneOf" not in body
    assert len(body["anyOf"]) >= 4
    pages = openapi["paths"]["/api/v3/pages/"]["post"]["requestBody"]["content"]
    assert "oneOf" in pages["application/json"]["schema"]
