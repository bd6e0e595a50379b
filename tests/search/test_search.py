import pytest

from resources.models import ResourcePage
from tests.html import parse


@pytest.mark.django_db
def test_search_finds_pages_in_the_visitors_language_only(client):
    english = ResourcePage.objects.get(locale__language_code="en", slug="deepfake-abuse")
    french = english.get_translation(english.locale.__class__.objects.get(language_code="fr"))

    french_results = parse(client.get("/fr/search/", {"q": french.title}))
    english_results = parse(client.get("/en/search/", {"q": english.title}))

    french_links = {a.get("href") for a in french_results.find_all("a")}
    english_links = {a.get("href") for a in english_results.find_all("a")}
    assert french.url in french_links
    assert english.url not in french_links
    assert english.url in english_links
    assert french_results.find("html")["lang"] == "fr"


@pytest.mark.django_db
def test_search_without_a_query_shows_the_form(client):
    document = parse(client.get("/sw/search/"))

    assert document.find("input", name="q") is not None
    assert document.find("html")["lang"] == "sw"
