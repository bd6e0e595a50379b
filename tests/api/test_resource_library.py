"""The resource library from /api/v2/pages/?type=resources.ResourcePage: filters by type,
topic, region, year and featured in any language, ordering, pagination and search."""

import datetime

import pytest
from django.db import connection

from resources.models import ResourcePage
from tests.api.conftest import get_json, in_language, locale

pytestmark = pytest.mark.usefixtures("api_site")

LIBRARY = "/api/v2/pages/"
FIELDS = "resource_type,topics,regions,publication_date,featured,cover_image"


def library(client, status=200, **params):
    return get_json(
        client, LIBRARY, {"type": "resources.ResourcePage", "fields": FIELDS, **params}, status
    )


def expected(code, **filters):
    return set(
        ResourcePage.objects.live()
        .filter(locale=locale(code), **filters)
        .distinct()
        .values_list("pk", flat=True)
    )


def ids(data):
    return {item["id"] for item in data["items"]}


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["fr", "ar"])
def test_french_and_arabic_libraries_filter_by_type_topic_region_year_and_featured(client, code):
    by_type = library(client, locale=code, resource_type="policy-brief")
    by_topic = library(client, locale=code, topic="online-exploitation")
    by_region = library(client, locale=code, region="malawi")
    by_year = library(client, locale=code, year="2026")
    featured = library(client, locale=code, featured="true")
    not_featured = library(client, locale=code, featured="false")
    combined = library(client, locale=code, topic="access-to-justice", region="kenya", year="2025")

    assert ids(by_type) == expected(code, resource_type__slug="policy-brief") != set()
    assert {item["resource_type"]["slug"] for item in by_type["items"]} == {"policy-brief"}
    assert ids(by_topic) == expected(code, topics__slug="online-exploitation") != set()
    assert all(
        "online-exploitation" in [topic["slug"] for topic in item["topics"]]
        for item in by_topic["items"]
    )
    assert ids(by_region) == expected(code, regions__slug="malawi") != set()
    assert ids(by_year) == expected(code, publication_date__year=2026) != set()
    assert ids(featured) == expected(code, featured=True) != set()
    assert ids(not_featured) == expected(code, featured=False) != set()
    assert ids(combined) == expected(
        code, topics__slug="access-to-justice", publication_date__year=2025
    ) & expected(code, regions__slug="kenya")
    assert {item["meta"]["locale"] for item in by_topic["items"]} == {code}


@pytest.mark.django_db
def test_library_lists_several_values_as_any_of_them(client):
    data = library(client, locale="es", resource_type="policy-brief,bench-book")

    assert ids(data) == expected("es", resource_type__slug__in=["policy-brief", "bench-book"])
    assert data["meta"]["total_count"] == 3


@pytest.mark.django_db
def test_library_is_newest_first_and_orders_by_date_or_title(client):
    default = library(client, locale="fr", limit=100)["items"]
    newest = library(client, locale="fr", order="-publication_date", limit=100)["items"]
    oldest = library(client, locale="fr", order="publication_date", limit=100)["items"]
    by_title = library(client, locale="fr", order="title", limit=100)["items"]

    dates = [item["publication_date"] for item in default]
    assert dates == sorted(dates, reverse=True)
    assert [item["publication_date"] for item in newest] == dates
    assert [item["publication_date"] for item in oldest] == sorted(dates)
    titles = [item["title"] for item in by_title]
    assert titles == sorted(titles, key=lambda title: ResourcePage.objects.get(title=title).title)
    assert len(titles) == 5


@pytest.mark.django_db
def test_library_is_paginated_with_a_total_count(client):
    first = library(client, locale="sw", limit=2)
    third = library(client, locale="sw", limit=2, offset=4)

    assert first["meta"]["total_count"] == third["meta"]["total_count"] == 5
    assert len(first["items"]) == 2
    assert len(third["items"]) == 1
    assert ids(first).isdisjoint(ids(third))


@pytest.mark.django_db
def test_library_searches_in_one_language(client):
    french = in_language(ResourcePage, "fr", slug="regulating-platforms")
    english = french.get_translation(locale("en"))

    found = library(client, locale="fr", search="plateformes")
    in_english = library(client, locale="en", search="platforms")

    assert french.pk in ids(found)
    assert {item["meta"]["locale"] for item in found["items"]} == {"fr"}
    assert english.pk in ids(in_english)
    assert {item["meta"]["locale"] for item in in_english["items"]} == {"en"}


@pytest.mark.django_db
def test_unknown_slugs_give_an_empty_list_and_malformed_filters_a_400(client):
    unknown = library(client, locale="fr", resource_type="no-such-type")
    bad_year = library(client, 400, year="abc")
    bad_featured = library(client, 400, featured="maybe")
    bad_slug = library(client, 400, topic="not a slug!")
    bad_date = library(client, 400, publication_date="yesterday")
    without_type = get_json(client, LIBRARY, {"topic": "law-reform"}, 400)

    assert unknown == {"meta": {"total_count": 0}, "items": [], "count": 0}
    assert "year" in bad_year["message"]
    assert "featured" in bad_featured["message"]
    assert "topic" in bad_slug["message"]
    assert "publication_date" in bad_date["message"]
    assert "type=resources.ResourcePage" in without_type["message"]


@pytest.mark.django_db
def test_publication_date_filters_exactly(client):
    data = library(client, locale="en", publication_date="2025-11-20")

    assert ids(data) == expected("en", publication_date=datetime.date(2025, 11, 20))


@pytest.mark.django_db
def test_v3_searches_pages_in_the_language_of_locale(client):
    french = in_language(ResourcePage, "fr", slug="regulating-platforms")

    found = get_json(
        client,
        "/api/v3/pages/",
        {"type": "resources.ResourcePage", "locale": "fr", "search": "plateformes"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert french.pk in ids(found)
    assert {item["meta"]["locale"] for item in found["items"]} == {"fr"}


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="per-language stemming needs PostgreSQL"
)
@pytest.mark.parametrize("api", ["/api/v2/pages/", "/api/v3/pages/"])
def test_search_stems_words_in_the_language_of_locale(client, api):
    french = in_language(ResourcePage, "fr", slug="regulating-platforms")

    found = get_json(
        client,
        api,
        {"type": "resources.ResourcePage", "locale": "fr", "search": "plateforme"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert french.pk in ids(found)  # "plateforme" finds "plateformes" with French stemming
