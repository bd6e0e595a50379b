import sys
import uuid
from http import HTTPStatus

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection, connections
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve

from core.compact_json import compact_json_response
from core.static_files import manifest_is_missing

# Errors that say the database cannot be reached (down, restarting, refusing connections) rather
# than that a query is wrong: the visitor is asked to come back instead of told of a fault.
DATABASE_OUTAGES = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


@never_cache
@require_GET
def healthz(request):
    """Readiness, dependency by dependency: 503 only when the site cannot serve pages (database
    down, or static files collected without their manifest); a cache outage only slows it."""
    checks = {
        "database": "ok" if database_answers() else "unreachable",
        "cache": "ok" if cache_answers() else "unavailable",
        "static": "missing manifest" if manifest_is_missing() else "ok",
    }
    can_serve = checks["database"] == "ok" and checks["static"] == "ok"
    if "replica" in settings.DATABASES and settings.DATABASE_ROUTERS:
        # Reported, never a 503: without its replica the site reads everything from the primary.
        checks.update(replica_status())
    return compact_json_response(
        {"status": "ok" if can_serve else "error", **checks}, status=200 if can_serve else 503
    )


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def replica_status():
    """The read replica (DATABASE_REPLICA_URL): whether it answers, and how many bytes of the
    primary's write-ahead log it has still to replay (0: it reads what the primary would)."""
    try:
        with connections["replica"].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn()")
            (replayed,) = cursor.fetchone()
    except DatabaseError:
        return {"replica": "unreachable"}
    if replayed is None:  # not in recovery: promoted, or never a standby
        return {"replica": "not a standby"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_wal_lsn_diff(pg_current_wal_flush_lsn(), %s)", [replayed])
            (behind,) = cursor.fetchone()
    except DatabaseError:
        return {"replica": "ok"}  # the primary's outage is the database check's
    return {"replica": "ok", "replica_lag_bytes": max(int(behind), 0)}


def cache_answers():
    """A value written can be read back: the cache backend ignores its own connection errors
    (a cache outage must not fail requests), so asking it is the only way to find out."""
    token = uuid.uuid4().hex
    cache.set("healthz", token, timeout=10)
    return cache.get("healthz") == token


def server_error(request):
    """The 500 handler: a page in the visitor's language with the quick exit, or JSON under
    /api/; 503 with Retry-After while the database is unreachable. Nothing here needs the
    database."""
    outage = isinstance(sys.exc_info()[1], DATABASE_OUTAGES)
    status = 503 if outage else 500
    with translation.override(translation.get_language_from_request(request, check_path=True)):
        if outage:
            heading = _("The site is unavailable for a moment")
            message = _("Please try again in a few minutes.")
        else:
            heading = _("Something went wrong")
            message = _("We are sorry: the page could not be shown. Please try again in a moment.")
        if request.path_info.startswith("/api/"):
            response = api_problem(request, status, f"{heading}. {message}")
        else:
            response = HttpResponse(error_page(heading, message), status=status)
    if outage:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def api_problem(request, status, detail):
    """The shape of every error answer of the APIs (cms/api/problems.py, which core cannot
    import): an RFC 9457 problem, with API v2's `message` beside `detail`."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "errors": [],
    }
    if request.path_info.startswith("/api/v2/"):
        body["message"] = detail
    response = compact_json_response(body, status=status)
    response["Content-Type"] = "application/problem+json"
    return response


def error_page(heading, message):
    from core.models import SiteSettings

    # Each language's quick-exit address is in the database, which may be what failed: the
    # neutral address every language starts with stands in.
    site_settings = {"quick_exit_url": SiteSettings._meta.get_field("quick_exit_url").default}
    return render_to_string(
        "500.html", {"heading": heading, "message": message, "site_settings": site_settings}
    )


def serve_media(request, path):
    """Uploaded files, for the development server and the browser tests only."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
