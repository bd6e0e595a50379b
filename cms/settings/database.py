"""The database, and the search index kept in it."""

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
    # Each language is indexed and searched with its own text-search configuration. Elsewhere,
    # Wagtail's default: its database backend.
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "LANGUAGE_CONFIGS": {
                "en": "english",
                "fr": "french",
                "es": "spanish",
                "sw": "simple",
                "ar": "simple",
            },
        }
    }
