"""Background tasks (django-tasks): webhook deliveries, search and reference index updates, CDN
purges and image renditions run in `manage.py db_worker`, not in the editor's request.

The queue is kept in the site's database (django-tasks-db) whether or not REDIS_URL is set: a
task is written in the same transaction as the change that needs it, so none is lost when the
process dies, and Redis here is a cache that may be emptied or unreachable at any time
(cms/settings/caches.py). TASKS_BACKEND=immediate runs each task in the process that enqueued it
(the behaviour of django-tasks without settings: for debugging, or a site without a worker)."""

import os

from django.core.exceptions import ImproperlyConfigured

BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def task_settings(environ):
    """The TASKS setting for TASKS_BACKEND ("database" unless the environment says otherwise)."""
    name = environ.get("TASKS_BACKEND", "").strip().lower() or "database"
    if name not in BACKENDS:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND={name!r} is not a task backend: give one of {', '.join(BACKENDS)}."
        )
    return {"default": {"BACKEND": BACKENDS[name]}}


def retry_delays(environ):
    """Seconds to wait before each new attempt at a failed task (TASKS_RETRY_DELAYS, comma
    separated; default 1 and 10 minutes: three attempts in all)."""
    text = environ.get("TASKS_RETRY_DELAYS", "60,600")
    try:
        return tuple(int(delay) for delay in text.split(",") if delay.strip())
    except ValueError as error:
        raise ImproperlyConfigured(
            f"TASKS_RETRY_DELAYS={text!r} must be whole seconds separated by commas."
        ) from error


TASKS = task_settings(os.environ)
TASKS_RETRY_DELAYS = retry_delays(os.environ)
