"""The public site answers hostile searches and addresses as it answers a typo: a page (of
results, of a problem, or "not found") or a redirect, never a 5xx. API v3's addresses beyond its
documented operations answer JSON problems."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.budget import SWEEP
from tests.fuzz.hostile import paths, query_strings

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

LANGUAGES = ["en", "fr", "es", "sw", "ar"]
SEARCH = {
    "q": ["trafficking", "traite", "مكافحة", "ushahidi", "a", 'a"b', "NEAR(a b)", "deepfak"],
    "page": ["1", "2", "last"],
    "type": ["resource", "campaign", "story", "page"],
}


def assert_answers_a_visitor(response, url):
    assert response.status_code < 500, (url, response.status_code, response.content[:500])


@SWEEP
@given(
    language=st.sampled_from(LANGUAGES),
    query=query_strings(SEARCH, ("", "q=Kenya", "q=court&type=resource")),
)
def test_any_search_gets_a_page(client, count_request, language, query):
    url = f"/{language}/search/?{query}"

    count_request(url)
    assert_answers_a_visitor(client.get(url), url)


@SWEEP
@given(url=st.one_of(*(paths(f"/{language}/") for language in LANGUAGES), paths("/")))
def test_any_address_gets_a_page_or_a_redirect(client, count_request, url):
    count_request(url)
    assert_answers_a_visitor(client.get(url), url)


@SWEEP
@given(url=paths("/api/v3/"))
def test_any_address_under_api_v3_gets_a_json_problem(client, count_request, url):
    count_request(url)
    response = client.get(url)

    assert_answers_a_visitor(response, url)
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json", (url, response.content)
        assert json.loads(response.content)["detail"], url
