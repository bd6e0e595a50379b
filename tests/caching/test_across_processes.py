"""The caches in real processes: the site under gunicorn (production settings, two workers) with
its response cache in files every process shares, Varnish in front of it with the repository's
configuration, and an editor's change made in another process. The next request after the
change, served by any worker or by Varnish, is fresh."""

import subprocess
import sys

import pytest
import requests
from django.conf import settings

from tests.servers import POSTGRES_BIN, PROXY_HEADERS, editor_environment

pytestmark = [
    pytest.mark.outage,
    # Not for this process's database, which the servers never see: pytest-django sets the test
    # database up only for a session with tests marked so.
    pytest.mark.django_db,
    pytest.mark.skipif(POSTGRES_BIN is None, reason="needs PostgreSQL's server programs"),
]

HOME = "/en/"
API = "/api/v2/pages/?locale=en&type=home.HomePage&fields=hero_heading"


def edit_in_another_process(environment, heading, purge_url=None):
    """An editor's publish, made by a process that serves no request."""
    code = (
        "from home.models import HomePage; "
        "page = HomePage.objects.get(locale__language_code='en', depth=2); "
        f"page.hero_heading = {heading!r}; "
        "page.save_revision().publish()"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=settings.BASE_DIR,
        env=editor_environment(environment, purge_url),
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
