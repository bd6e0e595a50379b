import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.db import connection


class Server:
    """Another server of the site: its own database, media and documents folders, reached only
    through `manage.py` as an operator would."""

    def __init__(self, database_url, folder):
        self.database_url = database_url
        self.media_root = folder / "media"
        self.documents_root = folder / "private-documents"

    def manage(self, *args, key=None):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": self.database_url,
            "MEDIA_ROOT": str(self.media_root),
            "DOCUMENTS_ROOT": str(self.documents_root),
        }
        env.pop("BACKUP_ENCRYPTION_KEY", None)
        if key:
            env["BACKUP_ENCRYPTION_KEY"] = key
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    def tables(self):
        if self.database_url.startswith("sqlite"):
            import sqlite3

            path = self.database_url.removeprefix("sqlite:///")
            if not Path(path).exists():
                return []
            with sqlite3.connect(path) as database:
                rows = database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                return [name for (name,) in rows]
        with psycopg.connect(self.database_url) as database:
            rows = database.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            )
            return [name for (name,) in rows]

    def execute(self, sql):
        if self.database_url.startswith("sqlite"):
            import sqlite3

            with sqlite3.connect(self.database_url.removeprefix("sqlite:///")) as database:
                database.execute(sql)
        else:
            with psycopg.connect(self.database_url, autocommit=True) as database:
                database.execute(sql)


def _postgres_url(name):
    db = connection.settings_dict
    credentials = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


@pytest.fixture
def new_server(tmp_path):
    """A server with an empty database (never migrated) and no files: on SQLite a new file, on
    PostgreSQL a new database, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield Server(f"sqlite:///{tmp_path / 'restored.sqlite3'}", tmp_path)
        return
    name = f"h_backup_restored_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_postgres_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Server(_postgres_url(name), tmp_path)
    finally:
        with psycopg.connect(_postgres_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
