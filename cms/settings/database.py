"""The database (its search backend: cms/settings/search.py)."""

import os

import dj_database_url

from cms.settings.environment import BASE_DIR

# SQLite beside the code unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A connection kept open across a database restart is found dead and replaced before
        # the next request uses it, instead of failing that request.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

uses_postgresql = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if uses_postgresql:
    # An unreachable database host fails a request in seconds (a 503 page) instead of hanging it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
