"""Real server processes for the outage tests: a private PostgreSQL cluster that a test may stop
and restart (never the shared one other tests use), and the site under gunicorn with production
settings. Each runs on a free port of its own and is removed afterwards."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
import requests
from django.conf import settings
from django.db import connection
from psycopg.conninfo import make_conninfo

from demo.gunicorn import gunicorn_command

POSTGRES_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))), None)
# Requests look as they do behind the HTTPS proxy that production expects.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, timeout, what):
    """Poll `condition` until it holds: the processes here announce readiness only by answering."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} after {timeout} s")
        time.sleep(0.1)


class PrivatePostgres:
    """A throwaway cluster. PostgreSQL refuses to run as root, so as root it runs as `postgres`."""

    def __init__(self):
        self.bin = POSTGRES_BIN.parent
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="cms-outage-pg-"))
        self.data = self.directory / "data"
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_owner:
            shutil.chown(self.directory, "postgres", "postgres")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/cms"

    def run(self, *command):
        subprocess.run([*self.as_owner, *command], check=True, capture_output=True)

    def create(self):
        self.run(self.bin / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "--no-sync")
        self.start()
        self.run(
            self.bin / "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "cms"
        )

    def sql(self, query, *parameters):
        """One row of `query`'s answer, in a connection of its own (committed at once)."""
        with psycopg.connect(self.url, autocommit=True) as database:
            return database.execute(query, parameters).fetchone()

    def pg_ctl(self, *arguments):
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(self.bin / "pg_ctl", "-D", self.data, "-o", options, "-w", "-s", *arguments)

    def start(self):
        self.pg_ctl("start", "-l", self.directory / "log")

    def stop(self):
        self.pg_ctl("stop", "-m", "fast")

    @contextmanager
    def stopped(self):
        self.stop()
        try:
            yield
        finally:
            self.start()

    def restart(self):
        with self.stopped():
            pass

    def copy_database(self, settings_dict):
        """Load a copy of the (seeded) test database, so that the server has pages to serve."""
        source = make_conninfo(
            dbname=settings_dict["NAME"],
            host=settings_dict["HOST"],
            port=settings_dict["PORT"] or None,
            user=settings_dict["USER"] or None,
        )
        dump = subprocess.run(
            [self.bin / "pg_dump", "--no-owner", "--format=custom", "-d", source],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                self.bin / "pg_restore",
                "--no-owner",
                "-d",
                self.url.replace("postgres://", "postgresql://"),
            ],
            input=dump.stdout,
            check=True,
            capture_output=True,
        )

    def remove(self):
        subprocess.run(
            [*self.as_owner, self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "-s", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self.directory, ignore_errors=True)


class StreamingStandby(PrivatePostgres):
    """A hot standby of `primary` on a port of its own, streaming its WAL (`pg_basebackup -R`:
    initdb's pg_hba.conf already lets loopback replicate, and `wal_level` is `replica` by
    default)."""

    def create_from(self, primary):
        self.run(
            self.bin / "pg_basebackup",
            *("-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"),
            *("-D", self.data, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"),
        )
        self.start()


def collect_static(static_root):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "STATIC_ROOT": static_root,
        },
        check=True,
    )


@contextmanager
def gunicorn(static_root, workers=2, threads=2, **environment):
    """The site as production runs it, with persistent database connections (one per thread)."""
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DJANGO_SECRET_KEY="outage-test-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DATABASE_CONN_MAX_AGE="600",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        DOCUMENTS_ROOT=str(settings.DOCUMENTS_ROOT),
        CACHE_DIR=str(Path(static_root).parent / "cache"),  # not the checkout's var/cache
    )
    env.update(environment)
    command = gunicorn_command(port, workers, threads)
    process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)  # noqa: S603
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: answers(f"{base_url}/healthz"), 120, "gunicorn did not answer")
        yield base_url
    finally:
        process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        process.wait(timeout=30)


def answers(url):
    try:
        return requests.get(url, headers=PROXY_HEADERS, timeout=10).status_code == 200
    except requests.RequestException:
        return False


VARNISHD = shutil.which("varnishd") or next(iter(Path("/usr/sbin").glob("varnishd")), None)


@contextmanager
def varnish(backend_url):
    """Varnish with the repository's configuration (deploy/varnish/site.vcl), in front of
    `backend_url`."""
    port = free_port()
    directory = Path(tempfile.mkdtemp(prefix="cms-varnish-"))
    backend_port = backend_url.rsplit(":", 1)[1]
    vcl = (Path(settings.BASE_DIR) / "deploy" / "varnish" / "site.vcl").read_text()
    (directory / "site.vcl").write_text(vcl.replace('"8000"', f'"{backend_port}"'))
    process = subprocess.Popen(  # noqa: S603
        [VARNISHD, "-F", "-j", "none", "-n", str(directory / "work"), "-a", f"127.0.0.1:{port}"]
        + ["-f", str(directory / "site.vcl"), "-s", "malloc,32m", "-p", "ban_lurker_sleep=0.1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: answers(f"{base_url}/healthz"), 60, "Varnish did not answer")
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def private_copy_of_test_database(django_db_blocker):
    """A private PostgreSQL holding a copy of the test database with its test site, removed
    afterwards (skips the test on another database)."""
    from tests.site import ensure_test_site

    if connection.vendor != "postgresql":
        pytest.skip("the copy of the test database needs PostgreSQL (DATABASE_URL)")
    postgres = PrivatePostgres()
    try:
        postgres.create()
        with django_db_blocker.unblock():
            ensure_test_site()
            postgres.copy_database(connection.settings_dict)
        yield postgres
    finally:
        postgres.remove()


def editor_environment(environment, purge_url=None):
    """The environment of an editor's process: the site's database and cache, not this one's."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "FRONTEND_CACHE"))
    }
    env.update(environment, DJANGO_SETTINGS_MODULE="cms.settings.dev")
    env["MEDIA_ROOT"] = str(settings.MEDIA_ROOT)
    env["DOCUMENTS_ROOT"] = str(settings.DOCUMENTS_ROOT)
    env["PYTHONPATH"] = str(settings.BASE_DIR)
    if purge_url:
        env["FRONTEND_CACHE_PURGE_URL"] = purge_url
    return env
