"""Both APIs answer every error in one shape, the problem of RFC 9457 described by API v3's
OpenAPI document, naming the parameter at fault; API v2 keeps its `message` beside it."""

import pytest

from tests.api.conftest import get_json, validator_for

pytestmark = pytest.mark.usefixtures("module_site_content")

MEMBERS = {"type", "title", "status", "detail", "errors"}


@pytest.fixture(scope="module")
def problem_validator(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        openapi = get_json(Client(), "/api/v3/openapi.json")
    return validator_for(openapi, "/components/schemas/Problem")


def problem_of(client, url, status, params=None):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("api", ["v2", "v3"])
@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"limit": "100000"}, "limit"),
        ({"offset": "99999999"}, "offset"),
        ({"search": "x" * 201}, "search"),
        ({"child_of": "abc"}, "child_of"),
    ],
)
def test_a_bad_parameter_is_the_same_problem_in_both_apis(
    client, problem_validator, api, params, parameter
):
    problem = problem_of(client, f"/api/{api}/pages/", 400, params)

    assert set(problem) >= MEMBERS
    assert (problem["type"], problem["title"], problem["status"]) == (
        "about:blank",
        "Bad Request",
        400,
    )
    assert [error["loc"] for error in problem["errors"]] == [["query", parameter]]
    assert problem["errors"][0]["msg"] == problem["detail"]
    assert list(problem_validator.iter_errors(problem)) == []


@pytest.mark.django_db
def test_v2_keeps_its_message_beside_the_problem(client):
    problem = problem_of(client, "/api/v2/pages/", 400, {"year": "2025"})

    assert problem["message"] == problem["detail"]
    assert problem["detail"] == "filtering by year needs type=resources.ResourcePage"
    assert [error["loc"] for error in problem["errors"]] == [["query", "year"]]


@pytest.mark.django_db
def test_wagtails_own_v2_refusals_name_the_parameter(client):
    unknown = problem_of(client, "/api/v2/pages/", 400, {"colour": "blue"})
    bad_type = problem_of(client, "/api/v2/pages/", 400, {"type": "home.NoSuchPage"})

    assert unknown["errors"][0]["loc"] == ["query", "colour"]
    assert bad_type["errors"][0]["loc"] == ["query", "type"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/api/v2/pages/999999/", "/api/v3/pages/999999/", "/api/v2/nowhere/", "/api/v3/nowhere/"],
)
def test_not_found_is_a_problem_in_both_apis(client, problem_validator, url):
    problem = problem_of(client, url, 404)

    assert problem["status"] == 404 and problem["title"] == "Not Found"
    assert problem["detail"]
    assert list(problem_validator.iter_errors(problem)) == []


@pytest.mark.django_db
def test_v3_validation_errors_keep_their_location(client, problem_validator):
    problem = problem_of(client, "/api/v3/pages/", 422, {"search_operator": "xor"})

    assert problem["errors"][0]["loc"] == ["query", "search_operator"]
    assert "message" not in problem
    assert list(problem_validator.iter_errors(problem)) == []


@pytest.mark.django_db
def test_v2_method_not_allowed_is_a_problem_and_keeps_allow(client):
    response = client.post("/api/v2/pages/")

    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert "GET" in response["Allow"]
    assert response.json()["title"] == "Method Not Allowed"


@pytest.mark.django_db
def test_v2_preview_errors_are_problems(client):
    problem = problem_of(client, "/api/v2/page_preview/", 400)

    assert problem["detail"] == problem["message"] == "content_type and token are required"
