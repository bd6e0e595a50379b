"""Contracts an operator and a search engine rely on: redirects, health check, sitemap, settings."""

import os
import shlex
import shutil
import subprocess
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Page

from tests.html import parse


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9,en;q=0.8", "/fr/"),
        ("ar", "/ar/"),
        ("sw-KE", "/sw/"),
        ("es-419,es;q=0.9", "/es/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_the_visitors_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected
    assert client.get(expected).status_code == 200


@pytest.mark.django_db
def test_healthz_reports_the_database_as_json(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json().items() >= {"status": "ok", "database": "ok"}.items()
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_sitemap_lists_every_live_page_in_every_language(client, translated_resource):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    body = response.content.decode()
    live_pages = Page.objects.live().public().filter(depth__gte=2).specific()
    # Besides each page, the library's landing pages (a resource type's, topic's, region's).
    landing_pages = [
        page.full_url + suffix
        for page in live_pages
        if hasattr(page, "landing_pages")
        for suffix in page.landing_pages()
    ]
    assert landing_pages
    assert body.count("<url>") == live_pages.count() + len(landing_pages)
    for url in landing_pages:
        assert f"<loc>{url}</loc>" in body
    for code, _name in settings.LANGUAGES:
        assert f"/{code}/" in body
    for page in live_pages:
        assert f"<loc>{page.full_url}</loc>" in body


@pytest.mark.django_db
def test_sitemap_leaves_out_draft_pages(client, translated_resource):
    draft = Page.objects.live().filter(locale__language_code="fr", depth=4).first()
    draft.unpublish()

    body = client.get("/sitemap.xml").content.decode()

    assert draft.full_url not in body


@pytest.mark.django_db
def test_unknown_page_is_a_localized_404(client):
    response = client.get("/fr/cette-page-nexiste-pas/")

    assert response.status_code == 404
    assert parse(response).find("html")["lang"] == "fr"


@pytest.mark.django_db
def test_search_query_that_is_too_long_or_odd_is_handled(client):
    too_long = client.get("/en/search/", {"q": "x" * 5000, "page": "not-a-number"})
    odd_page = client.get("/en/search/", {"q": "x" * 200, "page": "not-a-number"})

    assert too_long.status_code == 400
    assert odd_page.status_code == 200


def test_production_settings_refuse_to_start_without_a_secret_key(run_python):
    result = run_python("pass", "cms.settings.production", DJANGO_ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_settings_refuse_to_start_without_allowed_hosts(run_python):
    result = run_python("pass", "cms.settings.production", DJANGO_SECRET_KEY="x" * 50)

    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_settings_start_when_configured(run_python):
    result = run_python(
        "pass",
        "cms.settings.production",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="example.org",
        DATABASE_URL="postgres://cms@db.example.org/cms",
        REDIS_URL="redis://cache.example.org:6379/0",
    )

    assert result.returncode == 0, result.stderr


def test_database_and_cache_come_from_the_environment(run_python):
    result = run_python(
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], "
        "'django.contrib.postgres' in s.INSTALLED_APPS)",
        "cms.settings.dev",
        DATABASE_URL="postgres://cms@db.example.org/cms",
        REDIS_URL="redis://cache.example.org:6379/0",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "django_redis.cache.RedisCache",
        "True",
    ]


@pytest.mark.django_db
def test_development_admin_account_is_refused_without_debug():
    with pytest.raises(CommandError, match="only runs with DEBUG"):
        call_command("ensure_dev_admin")


@pytest.mark.django_db
def test_make_run_on_another_port_prints_the_admin_address_it_serves(settings, monkeypatch):
    planned = subprocess.run(
        [shutil.which("make"), "--dry-run", "admin", "PORT=8012"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    admin_step = next(line for line in planned.splitlines() if "ensure_dev_admin" in line)
    settings.DEBUG = True
    monkeypatch.setenv("DJANGO_ADMIN_PASSWORD", "a-password-for-this-test")
    printed = StringIO()

    call_command(*shlex.split(admin_step.split("manage.py", 1)[1]), stdout=printed)

    assert "Admin: http://127.0.0.1:8012/admin/  login: admin" in printed.getvalue()


@pytest.mark.skipif(
    not os.environ.get("REDIS_TEST_URL"), reason="set REDIS_TEST_URL to test the Redis cache"
)
def test_redis_cache_stores_and_reads_values(run_python):
    result = run_python(
        "from django.core.cache import cache; "
        "cache.set('health', 'ok', 30); print(cache.get('health'))",
        "cms.settings.dev",
        REDIS_URL=os.environ["REDIS_TEST_URL"],
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_sites_of_two_databases_sharing_a_cache_never_read_each_others_entries(
    run_python, tmp_path
):
    """Two sites (or a test server and the real one) on one machine, each with its own database,
    share the cache directory: neither may serve the other's site root paths or pages."""
    shared = {"CACHE_DIR": str(tmp_path / "cache")}
    writer = run_python(
        "from django.core.cache import cache; cache.set('wagtail_site_root_paths', 'a', 30)",
        "cms.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'a.sqlite3'}",
        **shared,
    )
    read = "from django.core.cache import cache; print(cache.get('wagtail_site_root_paths'))"
    same_site = run_python(
        read, "cms.settings.dev", DATABASE_URL=f"sqlite:///{tmp_path / 'a.sqlite3'}", **shared
    )
    other_site = run_python(
        read, "cms.settings.dev", DATABASE_URL=f"sqlite:///{tmp_path / 'b.sqlite3'}", **shared
    )

    assert writer.returncode == 0, writer.stderr
    assert same_site.stdout.strip() == "a", same_site.stderr
    assert other_site.stdout.strip() == "None", other_site.stderr


def test_machine_translation_uses_deepl_when_a_key_is_configured(run_python):
    code = "from django.conf import settings as s; print(s.WAGTAILLOCALIZE_MACHINE_TRANSLATOR)"

    with_key = run_python(code, "cms.settings.dev", DEEPL_API_KEY="key:fx")
    without_key = run_python(code, "cms.settings.dev")
    production = run_python(
        code, "cms.settings.production", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="a.org"
    )

    assert "DeepLTranslator" in with_key.stdout and "key:fx" in with_key.stdout
    assert "DevelopmentTranslator" in without_key.stdout
    assert production.stdout.strip() == "None"
