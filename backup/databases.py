"""Dump and restore the database with the engine's own tools: `pg_dump`/`pg_restore` (custom
format) for PostgreSQL, SQLite's online backup API for SQLite. A restore is all or nothing."""

import os
import sqlite3
import subprocess
import tempfile
from contextlib import closing

import django.db
from django.db.backends.postgresql.client import DatabaseClient
from wagtail.images import get_image_model

MEMBERS = {"postgresql": "database/postgresql.dump", "sqlite": "database/sqlite3.db"}
ENGINES = {member: vendor for vendor, member in MEMBERS.items()}


class DatabaseBackupError(Exception):
    """The database could not be dumped or restored; the message says why."""


def member_name(connection):
    if connection.vendor not in MEMBERS:
        raise DatabaseBackupError(
            f"Backups support PostgreSQL and SQLite, not {connection.vendor}."
        )
    return MEMBERS[connection.vendor]


def tables(connection):
    try:
        with connection.cursor() as cursor:
            return connection.introspection.table_names(cursor)
    except django.db.Error as error:
        raise DatabaseBackupError(f"The database cannot be reached: {error}") from None


def _rendition_table():
    # Renditions are made again on demand: their rows would point at files left out.
    return get_image_model().get_rendition_model()._meta.db_table


def dump(connection, destination):
    if connection.vendor == "postgresql":
        args, env = _postgres_command(
            "pg_dump",
            connection,
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--exclude-table-data={_rendition_table()}",
            f"--file={destination}",
        )
        _run(args, env)
    else:
        connection.ensure_connection()
        try:
            with closing(sqlite3.connect(destination)) as copy:
                connection.connection.backup(copy)
                copy.execute(f'DELETE FROM "{_rendition_table()}"')  # noqa: S608 (a model's table)
                copy.commit()
                copy.execute("VACUUM")
        except sqlite3.Error as error:
            raise DatabaseBackupError(f"The database could not be copied: {error}") from None


def check_dump(vendor, path):
    """Refuse a dump this server cannot read, before anything is changed."""
    if vendor == "postgresql":
        _run(["pg_restore", "--list", str(path)], failure="The database dump is unreadable")
        return
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as copy:
            result = copy.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise DatabaseBackupError(f"The database copy is unreadable: {error}.") from None
    if result != "ok":
        raise DatabaseBackupError(f"The database copy is damaged: {result}.")


def restore(connection, path, replace):
    """Load the dump in one transaction: on any error the database stays as it was. With
    `replace`, the tables already there are dropped in that same transaction."""
    existing = tables(connection)
    if connection.vendor == "postgresql":
        _restore_postgres(connection, path, existing if replace else [])
    else:
        connection.ensure_connection()
        try:
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as copy:
                # The backup API replaces the whole destination in one write transaction.
                copy.backup(connection.connection)
        except sqlite3.Error as error:
            raise DatabaseBackupError(
                f"The database could not be restored, and was left as it was: {error}"
            ) from None
        finally:
            connection.close()


def _restore_postgres(connection, path, tables_to_drop):
    drop = []
    if tables_to_drop:
        quoted = ", ".join(connection.ops.quote_name(name) for name in tables_to_drop)
        drop = ["--command", f"DROP TABLE IF EXISTS {quoted} CASCADE"]
    connection.close()
    psql, env = _postgres_command(
        "psql", connection, "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1",
        "--single-transaction", *drop, "--file", "-", "--output", os.devnull,
    )  # fmt: skip
    # pg_restore turns the dump into SQL that psql runs in a single transaction, after the drop.
    with tempfile.TemporaryFile() as reader_errors:
        reader = _start(
            ["pg_restore", "--no-owner", "--no-privileges", "--file=-", str(path)],
            stdout=subprocess.PIPE,
            stderr=reader_errors,
        )
        try:
            loader = _start(psql, env=env, stdin=reader.stdout, stderr=subprocess.PIPE)
        finally:
            reader.stdout.close()  # psql holds its own end; without psql, pg_restore stops
        _, loader_errors = loader.communicate()
        reader.wait()
        reader_errors.seek(0)
        errors = loader_errors or reader_errors.read()
    if loader.returncode or reader.returncode:
        raise DatabaseBackupError(
            "The database could not be restored, and was left as it was: "
            + _first_lines(errors.decode(errors="replace"))
        )


def _postgres_command(program, connection, *options):
    args, env = DatabaseClient.settings_to_cmd_args_env(connection.settings_dict, list(options))
    return [program, *args[1:]], {**os.environ, **(env or {})}


def _start(args, **kwargs):
    try:
        return subprocess.Popen(args, **kwargs)  # noqa: S603 (fixed programs, no shell)
    except FileNotFoundError:
        raise DatabaseBackupError(
            f"{args[0]} is not installed: install PostgreSQL's client tools (Debian: "
            "postgresql-client) of the server's major version or newer."
        ) from None


def _run(args, env=None, failure="The database could not be dumped"):
    process = _start(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, errors = process.communicate()
    if process.returncode:
        raise DatabaseBackupError(f"{failure}: {_first_lines(errors.decode(errors='replace'))}")


def _first_lines(text, count=5):
    return "\n".join(text.strip().splitlines()[:count]) or "no message"
