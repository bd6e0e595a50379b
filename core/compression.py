"""Compressed answers for public text (HTML, JSON, XML, CSS, JavaScript, SVG): brotli for the
clients that accept it, else gzip. Static files are not compressed here: WhiteNoise serves the
`.br` and `.gz` files `collectstatic` made beside them.

Never a response that may hold a secret. Compression leaks how much of an answer repeats itself,
so an attacker who can send a victim's browser to an address that echoes their input (a search)
and watch the sizes can recover a secret in the same answer byte by byte (BREACH). So nothing
for a signed-in user, a session (a page password) or an API token; nothing that sets a cookie
(Django's CSRF middleware sets its cookie on every answer that shows a CSRF token, the admin's
sign-in form included); nothing marked `private` or `no-store` (the admin, previews); and no
streamed download.
"""

import re

import brotli
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import cc_delim_re, patch_vary_headers

COMPRESSIBLE_TYPES = re.compile(
    r"^\s*(text/|image/svg\+xml|application/([\w.-]+\+)?(json|xml|javascript)\s*(;|$))", re.I
)
# Fast enough to compress each answer as it goes out (about as fast as gzip's level 6, and
# smaller); static files get brotli's best, once, at collectstatic.
BROTLI_QUALITY = 5
SHORTEST_WORTH_COMPRESSING = 200  # bytes, as Django's GZipMiddleware


def accepted_codings(request):
    """The content codings the client accepts (`Accept-Encoding`), less those it gives q=0."""
    codings = set()
    for item in request.headers.get("Accept-Encoding", "")[:200].split(","):
        name, *parameters = item.split(";")
        if quality(parameters) > 0:
            codings.add(name.strip().lower())
    return codings


def quality(parameters):
    for parameter in parameters:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def may_hold_a_secret(request, response):
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "Authorization" in request.headers:
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if response.cookies:
        return True
    cache_control = cc_delim_re.split(response.get("Cache-Control", ""))
    directives = {directive.split("=")[0].strip().lower() for directive in cache_control}
    return bool(directives & {"private", "no-store"})


def may_compress(request, response):
    return (
        not response.streaming
        and len(response.content) >= SHORTEST_WORTH_COMPRESSING
        and not response.has_header("Content-Encoding")
        and COMPRESSIBLE_TYPES.match(response.get("Content-Type", ""))
        and not may_hold_a_secret(request, response)
    )


class PublicCompressionMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (with its random-length gzip header against BREACH), deciding
    answer by answer what may be compressed, and with brotli first."""

    def process_response(self, request, response):
        if response.status_code == 304 and not may_hold_a_secret(request, response):
            return not_modified_as_compressed(request, response)
        if not may_compress(request, response):
            return response
        codings = accepted_codings(request)
        if "gzip" in codings and "br" not in codings:
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        return compressed_with_brotli(response) if "br" in codings else response


def not_modified_as_compressed(request, response):
    """A 304 carries the ETag of the answer it stands for: the weak one of a compressed answer
    (the request's `If-None-Match` matched it, compared weakly, as Django does)."""
    patch_vary_headers(response, ("Accept-Encoding",))
    if accepted_codings(request) & {"br", "gzip"}:
        weaken_etag(response)
    return response


def weaken_etag(response):
    # A strong ETag names one representation, and the compressed one is another (RFC 9110
    # 8.8.1), as GZipMiddleware does: a weak one still matches If-None-Match (compared weakly).
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response.headers["ETag"] = "W/" + etag


def compressed_with_brotli(response):
    compressed = brotli.compress(response.content, quality=BROTLI_QUALITY)
    if len(compressed) >= len(response.content):
        return response
    response.content = compressed
    response.headers["Content-Length"] = str(len(compressed))
    weaken_etag(response)
    response.headers["Content-Encoding"] = "br"
    return response
