"""The database (its search backend: cms/settings/search.py), and a read replica when
DATABASE_REPLICA_URL names one."""

import os
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from cms.settings.environment import BASE_DIR

# SQLite beside the code unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A connection kept open across a database restart is found dead and replaced before
        # the next request uses it, instead of failing that request.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

uses_postgresql = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if uses_postgresql:
    # An unreachable database host fails a request in seconds (a 503 page) instead of hanging it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)


POSTGRESQL_SCHEMES = {"postgres", "postgresql", "pgsql"}


def replica_database(url, primary):
    """A streaming replica of the primary (PostgreSQL's hot standby), read by anonymous public
    requests only (cms/db_routing.py). The test suite reads the primary through it (MIRROR)."""
    if primary["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL needs a PostgreSQL primary: DATABASE_URL must name one too."
        )
    if urlsplit(url).scheme not in POSTGRESQL_SCHEMES:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL must be a postgres:// address (a PostgreSQL streaming replica)."
        )
    replica = dj_database_url.parse(
        url, conn_max_age=primary["CONN_MAX_AGE"], conn_health_checks=True
    )
    replica["OPTIONS"] = {**primary.get("OPTIONS", {}), **replica.get("OPTIONS", {})}
    replica["TEST"] = {"MIRROR": "default"}
    return replica


# Seconds a process leaves a replica that did not answer alone before asking it again.
DATABASE_REPLICA_RETRY_SECONDS = int(os.environ.get("DATABASE_REPLICA_RETRY_SECONDS", "30"))
if replica_url := os.environ.get("DATABASE_REPLICA_URL", ""):
    DATABASES["replica"] = replica_database(replica_url, DATABASES["default"])
    DATABASE_ROUTERS = ["cms.db_routing.ReplicaRouter"]
