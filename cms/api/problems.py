"""One shape for every error answer of both APIs: a problem (RFC 9457), sent as
`application/problem+json`:

    {"type": "about:blank", "title": "Bad Request", "status": 400,
     "detail": "year must be a year such as 2025, not 'x'",
     "errors": [{"loc": ["query", "year"], "msg": "year must be …", "type": "invalid_parameter"}]}

`errors` says what is at fault, one item per parameter or field: `loc` is where (`["query",
"<parameter>"]`, `["path", "<name>"]`, `["body", …]`), as django-ninja's validation errors (API
v3's 422s) always said; it is empty when no parameter is at fault (an unknown address). API v2's
problems also keep the `message` member they had before (the same text as `detail`), so that
clients written for it keep working.

Wagtail, Django REST framework and django-ninja each write errors their own way: every answer of
both APIs passes through `as_problem` (cms/api/urls.py), which rewrites error answers into this
shape, whichever of them wrote it.
"""

import json
import re
from http import HTTPStatus
from typing import Any

from django.http import HttpResponse
from ninja import Schema
from pydantic import ConfigDict

from core.compact_json import JSON_DUMPS_PARAMS

PROBLEM_JSON = "application/problem+json"
# Headers an error answer keeps when its body is rewritten (e.g. `Allow` of a 405, `Retry-After`).
REWRITTEN_HEADERS = ("Content-Type", "Content-Length")


class ProblemError(Schema):
    """One thing at fault: where (`loc`), what is wrong with it (`msg`) and a stable code
    (`type`, e.g. `invalid_parameter`, or pydantic's codes such as `missing` for a 422)."""

    model_config = ConfigDict(extra="allow")  # django-ninja adds `ctx` to some

    loc: list[str | int]
    msg: str
    type: str


class Problem(Schema):
    """An error answer of either API (RFC 9457). API v2's also carry `message` (= `detail`)."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[ProblemError]


def status_title(status):
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def parameter_errors(message, names, where="query"):
    return [{"loc": [where, name], "msg": message, "type": "invalid_parameter"} for name in names]


def parameters_named(message, query):
    """The request's parameters that `message` names (Wagtail's own messages name the parameter
    they refuse, e.g. "limit cannot be higher than 20", but carry no field of their own)."""
    return [
        name
        for name in query
        if name and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", message)
    ]


def problem(status, detail, errors=(), *, with_message=False):
    body = {
        "type": "about:blank",
        "title": status_title(status),
        "status": status,
        "detail": detail,
        "errors": list(errors),
    }
    if with_message:
        body["message"] = detail
    return body


def problem_response(status, detail, errors=(), *, with_message=False):
    body = problem(status, detail, errors, with_message=with_message)
    return HttpResponse(
        json.dumps(body, **JSON_DUMPS_PARAMS), status=status, content_type=PROBLEM_JSON
    )


def error_data(response) -> Any:
    """The body an error answer was given: Django REST framework's before it is rendered,
    the JSON of any other; None when it is not JSON."""
    if getattr(response, "data", None) is not None and not getattr(response, "is_rendered", True):
        return response.data
    content_type = response.get("Content-Type", "").split(";")[0]
    if content_type not in ("application/json", PROBLEM_JSON):
        return None
    try:
        return json.loads(response.content or b"null")
    except ValueError:
        return None


def error_items(data, detail):
    """The items of `errors` in the shared shape: Wagtail's 422s give `{type, loc, msg}`, but
    only `{msg}` for a Django validation error."""
    items = data.get("errors") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    return [
        {
            **item,
            "loc": list(item.get("loc") or []),
            "msg": str(item.get("msg") or item.get("message") or detail),
            "type": str(item.get("type") or "invalid"),
        }
        for item in items
        if isinstance(item, dict)
    ]


def described_detail(data, status):
    if isinstance(data, dict):
        for member in ("detail", "message"):  # RFC 9457 and django-ninja; Wagtail's API v2
            if isinstance(data.get(member), str) and data[member]:
                return data[member]
    return status_title(status)


def as_problem(request, response, *, with_message=False):
    """`response` itself unless it is an error answer; else the same answer as a problem."""
    if response.status_code < 400 or response.streaming:
        return response
    data = error_data(response)
    detail = described_detail(data, response.status_code)
    errors = error_items(data, detail)
    if not errors and response.status_code in (400, 422):
        errors = parameter_errors(detail, parameters_named(detail, request.GET))
    answer = problem_response(response.status_code, detail, errors, with_message=with_message)
    for header, value in response.items():
        if header not in REWRITTEN_HEADERS:
            answer[header] = value
    answer.cookies = response.cookies
    return answer
