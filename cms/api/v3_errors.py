"""Requests that Wagtail 8's API v3 answers with a 500, answered instead with a 4xx that says
what to change; and no error answer that shows the server's own words.

- Copying the root page, or making an alias of it, looks for the root's parent (it has none).
- Moving a page beside the root page (the default position is beside the destination) does too.
- A write that would duplicate a unique value (a slug in a language) fails in the database.
- A failure while the answer is being serialized (the cache or the database going away while a
  field is read) is a 500, not Wagtail's 422 quoting the failure ("Error 111 connecting to…").
- Any other unexpected error: Wagtail puts its text in the answer when DEBUG is on; it is left to
  Django here, whose 500 handler (core.views.server_error) says only that something went wrong.
"""

import json
from functools import wraps

from django.apps import apps
from django.db import IntegrityError
from ninja import NinjaAPI
from pydantic import ValidationError
from wagtail.api.v3.errors import problem_response, register_exception_handlers
from wagtail.api.v3.urls import api
from wagtail.models import Page

COPY_ACTIONS = ("pages_actions_copy", "pages_actions_create_alias")
POSITIONS_UNDER = ("first-child", "last-child")


def json_object(request):
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return {}  # not JSON: django-ninja answers that itself
    return body if isinstance(body, dict) else {}


def is_root(page_id):
    return Page.objects.filter(pk=page_id, depth=1).exists()


def page_action_problem(request, kwargs):
    """Why Wagtail cannot carry out this page action, in one sentence; None if it can try."""
    match = request.resolver_match
    name = match.url_name if match else None
    if request.method != "POST" or name not in (*COPY_ACTIONS, "pages_actions_move"):
        return None
    page_id = kwargs.get("page_id")
    if name in COPY_ACTIONS:
        if is_root(page_id):
            return "the root page cannot be copied or aliased: it holds every site and language"
        return None
    body = json_object(request)
    destination = body.get("destination_id")
    beside = body.get("position") not in POSITIONS_UNDER
    if beside and isinstance(destination, int) and is_root(destination):
        return (
            "a page cannot be moved beside the root page: give a position of "
            "'first-child' or 'last-child' to move it under the root"
        )
    return None


def refuse_impossible_page_actions(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        problem = page_action_problem(request, kwargs)
        if problem:
            return problem_response(status=422, detail=problem)
        return view(request, *args, **kwargs)

    return wrapped


def unique_fields(model):
    """The sets of fields the model keeps unique, as a frontend sees them ("slug and locale")."""
    sets = [
        [name for name in names if name != "translation_key"]
        for names in model._meta.unique_together
    ]
    return [" and ".join(names) for names in sets if len(names) > (1 if "locale" in names else 0)]


def duplicate_refused(request, exc):
    """A database uniqueness failure (the write was rolled back: Wagtail's create and edit
    actions run in a transaction). The database's message names its internal constraint: the
    answer names the model's unique fields instead."""
    content_type = (request.resolver_match.kwargs if request.resolver_match else {}).get("type")
    try:
        model = apps.get_model(content_type) if content_type else None
    except (LookupError, ValueError):
        model = None
    detail = "another object already has one of these values, which must be unique"
    if model is not None and unique_fields(model):
        fields = " or ".join(unique_fields(model))
        detail = f"another {model._meta.verbose_name} already has the same {fields}"
    return problem_response(status=409, detail=detail)


# Wagtail's own answers to errors, for the handlers below (and cms/api/v3.py) to fall back on:
# they replace Wagtail's handlers on `api`, so a copy of those is kept on an API never mounted.
wagtail_answers = NinjaAPI(urls_namespace="wagtail_error_answers", openapi_url=None, docs_url=None)
register_exception_handlers(wagtail_answers)


def wagtail_answer(request, exc):
    """How Wagtail's API v3 answers `exc`."""
    return wagtail_answers.on_exception(request, exc)


def invalid_or_unexpected(request, exc):
    if any(error["loc"][:1] == ("response",) for error in exc.errors()):
        raise exc
    return wagtail_answer(request, exc)  # Wagtail's 422


def unexpected_error(request, exc):
    raise exc


api.add_exception_handler(IntegrityError, duplicate_refused)
api.add_exception_handler(ValidationError, invalid_or_unexpected)
api.add_exception_handler(Exception, unexpected_error)
