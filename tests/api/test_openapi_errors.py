"""API v3's OpenAPI document says how every operation fails: each error answer is a JSON problem
(RFC 9457) described by a schema, and real error answers match it."""

import pytest

from tests.api.conftest import get_json, validator_for

PROBLEM = "#/components/schemas/Problem"


@pytest.fixture
def openapi(client):
    return get_json(client, "/api/v3/openapi.json")


def operations(openapi):
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def documented_errors(operation):
    return {
        status: response["content"]["application/problem+json"]["schema"]
        for status, response in operation["responses"].items()
        if status.startswith("4")
    }


@pytest.mark.django_db
def test_every_operation_documents_its_error_answers_as_problems(openapi):
    undocumented = []
    for path, method, operation in operations(openapi):
        errors = documented_errors(operation)
        if "400" not in errors or any(schema != {"$ref": PROBLEM} for schema in errors.values()):
            undocumented.append(f"{method.upper()} {path}")

    assert undocumented == []


@pytest.mark.django_db
def test_operations_needing_a_token_document_401_and_403(openapi):
    for path, method, operation in operations(openapi):
        if {} not in operation.get("security", [{}]):
            assert {"401", "403"} <= set(operation["responses"]), f"{method} {path}"


@pytest.mark.django_db
def test_operations_on_one_object_document_404_and_writes_document_conflicts(openapi):
    for path, method, operation in operations(openapi):
        if "{" in path:
            assert "404" in operation["responses"], f"{method} {path}"
        if method in ("post", "put", "patch"):
            assert {"409", "422"} <= set(operation["responses"]), f"{method} {path}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/api/v3/pages/?limit=100000", "400"),
        ("get", "/api/v3/pages/?search_operator=xor", "422"),
        ("get", "/api/v3/pages/999999/", "404"),
        ("post", "/api/v3/pages/", "401"),
        ("get", "/api/v3/topics/?locale=xx", "400"),
    ],
)
def test_error_answers_match_their_documented_schema(client, openapi, method, url, status):
    path = url.split("?")[0].replace("999999", "{page_id}")

    response = getattr(client, method)(url)

    assert str(response.status_code) == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    schema = openapi["paths"][path][method]["responses"][status]["content"]
    pointer = "/components/schemas/Problem"
    assert schema["application/problem+json"]["schema"] == {"$ref": f"#{pointer}"}
    assert list(validator_for(openapi, pointer).iter_errors(response.json())) == []
