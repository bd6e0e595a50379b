"""The response cache's generation: one number, in the cache every process shares, that is part
of every cached response's key. Any change that can alter a response moves it on, so that the
next request, in whichever process, misses and renders afresh; the old entries expire unread.

It moves twice: at once (for the rest of the changing request, and tests, which never commit),
and again after the commit, because a request served between the first move and the commit
would otherwise keep the old content under the new number.
"""

import time

from django.core.cache import cache
from django.db import transaction

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


def invalidate():
    """Every cached response is out of date: now, and once the current transaction commits."""
    move_on()
    transaction.on_commit(move_on)
