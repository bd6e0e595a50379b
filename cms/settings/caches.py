"""The cache, shared by every process of the site (the response cache, sign-in throttling and
the health check rely on that): Redis when REDIS_URL is set, otherwise files in CACHE_DIR on
this machine. Never memory local to one process: an editor publishes in one process while
others serve visitors."""

import hashlib
import os

from cms.settings.database import DATABASES
from cms.settings.environment import BASE_DIR


def key_prefix(database):
    """Keys of one database's site: two sites on one machine (or a test server beside the real
    one) sharing a cache directory or a Redis database never read each other's pages or site
    root paths. CACHE_KEY_PREFIX names it outright (several databases serving one site)."""
    if os.environ.get("CACHE_KEY_PREFIX"):
        return os.environ["CACHE_KEY_PREFIX"]
    identity = "|".join(
        str(database.get(part) or "") for part in ("ENGINE", "HOST", "PORT", "NAME")
    )
    return "cms-" + hashlib.sha256(identity.encode()).hexdigest()[:12]


def redis_cache(url):
    """The Redis cache at `url`. Redis down means no cache, not errors: a failed read is a miss,
    a failed write is skipped (both logged), and a dead host costs each cache call a fraction of
    a second rather than hanging the request. /healthz reports the outage."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.2,
            "SOCKET_TIMEOUT": 0.5,
        },
        "KEY_PREFIX": key_prefix(DATABASES["default"]),
    }


def file_cache(directory):
    """Files shared by the gunicorn workers and management commands of one machine."""
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": directory,
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "20000"))},
        "KEY_PREFIX": key_prefix(DATABASES["default"]),
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"])}
else:
    CACHES = {"default": file_cache(os.environ.get("CACHE_DIR") or str(BASE_DIR / "var" / "cache"))}

# The response cache (caching/): anonymous answers kept on the server until something changes.
RESPONSE_CACHE = os.environ.get("RESPONSE_CACHE", "on").lower() not in ("off", "false", "0")
# How long an answer nobody asks for again stays: changes make it unreachable long before.
RESPONSE_CACHE_TIMEOUT = int(os.environ.get("RESPONSE_CACHE_TIMEOUT", str(24 * 3600)))
# Seconds a CDN (Varnish, Cloudflare) may keep a public page; every change purges it sooner where
# the CDN takes purges (FRONTEND_CACHE_PURGE_URL, Cloudflare).
PAGE_CACHE_S_MAXAGE = int(os.environ.get("PAGE_CACHE_S_MAXAGE", "600"))
