"""Public API responses carry cache headers, an ETag and 304s; personal ones are never stored."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils.http import http_date
from wagtail.models import APIToken

from tests.factories import StandardPageFactory, translate

API_URLS = ["/api/v2/pages/{id}/", "/api/v3/pages/{id}/"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(english_resource):
    return english_resource


def vary(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",")}


def cache_control(response):
    return {value.strip() for value in response.get("Cache-Control", "").split(",") if value}


@pytest.mark.parametrize("url", API_URLS)
def test_a_public_page_is_cacheable_with_a_strong_etag_and_its_publication_date(client, page, url):
    response = client.get(url.format(id=page.pk))

    assert response.status_code == 200
    assert response.json()["title"] == page.title
    assert cache_control(response) == {
        "public",
        "max-age=60",
        f"stale-while-revalidate={settings.API_CACHE_STALE_WHILE_REVALIDATE}",
    }
    etag = response["ETag"]
    assert etag.startswith('"') and etag.endswith('"') and not etag.startswith("W/")
    assert response["Last-Modified"] == http_date(page.last_published_at.timestamp())
    assert {"accept", "origin"} <= vary(response)
    assert "accept-language" not in vary(response)  # `?locale=` chooses the language


@pytest.mark.parametrize("url", ["/api/v2/pages/?locale=fr", "/api/v3/pages/?locale=fr"])
def test_listings_are_cacheable_too(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert "public" in cache_control(response)
    assert response["ETag"]


@pytest.mark.parametrize("url", API_URLS)
def test_a_matching_if_none_match_gets_304_without_a_body(client, page, url):
    first = client.get(url.format(id=page.pk))

    again = client.get(url.format(id=page.pk), HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert "public" in cache_control(again)

    other = client.get(url.format(id=page.pk), HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200
    assert other.content == first.content


@pytest.mark.parametrize("url", API_URLS)
def test_head_answers_like_get_without_a_body(client, page, url):
    get = client.get(url.format(id=page.pk))

    head = client.head(url.format(id=page.pk))

    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Cache-Control"] == get["Cache-Control"]
    assert client.head(url.format(id=page.pk), HTTP_IF_NONE_MATCH=get["ETag"]).status_code == 304


def test_the_etag_differs_between_languages_of_the_same_listing(client, english_home):
    translate(StandardPageFactory(parent=english_home, title="About us"), "fr")

    english = client.get("/api/v2/pages/", {"locale": "en", "type": "home.StandardPage"})
    french = client.get("/api/v2/pages/", {"locale": "fr", "type": "home.StandardPage"})

    assert english["ETag"] != french["ETag"]


@override_settings(API_CACHE_MAX_AGE=300, API_CACHE_STALE_WHILE_REVALIDATE=0)
def test_the_lifetime_comes_from_the_settings(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")

    assert cache_control(response) == {"public", "max-age=300"}


@pytest.mark.parametrize("url", API_URLS)
def test_a_missing_page_is_a_json_404_that_is_not_reused(client, url):
    response = client.get(url.format(id=999_999))

    assert response.status_code == 404
    assert response.json()
    assert cache_control(response) == {"no-cache"}
    assert "ETag" not in response


def test_a_token_request_is_private_and_never_stored(client, page, admin_user):
    _token, plaintext = APIToken.create_token(user=admin_user, name="automation")

    response = client.get(f"/api/v3/pages/{page.pk}/", HTTP_AUTHORIZATION=f"Bearer {plaintext}")

    assert response.status_code == 200
    assert cache_control(response) == {"private", "no-store"}
    assert "ETag" not in response


def test_a_draft_asked_with_a_token_is_private(client, page, admin_user):
    _token, plaintext = APIToken.create_token(user=admin_user, name="automation")
    page.title = "Draft title"
    page.save_revision()

    response = client.get(
        f"/api/v3/pages/{page.pk}/",
        {"version": "draft"},
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )

    assert response.json()["title"] == "Draft title"
    assert cache_control(response) == {"private", "no-store"}


def test_an_invalid_token_is_private_too(client, page):
    response = client.get(f"/api/v3/pages/{page.pk}/", HTTP_AUTHORIZATION="Bearer nonsense")

    assert cache_control(response) == {"private", "no-store"}


def test_a_logged_in_session_is_private(admin_client, page):
    response = admin_client.get(f"/api/v2/pages/{page.pk}/")

    assert response.status_code == 200
    assert cache_control(response) == {"private", "no-store"}
    assert "ETag" not in response


def test_anonymous_draft_requests_get_the_live_page_and_are_not_stored(client, page):
    live_title = page.title
    page.title = "Unpublished draft"
    page.save_revision()

    response = client.get(f"/api/v3/pages/{page.pk}/", {"version": "draft"})

    assert response.json()["title"] == live_title
    assert cache_control(response) == {"private", "no-store"}


def test_site_pages_have_their_own_cache_headers(client, page):
    # Pages are public for CDNs with s-maxage (tests/caching/test_page_headers.py), unlike the
    # APIs' max-age for browsers.
    response = client.get(page.url)

    assert response.status_code == 200
    assert "public" in cache_control(response)
    assert any(d.startswith("s-maxage=") for d in cache_control(response))
