"""The search page refuses what it cannot search for with a 400 and a message in the visitor's
language, never a 500: a NUL character (PostgreSQL refuses it in text; SQLite's full-text query
parser too) and a query longer than the search box allows."""

import pytest
from django.utils import translation

from search.query import MAX_QUERY_WORDS
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


@pytest.mark.django_db
@pytest.mark.parametrize(
    "raw_query",
    [
        "q=%ED%A0%80",  # a lone surrogate, as UTF-8 would encode it
        "q=%FF%FE",  # bytes that are not UTF-8
        "q=%22",  # a double quote: SQLite's full-text syntax
        "q=a%22b%22c%20NEAR(x%20y)%20*%20OR%20AND%20NOT",
        "q=%27%20OR%201%3D1%20--",
        "q=(((((((((((a",
        "q=%5C%5C%5C%5C%25_%25",
        "q=%F0%9F%98%80%F0%9F%8F%B3%EF%B8%8F%E2%80%8D%F0%9F%8C%88",  # emoji
        "q=%D9%85%D9%8E%D9%83%D8%A7%D9%81%D8%AD%D8%A9%20court%20%E4%B8%AD%E6%96%87",  # mixed
        "q=%E2%80%AE%EF%BB%BF",  # right-to-left override, byte-order mark
        "q=...%20!!!%20%3F%3F%3F",
        "q=court&type=story&type=resource&page=-1",
        "q=court&type=%00&page=99999999999999999999999",
        "q=" + "a%20" * 12,  # as many words as allowed
        "type=resource",  # no query
    ],
)
def test_any_query_gets_a_page_never_a_server_error(client, raw_query):
    response = client.get(f"/en/search/?{raw_query}")

    assert response.status_code == 200, raw_query
    assert parse(response).find("input", name="q") is not None


@pytest.mark.django_db
def test_too_many_words_is_a_400_with_a_message(client):
    response = client.get("/en/search/", {"q": " ".join(["court"] * (MAX_QUERY_WORDS + 1))})

    assert response.status_code == 400
    assert "too many words" in parse(response).text
