"""Prove that the site holds under sustained load as production runs it: gunicorn with production
settings and 16 PostgreSQL connections (4 workers × 4 threads, each keeping its connection),
loaded by wrk over the main pages in every language and both APIs. Any 5xx fails the run."""

import os
from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, connection
from django.utils.encoding import iri_to_uri

from demo import wrk
from demo.gunicorn import Gunicorn, GunicornFailed
from demo.pages import PAGE_TYPES, first_live_page


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
        try:
            wrk.wrk_binary()
        except wrk.WrkMissing as error:
            raise CommandError(f"The soak needs wrk. {error}") from None
        create_database_if_missing()
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        call_command("collectstatic", interactive=False, verbosity=0)
        paths = self.paths()
        wrk_threads = min(connections, 4)
        with running(Gunicorn(workers, threads)) as address:
            self.stdout.write(
                f"{len(paths)} addresses, {seconds} s, -t{wrk_threads} -c{connections}"
            )
            figures = wrk.load(address, paths, seconds, connections, wrk_threads)
            database_connections = self.open_connections()
        self.report(figures, database_connections, workers * threads)

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


@contextmanager
def running(server):
    try:
        with server as address:
            yield address
    except GunicornFailed as error:
        raise CommandError(str(error)) from None
