"""The worker behind scheduled publishing and consent enforcement: every minute it publishes
and unpublishes the pages whose time has come, takes down stories whose consent ended, and
records that it ran (the dashboard warns when it has not for 15 minutes). `make run` starts it
beside the development server; in production run it as a service of its own, or from cron
with --once every minute."""

import io
import logging
import time

from django.core.management.base import BaseCommand

from stories.scheduled_jobs import INTERVAL_SECONDS, JOBS, run_jobs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        f"Run {' and '.join(JOBS)} every --interval seconds and record each run for the "
        "dashboard; with --once, one run (for cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run once, then stop.")
        parser.add_argument(
            "--interval",
            type=float,
            default=INTERVAL_SECONDS,
            help=f"Seconds between runs (default {INTERVAL_SECONDS}).",
        )

    def handle(self, *args, once=False, interval=INTERVAL_SECONDS, **options):
        self.verbosity = options.get("verbosity", 1)
        if once:
            self.run()
            return
        self.stdout.write(f"Running {', '.join(JOBS)} every {interval:g} s. Ctrl-C stops.")
        try:
            while True:
                self.run_logging_failures()
                time.sleep(interval)
        except KeyboardInterrupt:
            self.stdout.write("Scheduled jobs stopped.")

    def run_logging_failures(self):
        """One run; a failure is logged and the next run tried (the dashboard shows the run as
        missing until one succeeds)."""
        try:
            self.run()
        except Exception:
            logger.exception("The scheduled jobs failed; trying again at the next run.")

    def run(self):
        """The jobs' own reports only with --verbosity 2: quiet in cron and beside runserver."""
        run_jobs(stdout=self.stdout if self.verbosity >= 2 else io.StringIO())
