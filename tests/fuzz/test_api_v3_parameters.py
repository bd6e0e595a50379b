"""API v3's listings and finders, given hostile values in their documented query parameters
(numbers beyond 64 bits, digits that are not 0-9, NUL bytes, long lists: what schemathesis does
not try, since the document sets no upper bounds), answer a documented status with a JSON
problem, never a 5xx."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cms.api.v3 import api
from tests.fuzz.budget import SWEEP
from tests.fuzz.hostile import query_strings

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

PREFIX = "/api/v3/"


def public_listings():
    """Each anonymous GET operation without path parameters, with its query parameters."""
    document = api.get_openapi_schema(path_prefix=PREFIX)
    for path, operations in document["paths"].items():
        operation = operations.get("get")
        if operation is None or "{" in path or {} not in operation.get("security", [{}]):
            continue
        names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
        if names:
            yield path, ({name: () for name in names}, set(operation["responses"]))


LISTINGS = dict(public_listings())


@pytest.mark.parametrize("path", LISTINGS)
@SWEEP
@given(data=st.data())
def test_documented_parameters_with_hostile_values_get_documented_problems(
    client, count_request, path, data
):
    parameters, statuses = LISTINGS[path]
    url = f"{path}?{data.draw(query_strings(parameters), label='query')}"

    count_request(url)
    response = client.get(url)

    assert response.status_code < 500, (url, response.status_code, response.content[:500])
    assert str(response.status_code) in statuses, (url, response.status_code, response.content)
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json", (url, response.content)
        assert json.loads(response.content)["detail"], url
