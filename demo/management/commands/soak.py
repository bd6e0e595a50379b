"""Prove that the site holds under sustained load as production runs it: gunicorn with production
settings and 16 PostgreSQL connections (4 workers × 4 threads, each keeping its connection),
loaded by wrk over the main pages in every language and both APIs. Any 5xx fails the run."""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import Request, urlopen

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, connection
from django.utils.encoding import iri_to_uri

from demo.management.commands.bench import PAGE_TYPES
from demo.pages import first_live_page

WRK_SCRIPT = Path(__file__).with_suffix(".lua")
PROXY_HEADER = "X-Forwarded-Proto: https"  # as behind the HTTPS proxy production expects


class Command(BaseCommand):
    help = "Load the site under gunicorn (production settings, PostgreSQL) with wrk; fail on 5xx."

    def add_arguments(self, parser):
        parser.add_argument(
            "--seconds", type=int, default=int(os.environ.get("SOAK_SECONDS", "180"))
        )
        parser.add_argument("--workers", type=int, default=4)
        parser.add_argument("--threads", type=int, default=4, help="Threads per worker.")
        parser.add_argument("--connections", type=int, default=16, help="wrk's open connections.")

    def handle(self, *args, seconds, workers, threads, connections, **options):
        if connection.vendor != "postgresql" or not os.environ.get("DATABASE_URL"):
            raise CommandError("The soak runs against PostgreSQL: set DATABASE_URL.")
        wrk = shutil.which("wrk")
        if wrk is None:
            raise CommandError("The soak needs wrk (Debian: apt-get install wrk).")
        create_database_if_missing()
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        call_command("collectstatic", interactive=False, verbosity=0)
        paths = self.paths()
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            script.write(f"paths = {{{', '.join(json.dumps(path) for path in paths)}}}\n")
            script.write(WRK_SCRIPT.read_text())
            script.flush()
            with Gunicorn(workers, threads) as address:
                command = [wrk, f"-t{min(connections, 4)}", f"-c{connections}", f"-d{seconds}s"]
                command += ["--timeout=30s", "-H", PROXY_HEADER, "-s", script.name, address]
                self.stdout.write(f"{len(paths)} addresses, {seconds} s, {' '.join(command[1:4])}")
                wrk_run = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
                database_connections = self.open_connections()
        self.report(parse_figures(wrk_run.stdout), database_connections, workers * threads)

    def paths(self):
        paths = ["/healthz", "/sitemap.xml", "/api/v2/images/", "/api/v2/documents/"]
        for code, _name in settings.LANGUAGES:
            pages = [first_live_page(page_type, code) for page_type in PAGE_TYPES]
            if None in pages:
                raise CommandError(f"The demo has no page of each type in {code}.")
            paths += [iri_to_uri(page.url) for page in pages]
            paths += [
                f"/{code}/search/?q=trafficking",
                f"/api/v2/pages/?locale={code}",
                f"/api/v2/pages/{pages[1].pk}/",
                f"/api/v3/pages/?locale={code}",
                f"/api/v3/pages/{pages[1].pk}/",
            ]
        return paths

    def open_connections(self):
        """The connections gunicorn's threads hold on the database (each keeps its own)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            return cursor.fetchone()[0]

    def report(self, figures, database_connections, expected_connections):
        statuses = figures["statuses"]
        self.stdout.write(
            f"requests: {figures['requests']} in {figures['seconds']} s "
            f"({figures['requests'] / figures['seconds']:.0f}/s)\n"
            f"latency ms: p50 {figures['latency_p50_ms']}, p90 {figures['latency_p90_ms']}, "
            f"p99 {figures['latency_p99_ms']}, max {figures['latency_max_ms']}\n"
            f"statuses: {', '.join(f'{code}: {n}' for code, n in sorted(statuses.items()))}\n"
            f"socket errors: {figures['socket_errors']}\n"
            f"database connections held: {database_connections} (of {expected_connections})"
        )
        server_errors = sum(n for code, n in statuses.items() if code >= 500)
        if server_errors or figures["socket_errors"] or not figures["requests"]:
            raise CommandError(
                f"{server_errors} server errors, {figures['socket_errors']} socket errors."
            )
        self.stdout.write(self.style.SUCCESS("Soak passed: no 5xx."))


def create_database_if_missing():
    try:
        connection.ensure_connection()
    except OperationalError:
        # The maintenance connection Django's test runner creates its databases with.
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{connection.settings_dict["NAME"]}"')


def parse_figures(output):
    figures = {"statuses": {}}
    for line in output.splitlines():
        name, *values = line.split()
        if name == "status":
            figures["statuses"][int(values[0])] = int(values[1])
        elif len(values) == 1 and name in {"requests", "socket_errors"}:
            figures[name] = int(values[0])
        elif len(values) == 1 and (name == "seconds" or name.startswith("latency_")):
            figures[name] = float(values[0])
    return figures


def gunicorn_command(port, workers, threads):
    """The site under gunicorn as production runs it, threaded, with addresses cut in its logs."""
    return [
        str(Path(sys.executable).with_name("gunicorn")),
        "cms.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--worker-class=gthread",
        "--logger-class=privacy.logging.GunicornLogger",
        "--log-level=warning",
    ]


class Gunicorn:
    """gunicorn with production settings on a free port, for the length of a `with` block."""

    def __init__(self, workers, threads):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.command = gunicorn_command(port, workers, threads)
        self.address = f"http://127.0.0.1:{port}"

    def __enter__(self):
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "600"),
        }
        self.process = subprocess.Popen(self.command, cwd=settings.BASE_DIR, env=environment)  # noqa: S603
        deadline = time.monotonic() + 60
        while not self.ready():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.process.kill()
                raise CommandError("gunicorn did not start: see its messages above.")
            time.sleep(0.2)
        return self.address

    def ready(self):
        request = Request(f"{self.address}/healthz", headers=dict([PROXY_HEADER.split(": ")]))  # noqa: S310
        try:
            with urlopen(request, timeout=5) as response:  # noqa: S310
                return response.status == 200
        except OSError:
            return False

    def __exit__(self, *exc_info):
        self.process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown: the load is over
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
