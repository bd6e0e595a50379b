"""The addresses of both APIs. Anything else under /api/v2/ or /api/v3/ is a JSON 404 (or a 400
for a malformed id), never the site's HTML error page."""

import json
import re
from functools import wraps

from django.urls import path, re_path
from django.utils import translation
from wagtail.api.v2.utils import get_full_url
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms.api import api_request, limits, problems, representations, v3, v3_errors
from cms.api.v2 import ENDPOINTS, api_router

MALFORMED_ID = re.compile(r"^(?P<endpoint>[\w-]+)/(?P<id>[^/]+)/$")
BODY_NOT_AN_OBJECT = [
    {"loc": ["body"], "msg": "the request body must be a JSON object", "type": "model_type"}
]
# Any address ending with a slash, newlines included (`%0A`: `.` alone stops at one).
ANY_ADDRESS = r"^(?P<rest>(?s:.*/)?)$"


def v2_error(status, message, errors=()):
    return problems.problem_response(status, message, errors, with_message=True)


def v3_error(status, message, errors=()):
    return problems.problem_response(status, message, errors)


def json_body_is_an_object(request):
    """Every operation that takes a JSON body takes an object. Wagtail's schemas of page and
    snippet bodies assume one, and answer another JSON value (a list, a number) with a 500."""
    if request.content_type != "application/json" or not request.body:
        return True
    try:
        return isinstance(json.loads(request.body), dict)
    except ValueError:  # not JSON at all: django-ninja refuses it with a 4xx of its own
        return True


def api_view(error, with_message):
    """What every API view does first: refuse parameters beyond the bounds of cms/api/limits.py
    with a 400 (among them a NUL character, which PostgreSQL refuses in text, and a number beyond
    64 bits, which no database takes), an id in the path that cannot be one with a 404, and a JSON
    body that is not an object with a 422; then work in the language of `?locale=` when given
    (full-text search uses that language's configuration on PostgreSQL), else in the default
    language: never in that of the request's Accept-Language (see cms.api.caching), so that an
    answer is the same for every browser. Every error answer leaves as a problem
    (cms/api/problems.py), whoever wrote it."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = refusal(request, kwargs, error)
            if response is None:
                api_request.remember(request)
                response = in_language(view, request, args, kwargs)
            return problems.as_problem(request, response, with_message=with_message)

        return wrapped

    return decorator


def refusal(request, kwargs, error):
    """The answer to a request beyond the bounds of cms/api/limits.py; None for any other."""
    problem = limits.parameter_problem(request.GET)
    if problem:
        name, message = problem
        return error(400, message, problems.parameter_errors(message, [name]))
    problem = limits.path_problem(kwargs)
    if problem:
        name, message = problem
        return error(404, message, problems.parameter_errors(message, [name], "path"))
    if not json_body_is_an_object(request):
        return error(422, BODY_NOT_AN_OBJECT[0]["msg"], BODY_NOT_AN_OBJECT)
    return None


def in_language(view, request, args, kwargs):
    language = request.GET.get("locale")
    if language not in representations.language_codes():
        return view(request, *args, **kwargs)
    with translation.override(language, deactivate=False):
        response = view(request, *args, **kwargs)
    response.headers.setdefault("Content-Language", language)
    return response


def refuse_unknown_formats(view):
    """API v2 has one format, JSON: for any other `?format=`, Django REST framework finds no
    renderer and raises a bare 404, which Wagtail answers with an empty message."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        value = request.GET.get("format", "json")
        if value != "json":
            message = f"format must be 'json' (the only one), not '{value}'"
            return v2_error(400, message, problems.parameter_errors(message, ["format"]))
        return view(request, *args, **kwargs)

    return wrapped


def absolute_locations(view):
    """API v3's redirects (`pages/find/`, `redirects/find/`) lead to an absolute address on the
    base of every `detail_url`, as API v2's: Wagtail's v3 gives a path."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        location = response.get("Location", "")
        if 300 <= response.status_code < 400 and location.startswith("/"):
            response["Location"] = get_full_url(request, location)
        return response

    return wrapped


def v2_not_found(request, rest):
    match = MALFORMED_ID.match(rest)
    if match and match["endpoint"] in ENDPOINTS and not limits.is_id(match["id"]):
        message = f"'{match['id']}' is not a valid id: ids are positive integers"
        return v2_error(400, message, problems.parameter_errors(message, ["id"], "path"))
    endpoints = ", ".join(f"{name}/" for name in ENDPOINTS)
    return v2_error(404, f"no API endpoint at /api/v2/{rest} (endpoints: {endpoints})")


def v3_not_found(request, rest):
    return v3_error(404, f"no API endpoint at /api/v3/{rest}")


v2_patterns = decorate_urlpatterns(
    [
        path("", (api_router.get_urlpatterns(), "wagtailapi", "wagtailapi")),
        # Only addresses ending with a slash: CommonMiddleware adds a missing one first.
        re_path(ANY_ADDRESS, v2_not_found),
    ],
    refuse_unknown_formats,
)
v2_patterns = decorate_urlpatterns(v2_patterns, api_view(v2_error, with_message=True))
v3_urls, v3_app_name, v3_namespace = v3.api.urls
# Before Wagtail's `pages/<page_id>/`, which would take `by-path` for an id.
v3_urls = sorted(v3_urls, key=lambda pattern: pattern.name != "page_by_path")
v3_patterns = decorate_urlpatterns(
    [
        path("pages/find/", v3.find_page),  # before Wagtail's: localized paths
        # Before django-ninja's root, a bare 404 that Django would answer with the site's page.
        path("", v3_not_found, {"rest": ""}),
        path("", (v3_urls, v3_app_name, v3_namespace)),
        re_path(ANY_ADDRESS, v3_not_found),
    ],
    v3_errors.refuse_impossible_page_actions,
)
v3_patterns = decorate_urlpatterns(v3_patterns, absolute_locations)
v3_patterns = decorate_urlpatterns(v3_patterns, api_view(v3_error, with_message=False))

urlpatterns = [
    path("api/v2/", (v2_patterns, None, None)),
    path("api/v3/", (v3_patterns, None, None)),
]
