"""Measure the site as production serves it: gunicorn with production settings on loopback, wrk
at a handful of connections, every main page and both APIs with the response cache and without,
against a bare Django view served by the same gunicorn command in the same run. Prints a table
and the targets met, and writes it all as JSON. Fails only when an answer is not 2xx."""

import os
import platform
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from demo import wrk
from demo.bench.measure import Benchmark, servers
from demo.bench.report import Report
from demo.bench.rows import ROW_NAMES, NoBenchContent, site_rows
from demo.gunicorn import GunicornFailed
from home.models import CampaignPage
from resources.models import ResourcePage
from stories.models import SurvivorStoryPage

DEFAULT_OUTPUT = Path(settings.BASE_DIR) / "var" / "bench" / "latest.json"


def positive(value):
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def collected_static_is_current():
    """Whether STATIC_ROOT's manifest is newer than every static source file: collectstatic
    compresses every file each time it runs (some 40 s), for a manifest that production needs."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        return False
    collected_at = manifest.stat().st_mtime
    for finder in finders.get_finders():
        for path, storage in finder.list(["CVS", ".*", "*~"]):
            if storage.get_modified_time(path).timestamp() > collected_at:
                return False
    return True


class Command(BaseCommand):
    help = "Benchmark the site under gunicorn and wrk (run seed_bench first); table and JSON."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=positive, default=5, help="Measured, per row.")
        parser.add_argument(
            "--warmup", type=int, default=2, help="Seconds of load before each row (0: none)."
        )
        parser.add_argument("--connections", type=positive, default=8)
        parser.add_argument("--workers", type=positive, default=2, help="gunicorn's workers.")
        parser.add_argument("--threads", type=positive, default=1, help="Threads per worker.")
        parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="The JSON file.")
        parser.add_argument(
            "--rows",
            type=lambda value: [name.strip() for name in value.split(",") if name.strip()],
            help='Only these rows, by name and comma-separated (e.g. "campaign,API v2 detail").',
        )

    def handle(
        self, *args, seconds, warmup, connections, workers, threads, output, rows, **options
    ):
        started = time.monotonic()
        try:
            wrk.wrk_binary()
        except wrk.WrkMissing as error:
            raise CommandError(f"The benchmark needs wrk. {error}") from None
        unknown = [name for name in rows or () if name not in ROW_NAMES]
        if unknown:
            raise CommandError(
                f"No row named {', '.join(map(repr, unknown))}; "
                f"the rows are: {', '.join(ROW_NAMES)}."
            )
        if not collected_static_is_current():
            self.stdout.write("Collecting static files (they changed since the last run)…")
            call_command("collectstatic", interactive=False, verbosity=0)
        rows = self.chosen_rows(rows)
        benchmark = Benchmark(seconds, max(warmup, 0), connections, self.stdout.write)
        self.stdout.write(
            f"{len(rows)} rows × (cached, cold) and hello after each: {seconds} s a run after "
            f"{warmup} s of warm-up, "
            f"{connections} connections, gunicorn {workers} workers × {threads} threads"
        )
        try:
            with servers(workers, threads) as running:
                hello_runs, measurements = benchmark.run(running, rows)
        except GunicornFailed as error:
            raise CommandError(str(error)) from None
        context = self.context(seconds, warmup, connections, workers, threads)
        context["duration_s"] = round(time.monotonic() - started)
        self.write(Report(hello_runs, measurements, context), output)

    def chosen_rows(self, names):
        try:
            rows = site_rows()
        except NoBenchContent as error:
            raise CommandError(str(error)) from None
        return [row for row in rows if not names or row.name in names]

    def context(self, seconds, warmup, connections, workers, threads):
        return {
            "seconds_per_row": seconds,
            "warmup_seconds": warmup,
            "connections": connections,
            "gunicorn": f"{workers} workers × {threads} threads (gthread)",
            "database": connection.vendor,
            "cache": "Redis" if os.environ.get("REDIS_URL") else "files",
            "live_pages": {
                str(model._meta.verbose_name_plural): model.objects.live().count()
                for model in (ResourcePage, CampaignPage, SurvivorStoryPage)
            },
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }

    def write(self, report, output):
        self.stdout.write("\n" + report.table() + "\n")
        for line in report.target_lines():
            self.stdout.write(line)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(report.as_json() + "\n")
        self.stdout.write(f"\nWritten to {output} ({report.settings['duration_s']} s).")
        failures = report.failures()
        if failures:
            raise CommandError("Answers other than 2xx: " + "; ".join(failures))
