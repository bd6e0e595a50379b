"""The order of results on PostgreSQL: a match in the title, the summary or a taxonomy's name
(tsvector weights B and C, modelsearch's title_norm favouring short titles) above a match in the
body (weight D); stemming in English, French and Spanish finds inflected forms."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.search import index

from tests.factories import (
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
    translate,
)

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="tsvector weights and stemming need PostgreSQL (DATABASE_URL)",
    ),
    pytest.mark.django_db,
]


def paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


def titles(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    document = BeautifulSoup(response.content, "html.parser")
    return [link.text for link in document.select("ol.search-results h2 a")]


@pytest.fixture
def library(english_home):
    return ResourceIndexPageFactory(parent=english_home, title="Resources", slug="resources")


def test_a_title_summary_or_topic_match_ranks_above_a_body_match(client, library):
    common = {"parent": library, "resource_type": ResourceTypeFactory(name="Report")}
    ResourcePageFactory(
        slug="body", title="Body", summary="Other.", body=paragraph("Courts."), **common
    )
    topical = ResourcePageFactory(slug="topic", title="Topic", summary="Other.", **common)
    topical.topics.add(TopicFactory(name="Courts", slug="courts"))
    topical.save_revision().publish()
    index.insert_or_update_object(topical)  # as the worker does, once the topics are saved
    ResourcePageFactory(slug="summary", title="Summary", summary="Courts decide.", **common)
    ResourcePageFactory(slug="title", title="Courts and survivors", summary="Other.", **common)

    found = titles(client, "en", "court")

    assert found[-1] == "Body"
    assert set(found[:-1]) == {"Courts and survivors", "Summary", "Topic"}


@pytest.mark.parametrize(
    ("language", "title", "query"),
    [
        ("en", "Judges who listened", "listening judge"),
        ("fr", "Les juges écoutent les survivantes", "survivante juge"),
        ("es", "Los tribunales escuchan", "tribunal"),
    ],
)
def test_an_inflected_form_finds_a_title_in_each_language(client, library, language, title, query):
    english = ResourcePageFactory(parent=library, slug="judges", title="Judges who listened")
    page = english
    if language != "en":
        for instance in (english.resource_type, library):
            translate(instance, language)
        page = translate(english, language, {english.title: title})

    assert titles(client, language, query) == [page.title]
