"""Static files collected under any settings serve the production site: every settings module
that serves pages names them through the same manifest, and a server started without the manifest
refuses to start rather than answer every page with a 500."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "cms.example.org"}
LINK_STYLESHEET = (
    "from django.templatetags.static import static; "
    "from core.static_files import manifest_is_missing; "
    "print(manifest_is_missing(), static('css/site.css'))"
)


@pytest.fixture(scope="module")
def collected_with_default_settings(tmp_path_factory):
    """What an operator gets from `python manage.py collectstatic` without choosing settings."""
    static_root = tmp_path_factory.mktemp("static")
    environment = {
        **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")},
        "STATIC_ROOT": str(static_root),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=settings.BASE_DIR,
        env=environment,
        check=True,
    )
    return static_root


def test_production_links_the_files_collected_under_the_default_settings(
    collected_with_default_settings, run_python
):
    result = run_python(
        LINK_STYLESHEET,
        "cms.settings.production",
        STATIC_ROOT=str(collected_with_default_settings),
        **PRODUCTION,
    )

    assert result.returncode == 0, result.stderr
    missing, address = result.stdout.split()
    assert missing == "False"
    assert address.startswith("/static/css/site.") and address.endswith(".css")
    assert address != "/static/css/site.css"  # the hashed name, cached for a year


def test_every_settings_module_that_serves_pages_stores_static_files_alike(run_python):
    code = "from django.conf import settings as s; print(s.STORAGES['staticfiles']['BACKEND'])"

    development = run_python(code, "cms.settings.dev")
    production = run_python(code, "cms.settings.production", **PRODUCTION)

    assert development.stdout == production.stdout, (development.stderr, production.stderr)
    assert "Manifest" in production.stdout


def test_server_refuses_to_start_without_the_static_files_manifest(run_python, tmp_path):
    result = run_python(
        "import cms.wsgi", "cms.settings.production", STATIC_ROOT=str(tmp_path), **PRODUCTION
    )

    assert result.returncode != 0
    assert "No static files manifest" in result.stderr
    assert "collectstatic" in result.stderr


def test_server_starts_with_the_manifest(collected_with_default_settings, run_python):
    result = run_python(
        "import cms.wsgi",
        "cms.settings.production",
        STATIC_ROOT=str(collected_with_default_settings),
        **PRODUCTION,
    )

    assert result.returncode == 0, result.stderr


SERVE_STYLESHEET = (
    "from django.templatetags.static import static; from django.test import Client; "
    "client = Client(HTTP_HOST='cms.example.org'); "
    "print(*(client.get(static('css/site.css'), secure=True, HTTP_ACCEPT_ENCODING=coding)"
    ".get('Content-Encoding', 'none') for coding in ('br', 'gzip', 'identity')))"
)


def test_production_serves_static_files_compressed(collected_with_default_settings, run_python):
    result = run_python(
        SERVE_STYLESHEET,
        "cms.settings.production",
        STATIC_ROOT=str(collected_with_default_settings),
        **PRODUCTION,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["br", "gzip", "none"]  # collectstatic's .br and .gz files
