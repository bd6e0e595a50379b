"""Reads of anonymous public requests go to the read replica (DATABASE_REPLICA_URL), everything
else to the primary: writes, migrations, the admin, previews, logged-in users, API tokens,
management commands, tasks and the scheduled-jobs worker.

A request is decided once, when it arrives (`ReplicaReadsMiddleware`): the requests the
response cache may keep (caching.middleware.is_cacheable_request: GET/HEAD of pages, both APIs
and search, without a session, Authorization, preview or token), and only while the replica has
replayed everything the primary had written by then. That one condition gives read-your-writes
to everyone, the editor and the visitor right after a form alike, and keeps the response cache
fresh: an answer kept under a generation that a change moved on (caching/generation.py) was
read after that change committed, so never from a replica still without it. A replica that
lags, or does not answer (down, unreachable), leaves the reads to the primary; one that failed
is not asked again for DATABASE_REPLICA_RETRY_SECONDS, so that a host that does not answer at
all costs one connect timeout, not one per request. A replica failing in the middle of a request
fails that request as the primary would (a 503, core/views.py).
"""

import contextvars
import logging
import time

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from caching.middleware import is_cacheable_request

REPLICA = "replica"
ROUTER = "cms.db_routing.ReplicaRouter"

logger = logging.getLogger(__name__)
reading_from_replica = contextvars.ContextVar("reading_from_replica", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if reading_from_replica.get() else DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary, row for row

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = reading_from_replica.set(reads_from_replica(request))
        try:
            return self.get_response(request)
        finally:
            reading_from_replica.reset(token)


def reads_from_replica(request):
    return (
        ROUTER in settings.DATABASE_ROUTERS
        and is_cacheable_request(request)
        and replica_is_caught_up()
    )


class ReplicaOutage:
    """When this process last found the replica not answering (per process: it only spares
    the next requests a connect timeout each)."""

    until = 0.0


def replica_is_caught_up():
    if time.monotonic() < ReplicaOutage.until:
        return False
    replica = connections[REPLICA]
    if same_database(replica.settings_dict, connections[DEFAULT_DB_ALIAS].settings_dict):
        return True  # the test suite's mirror
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_flush_lsn()")
            (written,) = cursor.fetchone()
    except DatabaseError:
        return False  # the primary's outage, answered as such by the view reading it
    try:
        with replica.cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [written])
            (caught_up,) = cursor.fetchone()
    except DatabaseError:
        logger.warning("The read replica does not answer: reads go to the primary for a while.")
        ReplicaOutage.until = time.monotonic() + settings.DATABASE_REPLICA_RETRY_SECONDS
        return False
    return bool(caught_up)


def same_database(one, other):
    return all(one[key] == other[key] for key in ("HOST", "PORT", "NAME"))
