"""Password guessing costs time. After LOGIN_FAILURE_LIMIT failures for one subject (an account,
a password-protected page, a person's two-factor codes) or from one network (/24, /48), further
attempts are refused for LOGIN_COOLOFF_MINUTES, and each refused attempt starts the cool-off
again. Refusals answer 429 with Retry-After and say so in the visitor's language.

Sign-ins (the admin's and Wagtail's front-end login) are counted by django-axes through
LockoutHandler; page passwords and two-factor codes are not user authentications, so Throttle
counts them the same way, each in a scope of its own.

Counters live in the cache: Redis in production, shared by every worker. When the cache cannot be
reached, counting goes on in each process's memory (FALLBACK): throttling still holds, per worker
instead of site-wide, sign-in keeps working, and each miss is logged as an error."""

import logging
from hashlib import sha256

from axes.handlers.cache import AxesCacheHandler
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils.translation import ngettext

from privacy.network import client_network

logger = logging.getLogger(__name__)

# Counts kept in this process while the shared cache is unreachable.
FALLBACK = LocMemCache("accounts-throttle", {"OPTIONS": {"MAX_ENTRIES": 100_000}})


def cool_off_seconds():
    return settings.LOGIN_COOLOFF_MINUTES * 60


def lockout_message():
    minutes = settings.LOGIN_COOLOFF_MINUTES
    return ngettext(
        "Too many failed attempts. Please wait %(minutes)d minute before trying again.",
        "Too many failed attempts. Please wait %(minutes)d minutes before trying again.",
        minutes,
    ) % {"minutes": minutes}


def refuse(response):
    """`response` (the form with the lockout message) as a refusal: 429 with Retry-After."""
    response.status_code = 429
    response["Retry-After"] = str(cool_off_seconds())
    return response


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' AXES_LOCKOUT_CALLABLE: the login page as the view rendered it (the admin's
    login form says why, accounts.forms.LoginForm), or the message alone."""
    page = original_response
    if isinstance(page, SimpleTemplateResponse) and page.status_code == 200:
        return refuse(page)
    return refuse(HttpResponse(lockout_message(), content_type="text/plain; charset=utf-8"))


class FailSafeCounters:
    """The cache operations that django-axes' cache handler and Throttle use, on the shared cache
    or, when it fails, on FALLBACK. A read takes the higher of the two counts, so failures counted
    during an outage still count once the cache is back. A backend that hides its errors
    (django-redis with IGNORE_EXCEPTIONS) answers None, which counts as a failure too."""

    def __init__(self, alias="default"):
        self.alias = alias

    def _shared(self, operation, *args):
        try:
            return getattr(caches[self.alias], operation)(*args)
        except ValueError:
            return None  # incr of a key the shared cache does not have (expired, or never there)
        except Exception:
            logger.exception("Sign-in throttling: the cache is unreachable, counting per process")
            return None

    def get(self, key, default=None):
        counts = [self._shared("get", key), FALLBACK.get(key)]
        return max((count for count in counts if count is not None), default=default)

    def add(self, key, value, timeout):
        added = self._shared("add", key, value, timeout)
        return FALLBACK.add(key, value, timeout) if added is None else added

    def incr(self, key, delta=1):
        count = self._shared("incr", key, delta)
        if count is None:
            if FALLBACK.add(key, delta, cool_off_seconds()):
                return delta
            count = FALLBACK.incr(key, delta)
        return count

    def touch(self, key, timeout):
        FALLBACK.touch(key, timeout)
        return self._shared("touch", key, timeout)

    def delete(self, key):
        FALLBACK.delete(key)
        return self._shared("delete", key)


class LockoutHandler(AxesCacheHandler):
    """django-axes' cache handler (no database row per attempt) on FailSafeCounters."""

    def __init__(self):
        self.cache = FailSafeCounters(getattr(settings, "AXES_CACHE", "default"))


class Throttle:
    """Failures counted per subject (a page's password restriction, a user's codes) and per
    network, within `scope`."""

    counters = FailSafeCounters()

    def __init__(self, scope):
        self.scope = scope

    def _keys(self, subject, request):
        return [
            self._key("subject", subject),
            self._key("network", client_network(request)),
        ]

    def _key(self, kind, value):
        digest = sha256(f"{self.scope}:{kind}:{value}".encode()).hexdigest()
        return f"accounts-throttle-{digest}"

    def is_locked(self, subject, request):
        limit = settings.LOGIN_FAILURE_LIMIT
        return any(self.counters.get(key, 0) >= limit for key in self._keys(subject, request))

    def record_failure(self, subject, request):
        """Count a failure; True when the subject or the network is now locked out."""
        timeout = cool_off_seconds()
        for key in self._keys(subject, request):
            if not self.counters.add(key, 1, timeout):
                self.counters.incr(key)
                self.counters.touch(key, timeout)
        return self.is_locked(subject, request)

    def reset(self, subject, request):
        for key in self._keys(subject, request):
            self.counters.delete(key)
