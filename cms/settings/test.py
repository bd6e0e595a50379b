import os

from .base import *  # noqa: F403
from .base import task_settings

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The only settings without the manifest: tests serve static files from their sources (finders),
# with no collectstatic before each run. tests/cms/test_static_files.py covers the manifest.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Memory local to the test process, whatever REDIS_URL says.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WHITENOISE_USE_FINDERS = True
# The browser tests' live server shows uploads too (production leaves them to a web server or S3).
SERVE_MEDIA_FILES = True
# Leave log records to pytest, which shows them for failing tests.
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Tasks run in the request that enqueues them, so that a test sees their effect at once; the
# tests of the queue itself switch to the database backend and run the worker
# (tests/core/test_background_tasks.py), whose worker subprocess is given TASKS_BACKEND=database.
TASKS = task_settings({"TASKS_BACKEND": os.environ.get("TASKS_BACKEND", "immediate")})
# The router's tests read through a replica alias: the test database itself (a Django mirror).
DATABASES.setdefault("replica", {**DATABASES["default"], "TEST": {"MIRROR": "default"}})  # noqa: F405
if DATABASES["replica"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # SQLite's in-memory test database is shared between its connections table by table: a
    # second one reading without locks sees the test's own rows and never blocks its writes.
    DATABASES["replica"]["OPTIONS"] = {"init_command": "PRAGMA read_uncommitted = 1"}  # noqa: F405
