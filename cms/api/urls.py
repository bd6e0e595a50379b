"""The addresses of both APIs. Anything else under /api/v2/ or /api/v3/ is a JSON 404 (or a 400
for a malformed id), never the site's HTML error page."""

import re
from contextlib import nullcontext
from functools import wraps

from django.http import JsonResponse
from django.urls import path, re_path
from django.utils import translation
from wagtail.api.v3.errors import problem_response
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms.api import representations, v3
from cms.api.v2 import api_router

MALFORMED_ID = re.compile(r"^(?P<endpoint>[\w-]+)/(?P<id>[^/]+)/$")
NULL_MESSAGE = "null characters are not allowed in parameters"


def v2_error(status, message):
    return JsonResponse({"message": message}, status=status)


def v3_error(status, message):
    return problem_response(status=status, detail=message)


def api_view(error):
    """What every API view does first: refuse a NUL character in a parameter with a 400
    (PostgreSQL refuses them in text, which would otherwise be a 500 wherever a parameter reaches
    a query), and work in the language of `?locale=` when given (full-text search uses that
    language's configuration on PostgreSQL) rather than that of the request's Accept-Language."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if any(
                "\x00" in key or "\x00" in value
                for key, values in request.GET.lists()
                for value in values
            ):
                return error(400, NULL_MESSAGE)
            language = request.GET.get("locale")
            if language not in representations.language_codes():
                language = None
            with translation.override(language, deactivate=False) if language else nullcontext():
                return view(request, *args, **kwargs)

        return wrapped

    return decorator


def v2_not_found(request, rest):
    match = MALFORMED_ID.match(rest)
    if match and match["endpoint"] in api_router._endpoints and not match["id"].isdigit():
        return v2_error(400, f"'{match['id']}' is not a valid id: ids are positive integers")
    endpoints = ", ".join(f"{name}/" for name in api_router._endpoints)
    return v2_error(404, f"no API endpoint at /api/v2/{rest} (endpoints: {endpoints})")


def v3_not_found(request, rest):
    return v3_error(404, f"no API endpoint at /api/v3/{rest}")


v2_patterns = decorate_urlpatterns(
    [
        path("", (api_router.get_urlpatterns(), "wagtailapi", "wagtailapi")),
        # Only addresses ending with a slash: CommonMiddleware adds a missing one first.
        re_path(r"^(?P<rest>(?:.*/)?)$", v2_not_found),
    ],
    api_view(v2_error),
)
v3_urls, v3_app_name, v3_namespace = v3.api.urls
v3_patterns = decorate_urlpatterns(
    [
        path("pages/find/", v3.find_page),  # before Wagtail's: localized paths
        path("", (v3_urls, v3_app_name, v3_namespace)),
        re_path(r"^(?P<rest>(?:.*/)?)$", v3_not_found),
    ],
    api_view(v3_error),
)

urlpatterns = [
    path("api/v2/", (v2_patterns, None, None)),
    path("api/v3/", (v3_patterns, None, None)),
]
