"""The CDN purge (wagtail.contrib.frontend_cache) is configured from the environment, or not."""

import runpy

import pytest

from cms.settings import headless
from resources.models import ResourcePage

VARIABLES = (
    "FRONTEND_CACHE_CLOUDFLARE_TOKEN",
    "FRONTEND_CACHE_CLOUDFLARE_ZONEID",
    "FRONTEND_CACHE_PURGE_URL",
)


def load_settings(monkeypatch, **environ):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(headless.__file__)


def test_nothing_is_configured_without_variables(monkeypatch):
    assert "WAGTAILFRONTENDCACHE" not in load_settings(monkeypatch)


def test_cloudflare_needs_a_token_and_a_zone(monkeypatch):
    assert "WAGTAILFRONTENDCACHE" not in load_settings(
        monkeypatch, FRONTEND_CACHE_CLOUDFLARE_TOKEN="token"
    )
    configured = load_settings(
        monkeypatch,
        FRONTEND_CACHE_CLOUDFLARE_TOKEN="token",
        FRONTEND_CACHE_CLOUDFLARE_ZONEID="zone",
    )["WAGTAILFRONTENDCACHE"]
    assert configured == {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": "token",
            "ZONEID": "zone",
        }
    }


def test_an_http_purger_such_as_varnish(monkeypatch):
    configured = load_settings(monkeypatch, FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081")[
        "WAGTAILFRONTENDCACHE"
    ]
    assert configured == {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
        }
    }
    from wagtail.contrib.frontend_cache.utils import get_backends

    backends = get_backends(configured)
    assert backends["http"].cache_netloc == "127.0.0.1:6081"


@pytest.mark.django_db
def test_publishing_purges_the_page_in_every_language_from_an_http_cache(
    translated_resource, receiver, settings, django_capture_on_commit_callbacks
):
    host, port = receiver.server.server_address[:2]
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://{host}:{port}",
        }
    }
    page = ResourcePage.objects.live().filter(locale__language_code="en").order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    purged = {r.path for r in receiver.requests if r.method == "PURGE"}
    # The page in every language (Wagtail), and the whole site (caching/purge.py): listings,
    # home pages and API answers show the page too.
    assert purged == {
        *(f"/{code}/resources/{page.slug}/" for code in ("en", "fr", "es", "sw", "ar")),
        "/",
    }
    assert all(r.headers["host"] == "127.0.0.1:8000" for r in receiver.requests)
