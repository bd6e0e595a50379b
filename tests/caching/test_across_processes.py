"""The caches in real processes: the site under gunicorn (production settings, two workers) with
its response cache in files every process shares, Varnish in front of it with the repository's
configuration, and an editor's change made in another process. The next request after the
change, served by any worker or by Varnish, is fresh."""

import os
import subprocess
import sys

import pytest
import requests
from django.conf import settings

from tests.servers import (
    POSTGRES_BIN,
    PROXY_HEADERS,
    VARNISHD,
    collect_static,
    gunicorn,
    private_copy_of_test_database,
    varnish,
)

pytestmark = [
    pytest.mark.outage,
    # Not for this process's database, which the servers never see: pytest-django sets the test
    # database up only for a session with tests marked so.
    pytest.mark.django_db,
    pytest.mark.skipif(POSTGRES_BIN is None, reason="needs PostgreSQL's server programs"),
]

HOME = "/en/"
API = "/api/v2/pages/?locale=en&type=home.HomePage&fields=hero_heading"


@pytest.fixture(scope="module")
def database(django_db_setup, django_db_blocker):
    with private_copy_of_test_database(django_db_blocker) as postgres:
        yield postgres


@pytest.fixture(scope="module")
def shared_environment(database, tmp_path_factory):
    return {
        "DATABASE_URL": database.url,
        "CACHE_DIR": str(tmp_path_factory.mktemp("cache")),
        "TASKS_BACKEND": "immediate",
    }


@pytest.fixture(scope="module")
def site(shared_environment, tmp_path_factory):
    static_root = tmp_path_factory.mktemp("static")
    collect_static(static_root)
    with gunicorn(static_root, **shared_environment) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def cdn(site):
    if VARNISHD is None:
        pytest.skip("needs Varnish (apt-get install varnish)")
    with varnish(site) as base_url:
        yield base_url


def edit_in_another_process(environment, heading, purge_url=None):
    """An editor's publish, made by a process that serves no request."""
    code = (
        "from home.models import HomePage; "
        "page = HomePage.objects.get(locale__language_code='en', depth=2); "
        f"page.hero_heading = {heading!r}; "
        "page.save_revision().publish()"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "FRONTEND_CACHE"))
    }
    env.update(environment, DJANGO_SETTINGS_MODULE="cms.settings.dev")
    if purge_url:
        env["FRONTEND_CACHE_PURGE_URL"] = purge_url
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def get(base_url, path):
    return requests.get(f"{base_url}{path}", headers=PROXY_HEADERS, timeout=15)


def test_every_worker_serves_the_change_at_once(site, shared_environment):
    for _ in range(6):  # both workers keep the page
        assert get(site, HOME).status_code == 200
    assert get(site, HOME).headers["X-Response-Cache"] == "hit"

    edit_in_another_process(shared_environment, "Freedom is not for sale")

    for _ in range(6):
        assert "Freedom is not for sale" in get(site, HOME).text
        assert "Freedom is not for sale" in get(site, API).text


def test_a_publish_is_visible_through_varnish_at_once(cdn, shared_environment):
    get(cdn, HOME)
    kept = get(cdn, HOME)
    assert kept.headers["X-Cache"] == "hit"
    assert "public" in kept.headers["Cache-Control"]
    get(cdn, API)
    assert get(cdn, API).headers["X-Cache"] == "hit"

    edit_in_another_process(shared_environment, "No one is for sale", purge_url=cdn)

    assert "No one is for sale" in get(cdn, HOME).text
    assert "No one is for sale" in get(cdn, API).text


def test_varnish_never_keeps_the_admin_or_a_signed_in_request(cdn):
    assert get(cdn, "/admin/login/").headers["X-Cache"] == "miss"
    assert get(cdn, "/admin/login/").headers["X-Cache"] == "miss"
    signed_in = requests.get(
        f"{cdn}{HOME}", headers={**PROXY_HEADERS, "Cookie": "sessionid=abc"}, timeout=15
    )
    assert signed_in.headers["X-Cache"] == "miss"


def test_a_purge_from_the_sites_machine_empties_varnish(cdn):
    get(cdn, HOME)
    assert get(cdn, HOME).headers["X-Cache"] == "hit"

    assert requests.request("PURGE", f"{cdn}/", timeout=15).status_code == 200

    assert get(cdn, HOME).headers["X-Cache"] == "miss"
