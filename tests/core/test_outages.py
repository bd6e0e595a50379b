"""The database restarting under load: the site under gunicorn (production settings, persistent
connections) answers 503 with a page in the visitor's language, or JSON on the APIs, while it is
down, and serves again as soon as it is back, without restarting the application: not even the
first requests after a restart fail on a connection the restart closed."""

import threading
from collections import Counter
from contextlib import contextmanager

import pytest
import requests

from core.models import SiteSettings
from tests.csp import STRICT_PUBLIC_POLICY, policy
from tests.html import parse
from tests.servers import (
    POSTGRES_BIN,
    PROXY_HEADERS,
    collect_static,
    gunicorn,
    wait_for,
)

pytestmark = [
    pytest.mark.outage,
    pytest.mark.skipif(POSTGRES_BIN is None, reason="needs PostgreSQL's server programs"),
]

LANGUAGES = ["en", "fr", "es", "sw", "ar"]
LOAD = [
    *[f"/{code}/" for code in LANGUAGES],
    "/fr/search/?q=traite",
    "/api/v2/pages/?locale=fr",
    "/api/v3/pages/",
]


@pytest.fixture(scope="module")
def site(private_database, tmp_path_factory):
    static_root = tmp_path_factory.mktemp("static")
    collect_static(static_root)
    # Without the response cache, which would answer kept pages from its files all through the
    # outage: these tests are about what rendering does when the database is gone.
    with gunicorn(static_root, DATABASE_URL=private_database.url, RESPONSE_CACHE="off") as base_url:
        yield base_url


def wait_until(condition, statuses):
    wait_for(condition, 60, f"the expected answers did not come (so far {dict(statuses)})")


def get(site, path, **headers):
    return requests.get(f"{site}{path}", headers={**PROXY_HEADERS, **headers}, timeout=15)


@contextmanager
def load(site, clients=4):
    """Clients requesting LOAD over and over until the block ends; yields their status counts."""
    statuses = Counter()
    stop = threading.Event()

    def client(offset):
        session = requests.Session()
        index = offset
        while not stop.is_set():
            path = LOAD[index % len(LOAD)]
            response = session.get(f"{site}{path}", headers=PROXY_HEADERS, timeout=15)
            statuses[response.status_code] += 1
            index += 1

    threads = [threading.Thread(target=client, args=(offset,)) for offset in range(clients)]
    for thread in threads:
        thread.start()
    try:
        yield statuses
    finally:
        stop.set()
        for thread in threads:
            thread.join()


def served_everything(site):
    return all(get(site, path).status_code == 200 for path in LOAD)


def test_database_outage_under_load_is_a_503_then_the_site_recovers_by_itself(
    site, private_database
):
    with load(site) as statuses:
        wait_until(lambda: statuses[200] >= 20, statuses)
        with private_database.stopped():
            wait_until(lambda: sum(statuses.values()) >= statuses[200] + 20, statuses)
        wait_until(lambda: get(site, "/healthz").status_code == 200, statuses)
        served = statuses[200]
        wait_until(lambda: statuses[200] >= served + 40, statuses)

    assert set(statuses) == {200, 503}, statuses
    assert served_everything(site)


def test_first_requests_after_a_database_restart_do_not_fail(site, private_database):
    with load(site, clients=8) as statuses:
        wait_until(lambda: statuses[200] >= 24, statuses)  # every thread holds a connection

    private_database.restart()

    with load(site, clients=8) as statuses:
        wait_until(lambda: sum(statuses.values()) >= 32, statuses)
    assert set(statuses) == {200}, statuses


@pytest.fixture
def database_down(site, private_database):
    with private_database.stopped():
        yield


@pytest.mark.parametrize(("code", "direction"), [("fr", "ltr"), ("ar", "rtl"), ("sw", "ltr")])
def test_outage_page_is_in_the_visitors_language_with_the_quick_exit(
    site, database_down, code, direction
):
    response = get(site, f"/{code}/")

    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) > 0
    assert "no-store" in response.headers["Cache-Control"]
    assert "Set-Cookie" not in response.headers
    assert policy(response.headers) == {**STRICT_PUBLIC_POLICY, "upgrade-insecure-requests": []}
    document = parse(response)
    html = document.find("html")
    assert (html["lang"], html["dir"]) == (code, direction)
    first_link = document.find("a")  # first in keyboard order
    assert "data-quick-exit" in first_link
    assert first_link["href"] == SiteSettings._meta.get_field("quick_exit_url").default
    assert "Please try again" not in response.text  # translated, not English
    stylesheets = [link["href"] for link in document.find_all("link", rel="stylesheet")]
    assert stylesheets and all(get(site, href).status_code == 200 for href in stylesheets)


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v3/pages/", "/api/v2/pages/3/"])
def test_apis_answer_json_during_a_database_outage(site, database_down, path):
    response = get(site, path, Accept="text/html,application/json")

    assert response.status_code == 503
    assert response.headers["Content-Type"] == "application/problem+json"
    assert int(response.headers["Retry-After"]) > 0
    assert response.json()["status"] == 503
    assert response.json()["detail"]
    assert "connection" not in response.text.lower()


def test_health_check_says_the_database_is_unreachable(site, database_down):
    response = get(site, "/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
