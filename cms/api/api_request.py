"""The API request being answered, for what reads it without being given it: API v3 calls the
serializers of `api_fields` (cms/api/fields.py) with no context (Wagtail's shim for API v2's
fields), so they could not honour its parameters, such as `?rich_text_format=`. Kept in the
request's memo (core/request_memo.py), emptied when each request starts and finishes."""

from core.request_memo import request_memo

KEY = "api request"


def remember(request):
    request_memo()[KEY] = request


def current():
    return request_memo().get(KEY)
