"""The cache: Redis when REDIS_URL is set, otherwise Django's default, memory local to each
process."""

import os


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
        "KEY_PREFIX": "cms",
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"])}
