"""Which database a request reads (cms/db_routing.py): the replica for anonymous public reads,
the primary for everything else. Here the replica is the test database itself (a Django test
mirror, cms/settings/test.py), so what is checked is which connection each request uses;
tests/cms/test_streaming_replica.py runs the site against a real streaming replica."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.test.utils import CaptureQueriesContext

from cms.db_routing import ROUTER, ReplicaRouter, reading_from_replica
from cms.settings.database import replica_database

pytestmark = pytest.mark.django_db(databases=["default", "replica"])

PUBLIC_READS = ["/en/", "/fr/", "/en/search/?q=rights", "/api/v2/pages/", "/api/v3/pages/"]


@pytest.fixture(autouse=True)
def routed(settings):
    settings.DATABASE_ROUTERS = [ROUTER]
    settings.RESPONSE_CACHE = False  # every request renders, and so reads


@pytest.fixture(autouse=True, scope="module")
def replica_connection_closed_afterwards():
    """Left open, it would keep the test database from being dropped at the end of the run."""
    yield
    connections["replica"].close()


def databases_read(client, path, method="get", **extra):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = getattr(client, method)(path, **extra)
    assert response.status_code < 500, path
    return {
        alias
        for alias, queries in (("primary", primary), ("replica", replica))
        if queries.captured_queries
    }


@pytest.mark.parametrize("path", PUBLIC_READS)
def test_anonymous_public_reads_come_from_the_replica(client, path):
    assert databases_read(client, path) == {"replica"}


def test_a_head_request_reads_the_replica_too(client):
    assert databases_read(client, "/en/", method="head") == {"replica"}


@pytest.mark.parametrize("path", ["/en/", "/api/v2/pages/", "/admin/"])
def test_a_logged_in_user_reads_the_primary(admin_client, path):
    assert databases_read(admin_client, path) == {"primary"}


def test_a_visitor_with_a_session_reads_the_primary(client):
    client.cookies["sessionid"] = "a-page-password-passed"
    assert databases_read(client, "/en/") == {"primary"}


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/api/v2/pages/", {"HTTP_AUTHORIZATION": "Bearer a-token"}),
        ("/en/?preview=1", {}),
        ("/api/v2/pages/?version=latest", {}),
        ("/api/v2/page_preview/?content_type=home.homepage&token=x", {}),
        ("/admin/login/", {}),
    ],
)
def test_private_previews_tokens_and_the_admin_read_the_primary(client, path, headers):
    assert databases_read(client, path, **headers) == {"primary"}


def test_a_form_sent_reads_and_writes_the_primary(client):
    assert databases_read(client, "/en/search/", method="post", data={"q": "x"}) == {"primary"}


def test_without_the_router_every_request_reads_the_primary(client, settings):
    settings.DATABASE_ROUTERS = []
    assert databases_read(client, "/en/") == {"primary"}


def test_outside_requests_reads_and_writes_go_to_the_primary():
    router = ReplicaRouter()
    assert router.db_for_read(None) == "default"
    assert router.db_for_write(None) == "default"
    token = reading_from_replica.set(True)
    try:
        assert router.db_for_read(None) == "replica"
        assert router.db_for_write(None) == "default"
    finally:
        reading_from_replica.reset(token)


def test_migrations_run_on_the_primary_only():
    router = ReplicaRouter()
    assert router.allow_migrate("default", "core")
    assert not router.allow_migrate("replica", "core")


POSTGRES_PRIMARY = {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 600, "OPTIONS": {}}


def test_a_replica_copies_the_primarys_connection_settings():
    replica = replica_database(
        "postgres://reader@replica.internal:5433/cms",
        {**POSTGRES_PRIMARY, "OPTIONS": {"connect_timeout": 5}},
    )
    assert replica["HOST"] == "replica.internal"
    assert replica["PORT"] == 5433
    assert replica["CONN_MAX_AGE"] == 600
    assert replica["OPTIONS"] == {"connect_timeout": 5}
    assert replica["TEST"] == {"MIRROR": "default"}


def test_a_replica_that_is_not_postgresql_is_refused():
    with pytest.raises(ImproperlyConfigured, match="postgres://"):
        replica_database("mysql://reader@replica.internal/cms", POSTGRES_PRIMARY)


def test_a_replica_without_a_postgresql_primary_is_refused():
    sqlite_primary = {"ENGINE": "django.db.backends.sqlite3", "CONN_MAX_AGE": 0}
    with pytest.raises(ImproperlyConfigured, match="PostgreSQL primary"):
        replica_database("postgres://reader@replica.internal/cms", sqlite_primary)
