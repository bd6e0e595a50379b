"""The site against a real streaming replica (cms/db_routing.py): a private primary, a hot
standby made from it with pg_basebackup, and gunicorn with DATABASE_URL on the first and
DATABASE_REPLICA_URL on the second. Anonymous reads are answered by the standby while it has
caught up; a change on the primary is seen at once by editors and, from the primary, by
visitors while the standby lags, then from the standby once it has replayed it."""

import uuid

import pytest
import requests

from tests.servers import (
    POSTGRES_BIN,
    PROXY_HEADERS,
    StreamingStandby,
    collect_static,
    gunicorn,
    wait_for,
)

pytestmark = [
    pytest.mark.outage,
    pytest.mark.django_db,  # see tests/caching/test_across_processes.py
    pytest.mark.skipif(POSTGRES_BIN is None, reason="needs PostgreSQL's server programs"),
]

HOME_PAGES = "/api/v2/pages/?type=home.HomePage&locale=en&fields=title"
REPLICATION_LAG_BOUND = 5  # seconds: on loopback, replay takes milliseconds
# Page-table reads by the backends of each database (counted when a backend ends: the site runs
# without persistent connections here, so each request's reads are counted as it finishes).
PAGE_READS = (
    "SELECT COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0) FROM pg_stat_user_tables"
    " WHERE relname = 'wagtailcore_page'"
)
EDITOR = {"Cookie": "sessionid=an-editors-session"}  # a session: the primary, whoever it is


@pytest.fixture(scope="module")
def standby(private_database):
    standby = StreamingStandby()
    try:
        standby.create_from(private_database)
        yield standby
    finally:
        standby.remove()


@pytest.fixture(scope="module")
def site(private_database, standby, tmp_path_factory):
    static_root = tmp_path_factory.mktemp("static")
    collect_static(static_root)
    # Without the response cache: the changes here are made in SQL, which does not move its
    # generation on; every request renders, and so reads one database or the other.
    with gunicorn(
        static_root,
        workers=1,
        DATABASE_URL=private_database.url,
        DATABASE_REPLICA_URL=standby.url,
        DATABASE_CONN_MAX_AGE="0",
        DATABASE_REPLICA_RETRY_SECONDS="1",
        RESPONSE_CACHE="off",
    ) as base_url:
        yield base_url


def get(site, path, **headers):
    response = requests.get(f"{site}{path}", headers={**PROXY_HEADERS, **headers}, timeout=15)
    assert response.status_code == 200, path
    return response


def home_title(site, **headers):
    return get(site, HOME_PAGES, **headers).json()["items"][0]["title"]


def page_reads(database):
    return database.sql(PAGE_READS)[0]


def reads_reach(database, site, **headers):
    """Requests read `database`'s page table: its counters move on, shortly after each request
    ends, so requests go on until they do."""
    before = page_reads(database)

    def read_and_count():
        for path in ("/en/", HOME_PAGES):
            get(site, path, **headers)
        return page_reads(database) > before

    wait_for(read_and_count, 10, "no page read reached the database")


def test_anonymous_reads_come_from_the_replica(site, standby):
    reads_reach(standby, site)


def test_editors_read_the_primary(site, private_database):
    reads_reach(private_database, site, **EDITOR)


def retitle_english_home(primary):
    title = f"Home {uuid.uuid4().hex[:8]}"
    primary.sql(
        "UPDATE wagtailcore_page SET title = %s WHERE id = ("
        " SELECT page.id FROM wagtailcore_page page JOIN wagtailcore_locale locale"
        " ON locale.id = page.locale_id WHERE page.depth = 2 AND locale.language_code = 'en')"
        " RETURNING id",
        title,
    )
    return title


def test_a_change_reaches_everyone_at_once_and_the_replica_within_the_bounded_lag(
    site, private_database, standby
):
    standby.sql("SELECT pg_wal_replay_pause()")
    try:
        title = retitle_english_home(private_database)
        assert home_title(site, **EDITOR) == title
        # The standby lags behind the change: visitors are answered from the primary.
        assert home_title(site) == title
        stale = standby.sql("SELECT title FROM wagtailcore_page WHERE title = %s", title)
        assert stale is None
    finally:
        standby.sql("SELECT pg_wal_replay_resume()")

    wait_for(
        lambda: standby.sql("SELECT 1 FROM wagtailcore_page WHERE title = %s", title),
        REPLICATION_LAG_BOUND,
        "the standby did not replay the change",
    )
    reads_reach(standby, site)
    assert home_title(site) == title


def test_the_health_check_reports_the_replica_and_its_lag(site):
    health = get(site, "/healthz").json()
    assert health["status"] == "ok"
    assert health["replica"] == "ok"
    assert health["replica_lag_bytes"] >= 0


def test_while_the_replica_is_down_the_primary_answers_everything(site, standby, private_database):
    with standby.stopped():
        assert get(site, "/healthz").json()["replica"] == "unreachable"
        reads_reach(private_database, site)
    # Asked again a second after it failed (DATABASE_REPLICA_RETRY_SECONDS here).
    wait_for(
        lambda: caught_up(site), 10, f"the replica is not back: {get(site, '/healthz').json()}"
    )
    reads_reach(standby, site)


def caught_up(site):
    health = get(site, "/healthz").json()
    return health["replica"] == "ok" and health["replica_lag_bytes"] == 0
