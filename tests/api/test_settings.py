"""The operators' environment variables reach the settings."""

import json
import os
import subprocess
import sys

from django.conf import settings

SHOW = """
import json
from django.conf import settings
print(json.dumps({
    "cors": settings.CORS_ALLOWED_ORIGINS,
    "max_age": settings.API_CACHE_MAX_AGE,
    "preview_urls": settings.WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"],
    "preview_locale_urls": settings.HEADLESS_PREVIEW_LOCALE_URLS,
    "preview_max_age": settings.HEADLESS_PREVIEW_MAX_AGE,
}))
"""
PREFLIGHT = """
from django.test import Client
response = Client().options(
    "/api/v2/pages/",
    HTTP_ORIGIN="https://front.example.org",
    HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
)
print(response.status_code, response.has_header("Access-Control-Allow-Origin"))
"""
VARIABLES = [
    "API_CACHE_MAX_AGE",
    "API_CORS_ORIGINS",
    "HEADLESS_PREVIEW_URL",
    "HEADLESS_PREVIEW_URL_FR",
    "HEADLESS_PREVIEW_MAX_AGE",
]


def run_with(code, **variables):
    """The last line `code` prints, run with the test settings and only the given `VARIABLES`."""
    env = {name: value for name, value in os.environ.items() if name not in VARIABLES}
    env.update(variables, DJANGO_SETTINGS_MODULE="cms.settings.test")
    command = [sys.executable, "-c", "import django; django.setup()\n" + code]
    result = subprocess.run(
        command, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    )
    return result.stdout.strip().splitlines()[-1]


def test_no_frontend_may_read_across_origins_unless_listed():
    assert run_with(PREFLIGHT) == "200 False"
    assert run_with(PREFLIGHT, API_CORS_ORIGINS="https://front.example.org") == "200 True"


def test_variables_configure_cors_caching_and_headless_preview():
    values = json.loads(
        run_with(
            SHOW,
            API_CACHE_MAX_AGE="120",
            API_CORS_ORIGINS="https://front.example.org/, http://localhost:3000",
            HEADLESS_PREVIEW_URL="https://front.example.org/{locale}/preview",
            HEADLESS_PREVIEW_URL_FR="https://fr.example.org/apercu",
            HEADLESS_PREVIEW_MAX_AGE="600",
        )
    )

    assert values == {
        "cors": ["https://front.example.org", "http://localhost:3000"],
        "max_age": 120,
        "preview_urls": {"default": "https://front.example.org/{locale}/preview"},
        "preview_locale_urls": {"fr": "https://fr.example.org/apercu"},
        "preview_max_age": 600,
    }
