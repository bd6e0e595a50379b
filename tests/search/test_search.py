import pytest

from tests.factories import ResourceIndexPageFactory, ResourcePageFactory, translate
from tests.html import parse


@pytest.fixture
def deepfake_resources(english_home):
    """A resource in English and in French, each with a title of its own language."""
    library = ResourceIndexPageFactory(parent=english_home, title="Resources", slug="resources")
    english = ResourcePageFactory(parent=library, title="Deepfake abuse", slug="deepfake-abuse")
    for instance in (english.resource_type, library):
        translate(instance, "fr")
    french = translate(english, "fr", {"Deepfake abuse": "Abus par hypertrucage"})
    return english, french


@pytest.mark.django_db
def test_search_finds_pages_in_the_visitors_language_only(client, deepfake_resources):
    english, french = deepfake_resources

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
