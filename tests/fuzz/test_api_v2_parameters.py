"""Every parameter of every API v2 endpoint, given hostile values, gets a JSON answer and never a
5xx: a 4xx says what is wrong in its `message`.

The endpoints' own parameters (with values they accept, to reach their deeper filters) mix with
any name; values are what broke the site before (tests/fuzz/hostile.py) and what hypothesis
makes of the same kinds. Anonymous, as a visitor's browser or an attacker calls the API.
"""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import Page

from tests.fuzz.budget import SWEEP
from tests.fuzz.hostile import paths, query_strings

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

LISTING = {
    "fields": ["*", "title", "_,title", "-title", "body(type,value)", "*,-title"],
    "order": ["title", "-title", "id", "random"],
    "search": ["trafficking", "traite", "Kenya"],
    "search_operator": ["and", "or"],
    "limit": ["1", "20"],
    "offset": ["0", "5"],
    "id": ["1", "3"],
    "format": ["json", "html"],
}
SNIPPET = {
    **LISTING,
    "locale": ["en", "fr", "ar"],
    "translation_of": ["1", "2"],
    "slug": ["kenya", "policy-brief"],
    "name": ["Kenya"],
}
MEDIA = {**LISTING, "tags": ["kenya", "a,b"], "title": ["Report"], "collection_id": ["1"]}
PAGES = {
    **LISTING,
    "type": ["resources.ResourcePage", "home.CampaignPage", "stories.SurvivorStoryPage"],
    "locale": ["en", "fr", "sw", "ar"],
    "translation_of": ["3"],
    "child_of": ["2", "3", "root"],
    "ancestor_of": ["4"],
    "descendant_of": ["2"],
    "html_path": ["/fr/", "/en/about/"],
    "site": ["localhost", "localhost:80"],
    "resource_type": ["policy-brief", "research-report"],
    "topic": ["trafficking"],
    "region": ["kenya", "malawi"],
    "year": ["2025", "2024"],
    "featured": ["true", "false"],
    "publication_date": ["2025-07-30"],
    "slug": ["about"],
    "show_in_menus": ["true"],
    "title": ["About"],
}
ENDPOINTS = {
    "pages/": (PAGES, ("", "type=resources.ResourcePage", "type=stories.SurvivorStoryPage")),
    "pages/find/": ({**PAGES, "html_path": ["/fr/", "/ar/", "/en/about/", "/xx/"]}, ("",)),
    "images/": (MEDIA, ("",)),
    "documents/": (MEDIA, ("",)),
    "resource-types/": (SNIPPET, ("",)),
    "topics/": (SNIPPET, ("",)),
    "regions/": (SNIPPET, ("",)),
    "partners/": (SNIPPET, ("",)),
    "locales/": ({"format": ["json"]}, ("",)),
    "site/": ({"locale": ["en", "fr", "ar"]}, ("",)),
    "page_preview/": (
        {**PAGES, "content_type": ["home.campaignpage", "home.page"], "token": ["abc:def"]},
        ("", "content_type=home.campaignpage&token=abc"),
    ),
}
DETAILS = ["pages", "images", "documents", "topics", "partners"]


def assert_answers_as_an_api(response, url):
    assert response.status_code < 500, (url, response.status_code, response.content[:500])
    if 300 <= response.status_code < 400:
        assert response["Location"], url
        return
    expected = "application/problem+json" if response.status_code >= 400 else "application/json"
    assert response["Content-Type"].split(";")[0] == expected, (url, response.content)
    body = json.loads(response.content)
    if response.status_code >= 400:
        assert isinstance(body, dict) and body.get("message") == body.get("detail"), (url, body)
        assert body["detail"] and isinstance(body["errors"], list), (url, body)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@SWEEP
@given(data=st.data())
def test_every_parameter_of_every_endpoint_gets_a_json_answer(
    client, count_request, endpoint, data
):
    parameters, bases = ENDPOINTS[endpoint]
    url = f"/api/v2/{endpoint}?{data.draw(query_strings(parameters, bases), label='query')}"

    count_request(url)
    assert_answers_as_an_api(client.get(url), url)


@pytest.mark.parametrize("endpoint", DETAILS)
@SWEEP
@given(data=st.data())
def test_details_of_any_id_get_a_json_answer(client, count_request, endpoint, data):
    ids = [str(pk) for pk in Page.objects.order_by("pk").values_list("pk", flat=True)[:30]]
    segment = data.draw(st.one_of(st.sampled_from(ids), paths("")), label="id")
    query = data.draw(st.one_of(st.just(""), query_strings(LISTING)), label="query")
    url = f"/api/v2/{endpoint}/{segment.rstrip('/')}/?{query}"

    count_request(url)
    assert_answers_as_an_api(client.get(url), url)


@SWEEP
@given(url=paths("/api/v2/"))
def test_any_address_under_the_api_gets_a_json_answer(client, count_request, url):
    count_request(url)
    assert_answers_as_an_api(client.get(url), url)
