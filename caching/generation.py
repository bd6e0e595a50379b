"""The response cache's generation: one number, in the cache every process shares, that is part
of every cached response's key. Any change that can alter a response moves it on, so that the
next request, in whichever process, misses and renders afresh; the old entries expire unread.

It moves twice: at once (for the rest of the changing request, and tests, which never commit),
and again after the commit, because a request served between the first move and the commit
would otherwise keep the old content under the new number.
"""

import threading
import time

from django.core.cache import cache
from django.db import transaction

from caching.purge import purge_everything

GENERATION_KEY = "response-cache:generation"
# A generation key outlives every response cached under it.
GENERATION_TIMEOUT = None


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A new or cleared cache: start from a number no older entry can have been stored under.
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, timeout=GENERATION_TIMEOUT)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def move_on():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there (yet, or any more): a fresh one is as good
        current_generation()


_pending = threading.local()


def after_commit():
    # The first callback of a commit does the work for all the changes before it (a rolled-back
    # change leaves its count to the next commit: one purge too many, never one too few).
    if not getattr(_pending, "changes", 0):
        return
    _pending.changes = 0
    move_on()
    purge_everything()


def invalidate():
    """Every cached response is out of date: now, and once the current transaction commits (then
    the CDN is purged too, once for all the changes of the transaction)."""
    move_on()
    _pending.changes = getattr(_pending, "changes", 0) + 1
    transaction.on_commit(after_commit)
