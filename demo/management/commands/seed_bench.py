"""Grow the demo site to the benchmark's scale: resources, campaigns and stories in every language,
with pictures, topics and regions. Safe to run again: a run leaves exactly the counts it is given."""

import logging
import os
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from demo.bench.seeding import BenchSeeder


def count(value):
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = "Add benchmark content (bulk-created, in every language) on top of the demo site."

    def add_arguments(self, parser):
        parser.add_argument("--resources", type=count, default=2000, help="In each language.")
        parser.add_argument("--campaigns", type=count, default=50, help="In each language.")
        parser.add_argument("--stories", type=count, default=200, help="In each language.")
        parser.add_argument(
            "--no-renditions",
            dest="renditions",
            action="store_false",
            help="Leave the pictures' renditions to their first visitors (quicker, for tests).",
        )

    def handle(self, *args, resources, campaigns, stories, renditions, **options):
        started = time.monotonic()
        # The pages are built on the demo's: its index pages, snippets and menus.
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        wagtail_logger = logging.getLogger("wagtail")
        previous_level = wagtail_logger.level
        wagtail_logger.setLevel(logging.WARNING)
        counts = {"resource": resources, "campaign": campaigns, "story": stories}
        try:
            with translation.override(settings.LANGUAGE_CODE):
                tally = BenchSeeder(counts, renditions).run()
        except LookupError as error:
            raise CommandError(str(error)) from None
        finally:
            wagtail_logger.setLevel(previous_level)
        pages = ", ".join(f"{number} {kind} pages" for kind, number in tally.pages.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Bench content ready in {len(settings.LANGUAGES)} languages: {pages} "
                f"({tally.created} created, {tally.removed} removed on this run, "
                f"{time.monotonic() - started:.0f} s)."
            )
        )
