"""A dependency that fails degrades the site instead of breaking it: with the cache down every
page and API still answers (only slower), and /healthz says which dependency is in trouble,
answering 503 only when pages cannot be served. The database going down is tested against real
processes in tests/core/test_outages.py."""

import socket

import pytest
from django.conf import settings

from cms.api.v2 import PagesAPIViewSet
from cms.settings.base import redis_cache
from home.models import CampaignPage, HomePage
from tests.factories import CampaignIndexPageFactory, CampaignPageFactory, translate
from tests.html import parse


@pytest.fixture
def cache_down(settings):
    """The production Redis cache settings, pointed at a port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{closed_port}/13")}


@pytest.fixture(scope="module")
def campaign_in_every_language(module_db):
    with module_db.unblock():
        home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE, depth=2)
        campaigns = CampaignIndexPageFactory(parent=home, title="Campaigns", slug="campaigns")
        campaign = CampaignPageFactory(parent=campaigns, title="World Day Against Trafficking")
        for code, _name in settings.LANGUAGES:
            if code != settings.LANGUAGE_CODE:
                translate(campaigns, code)
                translate(campaign, code)


def addresses_of_every_kind(code):
    campaign = CampaignPage.objects.live().filter(locale__language_code=code).first()
    return {
        f"/{code}/": 200,
        campaign.url: 200,
        f"/{code}/search/?q=trafficking": 200,
        f"/{code}/this-page-does-not-exist/": 404,
        "/api/v2/pages/": 200,
        f"/api/v2/pages/{campaign.pk}/": 200,
        "/api/v2/images/": 200,
        "/api/v3/pages/": 200,
        f"/api/v3/pages/{campaign.pk}/": 200,
        "/sitemap.xml": 200,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_pages_404_search_and_apis_still_serve_while_the_cache_is_down(
    client, campaign_in_every_language, cache_down, code
):
    client.raise_request_exception = False

    for url, status in addresses_of_every_kind(code).items():
        response = client.get(url)

        assert response.status_code == status, (url, response.content[:300])
        assert b"Connection refused" not in response.content, url
        assert b"Error 111" not in response.content, url


@pytest.mark.django_db
def test_health_check_reports_the_cache_outage_but_the_site_still_serves(client, cache_down):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "unavailable",
        "static": "ok",
    }


@pytest.mark.django_db
def test_health_check_reports_every_dependency_when_all_is_well(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "static": "ok"}


@pytest.mark.django_db
def test_health_check_fails_when_static_files_were_collected_without_their_manifest(
    client, settings, tmp_path
):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["static"] == "missing manifest"


@pytest.mark.django_db
def test_an_unexpected_error_is_a_page_in_the_visitors_language_with_the_quick_exit(
    client, monkeypatch
):
    client.raise_request_exception = False
    monkeypatch.setattr(HomePage, "serve", lambda *args, **kwargs: 1 / 0)

    response = client.get("/ar/")

    assert response.status_code == 500
    assert "Retry-After" not in response
    document = parse(response)
    assert (document.find("html")["lang"], document.find("html")["dir"]) == ("ar", "rtl")
    assert "data-quick-exit" in document.find("a")
    assert "Something went wrong" not in response.content.decode()


@pytest.mark.django_db
def test_an_unexpected_api_error_is_json(client, monkeypatch):
    client.raise_request_exception = False
    monkeypatch.setattr(PagesAPIViewSet, "listing_view", lambda *args, **kwargs: 1 / 0)

    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html,application/json")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == response.json()["message"]  # API v2 keeps `message`
