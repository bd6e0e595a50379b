"""The search page refuses what it cannot search for with a 400 and a message in the visitor's
language, never a 500: a NUL character (PostgreSQL refuses it in text; SQLite's full-text query
parser too) and a query longer than the search box allows."""

import pytest
from django.utils import translation

from search.views import MAX_QUERY_LENGTH, query_problem
from tests.html import parse


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["\x00", "trafficking\x00", "a" * (MAX_QUERY_LENGTH + 1)])
@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_an_unsearchable_query_is_a_400_with_a_message_in_the_visitors_language(
    client, query, language
):
    response = client.get(f"/{language}/search/", {"q": query})

    assert response.status_code == 400
    document = parse(response)
    with translation.override(language):
        assert query_problem(query) in document.text
    assert document.find("html")["lang"] == language
    assert document.find("p", class_="search-problem", role="alert") is not None
    assert document.find("input", name="q")["value"] == ""


@pytest.mark.django_db
def test_the_messages_are_translated(client):
    with translation.override("fr"):
        french = query_problem("\x00")
    with translation.override("en"):
        english = query_problem("\x00")

    assert french != english
    assert french in parse(client.get("/fr/search/", {"q": "\x00"})).text


@pytest.mark.django_db
def test_the_longest_query_the_search_box_allows_is_searched(client):
    response = client.get("/en/search/", {"q": "a" * MAX_QUERY_LENGTH, "page": "²"})

    assert response.status_code == 200
