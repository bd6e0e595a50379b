"""HTTP caching and CORS for the content APIs (/api/v2/ and /api/v3/).

Public responses (GET/HEAD, anonymous, 200) may be kept by browsers and CDNs for
`API_CACHE_MAX_AGE` seconds and then revalidated with their ETag, a hash of the body: a request
with a matching `If-None-Match` gets 304 without a body. Nothing caches API responses inside the
server, so a page published, unpublished or moved changes the next response (and its ETag) at
once. Responses for a token, a session (a logged-in user, or a visitor who unlocked a
password-protected page), a draft or a preview are `private, no-store`.
"""

from corsheaders.middleware import (
    ACCESS_CONTROL_ALLOW_HEADERS,
    ACCESS_CONTROL_ALLOW_METHODS,
    CorsMiddleware,
)
from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date

API_PREFIX = "/api/"
# Where cms/urls.py mounts what is not under i18n_patterns (besides single addresses).
UNPREFIXED_PREFIXES = (API_PREFIX, "/admin/", "/documents/")
# Addresses whose answer never depends on the browser's language: the APIs (`?locale=` picks
# one), the sitemap (every language) and the health check.
LANGUAGE_NEUTRAL_PREFIXES = (API_PREFIX, "/sitemap.xml", "/healthz")
PRIVATE = {"private": True, "no_store": True}
# What a public response varies with: the representation (JSON or the browsable API), CORS
# headers, and the token that would make it private. Not the language: `?locale=` chooses it, so
# a CDN keeps one copy of an answer, not one per browser language (see LocaleMiddleware).
VARY = ("Accept", "Origin", "Authorization")

# API v3 writes (editorial automation from a browser) need these on top of the reads.
V3_PREFIX = "/api/v3/"
V3_WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
V3_WRITE_HEADERS = ("authorization", "content-type")


def is_api_request(request):
    return request.path_info.startswith(API_PREFIX)


def is_private_request(request):
    """True when the response may depend on who asks: a token or credentials, a session (a
    logged-in user, a passed page password), or a draft asked for explicitly. (A response
    that sets a cookie is kept private too, should anything ever set one.)"""
    if "Authorization" in request.headers:
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    return request.GET.get("version", "live") != "live"


def has_own_cache_control(response):
    """A view that chose its own Cache-Control (e.g. the preview endpoint) keeps it."""
    header = response.get("Cache-Control", "")
    directives = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(header)}
    return bool(directives & {"private", "no-store", "no-cache", "public", "max-age"})


def page_last_published_at(request):
    """The page's last publication, for the page detail endpoints (one small query)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    if match.view_name == "wagtailapi:pages:detail":
        page_id = match.kwargs.get("pk")
    elif match.view_name == "wagtailapi_v3:detail_page":
        page_id = match.kwargs.get("page_id")
    else:
        return None
    from wagtail.models import Page

    return (
        Page.objects.filter(pk=page_id).values_list("last_published_at", flat=True).first()
        if page_id
        else None
    )


class ApiCacheMiddleware:
    """Cache-Control, ETag, Last-Modified, Vary and 304 Not Modified for API responses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_api_request(request):
            return self.get_response(request)
        head_as_get = request.method == "HEAD" and request.path_info.startswith(V3_PREFIX)
        if head_as_get:
            # API v3 (django-ninja) answers GET only: HEAD is the same response without a body.
            request.method = "GET"
        response = self.process_api_response(request, self.get_response(request))
        if head_as_get:
            request.method = "HEAD"
            if not response.streaming:
                response.content = b""
        return response

    def process_api_response(self, request, response):
        if has_own_cache_control(response):
            return response
        if is_private_request(request) or response.cookies:
            patch_cache_control(response, **PRIVATE)
            patch_vary_headers(response, VARY)
            return response
        if request.method not in ("GET", "HEAD"):
            return response
        patch_vary_headers(response, VARY)
        if response.status_code != 200 or response.streaming:
            # Errors and redirects (a page just published may have been a 404) are not reused.
            patch_cache_control(response, no_cache=True)
            return response

        directives = {"public": True, "max_age": settings.API_CACHE_MAX_AGE}
        if settings.API_CACHE_STALE_WHILE_REVALIDATE:
            directives["stale_while_revalidate"] = settings.API_CACHE_STALE_WHILE_REVALIDATE
        patch_cache_control(response, **directives)
        set_response_etag(response)
        last_published_at = page_last_published_at(request)
        if last_published_at and not response.has_header("Last-Modified"):
            # Informational: the ETag alone decides 304s, since a page can change without being
            # republished (moved, a translation or a snippet it shows published).
            response.headers["Last-Modified"] = http_date(last_published_at.timestamp())
        return get_conditional_response(request, etag=response.get("ETag"), response=response)


class ApiCorsMiddleware(CorsMiddleware):
    """django-cors-headers for `CORS_URLS_REGEX` (the APIs), allowing reads everywhere and, on
    API v3 only, token-authenticated writes (the Authorization header)."""

    def add_response_headers(self, request, response):
        response = super().add_response_headers(request, response)
        if ACCESS_CONTROL_ALLOW_METHODS in response and request.path_info.startswith(V3_PREFIX):
            methods = [*settings.CORS_ALLOW_METHODS, *V3_WRITE_METHODS]
            headers = [*settings.CORS_ALLOW_HEADERS, *V3_WRITE_HEADERS]
            response[ACCESS_CONTROL_ALLOW_METHODS] = ", ".join(dict.fromkeys(methods))
            response[ACCESS_CONTROL_ALLOW_HEADERS] = ", ".join(dict.fromkeys(headers))
        return response


def is_unprefixed_request(request):
    """True for the addresses that live outside i18n_patterns: the APIs, the admin (its own API
    included) and documents. A 404 there is final: Django would otherwise redirect it to
    `/en/…`, which the site's catch-all page route answers with another 404."""
    return request.path_info.startswith(UNPREFIXED_PREFIXES)


def is_language_neutral_request(request):
    return request.path_info.startswith(LANGUAGE_NEUTRAL_PREFIXES)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except for the addresses outside the site's pages.

    The APIs, the sitemap and the health check work in the default language whatever the
    browser's Accept-Language (the APIs in that of `?locale=` when given, cms/api/urls.py), so
    their answers carry no `Vary: Accept-Language`: Django adds it to every address without a
    language prefix, and a CDN would then keep one copy per browser language. Only the choice
    of a language (`/` and other addresses without a prefix redirected to `/fr/…`) varies on it;
    pages under `/fr/…` never did.

    And a 404 outside the site's pages stays a 404: Django would redirect `/api/v2/pages/99/`
    or `/admin/api/main/pages/14/` to `/en/…` because the site's pages live under i18n_patterns.
    """

    def process_request(self, request):
        if not is_language_neutral_request(request):
            return super().process_request(request)
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return None

    def process_response(self, request, response):
        if is_language_neutral_request(request):
            return response
        if response.status_code == 404 and is_unprefixed_request(request):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
