"""What the headless frontends get: the APIs, CORS, previews, CDN purges and webhooks."""

import os

from cms.settings.environment import env_list
from cms.settings.languages import LANGUAGES
from cms.settings.wagtail import WAGTAILADMIN_BASE_URL

WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
# Rich text in both APIs as HTML with real addresses (`?rich_text_format=db_html|markdown` too).
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# Public API responses: browsers and CDNs reuse them for API_CACHE_MAX_AGE seconds, may serve
# them stale for API_CACHE_STALE_WHILE_REVALIDATE more while revalidating with the ETag.
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))
API_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("API_CACHE_STALE_WHILE_REVALIDATE", "30"))

# CORS for the APIs only, from the frontends' origins in API_CORS_ORIGINS (none by default):
# reads everywhere; on API v3 also token-authenticated writes (cms.api.caching.ApiCorsMiddleware).
# No cookies cross origins (django-cors-headers' default): a frontend authenticates with an API
# token, never a session.
CORS_ALLOWED_ORIGINS = [origin.rstrip("/") for origin in env_list("API_CORS_ORIGINS")]
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag"]

# Preview in a headless frontend (cms/api/preview.py), only when its address is set:
# HEADLESS_PREVIEW_URL for one frontend ("{locale}" in it becomes the page's language code),
# HEADLESS_PREVIEW_URL_FR etc. for one per language. Otherwise Wagtail renders previews itself.
HEADLESS_PREVIEW_LOCALE_URLS = {
    code: os.environ[f"HEADLESS_PREVIEW_URL_{code.upper()}"]
    for code, _name in LANGUAGES
    if os.environ.get(f"HEADLESS_PREVIEW_URL_{code.upper()}")
}
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": (
        {"default": os.environ["HEADLESS_PREVIEW_URL"]}
        if os.environ.get("HEADLESS_PREVIEW_URL")
        else {}
    ),
}
# A preview token (and the draft it shows) expires after this many seconds.
HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", "3600"))

# CDN purge on publish and unpublish (wagtail.contrib.frontend_cache), only when configured:
# Cloudflare with an API token and zone ID, and/or an HTTP purger such as Varnish.
_frontend_cache = {}
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN") and os.environ.get(
    "FRONTEND_CACHE_CLOUDFLARE_ZONEID"
):
    _frontend_cache["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["FRONTEND_CACHE_CLOUDFLARE_TOKEN"],
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    _frontend_cache["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if _frontend_cache:
    WAGTAILFRONTENDCACHE = _frontend_cache
    # Not WAGTAILAPI_USE_FRONTENDCACHE: it looks the API up under a namespace this site does not
    # use (publishing failed with it), and caching/purge.py purges the whole site, APIs included.

# Webhooks to headless frontends (webhooks/): the first attempt is sent after the commit through
# django-tasks unless WEBHOOKS_DELIVER_AFTER_COMMIT=false, which leaves every attempt to
# `manage.py deliver_webhooks` (cron or --loop), so that editors never wait for a slow endpoint.
WEBHOOKS_DELIVER_AFTER_COMMIT = (
    os.environ.get("WEBHOOKS_DELIVER_AFTER_COMMIT", "true").lower() != "false"
)
