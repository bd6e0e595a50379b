"""What one request reads several times, read once: values kept for the request only (emptied
when each request starts and when it finishes), never from one request to the next, so never
stale for visitors. Outside a request (commands, the shell) nothing is kept."""

from asgiref.local import Local
from django.core.signals import request_finished, request_started

_current = Local()


def request_memo():
    """The current request's dict of remembered values, or a new empty one outside requests."""
    values = getattr(_current, "values", None)
    return {} if values is None else values


def remembered(key, compute):
    """`compute()`, once per request for `key`."""
    values = request_memo()
    if key not in values:
        values[key] = compute()
    return values[key]


def _start(**kwargs):
    _current.values = {}


def _finish(**kwargs):
    _current.values = None


request_started.connect(_start, dispatch_uid="core.request_memo.start")
request_finished.connect(_finish, dispatch_uid="core.request_memo.finish")
