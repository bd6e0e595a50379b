"""Editors' promoted results (Settings › Promoted search results) come first, in the visitor's
language; a visitor's query leaves no trace in the database."""

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from tests.factories import ResourceIndexPageFactory, ResourcePageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def promoted(english_home):
    """The English resource promoted for "deepfake", translated into French, not into Spanish."""
    library = ResourceIndexPageFactory(parent=english_home, title="Resources", slug="resources")
    guide = ResourcePageFactory(parent=library, title="Guide for judges", slug="guide")
    for instance in (guide.resource_type, library):
        translate(instance, "fr")
        translate(instance, "es")
    french = translate(guide, "fr", {"Guide for judges": "Guide pour les juges"})
    query = Query.objects.create(query_string="deepfake")
    SearchPromotion.objects.create(query=query, page=guide, sort_order=0, description="Start here.")
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/audri",
        external_link_text="AUDRi coalition",
        sort_order=1,
    )
    return guide, french


def promotions(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    section = BeautifulSoup(response.content, "html.parser").find(
        "section", class_="search-promotions"
    )
    if section is None:
        return []
    return [(link.text, link["href"]) for link in section.find_all("a")]


def test_a_promoted_page_comes_first_for_its_query(client, promoted):
    guide, _french = promoted

    assert promotions(client, "en", "Deepfake ") == [
        ("Guide for judges", guide.url),
        ("AUDRi coalition", "https://example.org/audri"),
    ]
    assert promotions(client, "en", "trafficking") == []


def test_a_promoted_page_is_shown_in_the_visitors_language(client, promoted):
    _guide, french = promoted

    assert promotions(client, "fr", "deepfake") == [
        ("Guide pour les juges", french.url),
        ("AUDRi coalition", "https://example.org/audri"),
    ]


def test_a_promoted_page_without_a_translation_is_not_shown_in_that_language(client, promoted):
    assert promotions(client, "es", "deepfake") == [
        ("AUDRi coalition", "https://example.org/audri")
    ]


def test_an_unpublished_promoted_page_is_not_shown(client, promoted):
    guide, _french = promoted
    guide.unpublish()

    assert promotions(client, "en", "deepfake") == [
        ("AUDRi coalition", "https://example.org/audri")
    ]


def test_searching_records_nothing_about_the_query(client, promoted):
    client.get("/en/search/", {"q": "deepfake"})
    client.get("/en/search/", {"q": "how to leave my employer"})

    assert list(Query.objects.values_list("query_string", flat=True)) == ["deepfake"]
    assert not QueryDailyHits.objects.exists()
