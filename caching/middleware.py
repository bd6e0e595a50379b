"""The server's response cache: anonymous GET/HEAD answers of public pages and of both APIs,
kept in the shared cache (Django's cache framework) and served again without rendering.

Kept only when nothing about the request or the answer is personal: no session or Authorization
(logged-in users, a page password passed, API tokens), no draft or preview asked for, a 200 that
sets no cookie, used no CSRF token (a form's token belongs to one visitor) and did not say
private, no-store or no-cache. Keys follow Django's cache middleware (`learn_cache_key`: the URL
with its query, and the request headers the answer varies on) under the current generation
(caching/generation.py), fixed when the request starts.

`RESPONSE_CACHE=off` turns it off.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_cache_key,
    get_conditional_response,
    learn_cache_key,
)

from caching.generation import current_generation
from cms.api.caching import is_private_request

# The admin, documents (each served by a view that may check permissions) and Django's own
# addresses outside the site's pages are never kept; nor are files (static and media), which
# are served from disk as they are asked for.
NEVER_CACHED_PREFIXES = ("/admin/", "/documents/", "/django-admin/", "/healthz")


def never_cached_prefixes():
    return (*NEVER_CACHED_PREFIXES, settings.STATIC_URL, settings.MEDIA_URL)


UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}
HIT_HEADER = "X-Response-Cache"


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path_info.startswith(never_cached_prefixes())
        and not is_private_request(request)
        and "preview" not in request.GET
        and "token" not in request.GET
    )


def is_cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    directives = {
        d.split("=")[0].strip().lower()
        for d in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not directives & UNCACHEABLE_DIRECTIVES


# Django's cache keys end with the request's language, which is not known yet when a request
# arrives (LocaleMiddleware comes later) and differs when it leaves. A page's language is in its
# address, and an answer that depends on Accept-Language says so in Vary: one suffix for all.
KEY_LANGUAGE = "any"


def with_key_language(request, make_key):
    had, previous = hasattr(request, "LANGUAGE_CODE"), getattr(request, "LANGUAGE_CODE", None)
    request.LANGUAGE_CODE = KEY_LANGUAGE
    try:
        return make_key()
    finally:
        if had:
            request.LANGUAGE_CODE = previous
        else:
            del request.LANGUAGE_CODE


class ResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.RESPONSE_CACHE or not is_cacheable_request(request):
            return self.get_response(request)
        key_prefix = f"response-cache:{current_generation()}"
        cached = self.cached_response(request, key_prefix)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            self.store(request, response, key_prefix)
        response.headers[HIT_HEADER] = "miss"
        return response

    def cached_response(self, request, key_prefix):
        key = with_key_language(
            request, lambda: get_cache_key(request, key_prefix, "GET", cache=cache)
        )
        response = cache.get(key) if key else None
        if response is None:
            return None
        conditional = get_conditional_response(
            request, etag=response.get("ETag"), response=response
        )
        if conditional is not response:
            # Django's 304 keeps the caching headers only; a browser needs the CORS ones too.
            for header, value in response.items():
                if header.lower().startswith("access-control-"):
                    conditional[header] = value
            response = conditional
        if request.method == "HEAD":
            response.content = b""
        response.headers[HIT_HEADER] = "hit"
        return response

    def store(self, request, response, key_prefix):
        timeout = settings.RESPONSE_CACHE_TIMEOUT
        key = with_key_language(
            request, lambda: learn_cache_key(request, response, timeout, key_prefix, cache=cache)
        )
        if hasattr(response, "render") and callable(response.render):
            response.add_post_render_callback(lambda r: cache.set(key, kept_copy(r), timeout))
        else:
            cache.set(key, kept_copy(response), timeout)


def kept_copy(response):
    """What is kept of an answer: its status, headers and bytes. An API v2 answer would bring
    its data along too (every item as Python objects, some times slower to read back than the
    bytes), a template answer its context."""
    kept = HttpResponse(response.content, status=response.status_code)
    for header, value in response.items():
        kept[header] = value
    return kept
