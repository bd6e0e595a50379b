"""Print how much of the site is translated into each language, for people and for CI."""

import json
import math

from django.core.management.base import BaseCommand, CommandError

from translation.coverage import format_percentage, get_translation_coverage


def parse_threshold(value):
    """A percentage between 0 and 100, or a CommandError saying what is wrong."""
    try:
        threshold = float(value)
    except (TypeError, ValueError):
        threshold = math.nan
    if math.isnan(threshold) or not 0 <= threshold <= 100:
        raise CommandError(f"--fail-under takes a percentage from 0 to 100, not {value!r}.")
    return threshold


class Command(BaseCommand):
    help = (
        "Per language: how many live pages and translatable snippets of the default language are "
        "translated, missing or outdated, and the coverage in percent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--json",
            action="store_true",
            help="Print the figures as JSON, with the missing and outdated items.",
        )
        parser.add_argument(
            "--fail-under",
            metavar="N",
            help="Exit with an error when a language's coverage is below N percent (0–100).",
        )

    def handle(self, *args, **options):
        fail_under = options["fail_under"]
        threshold = parse_threshold(fail_under) if fail_under is not None else None
        report = get_translation_coverage()

        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        else:
            self.write_table(report, show_items=options["verbosity"] >= 2)

        if threshold is not None:
            below = report.below(threshold)
            if below:
                languages = ", ".join(
                    f"{coverage.language_code} ({coverage.name}) {coverage.percentage_display} %"
                    for coverage in below
                )
                raise CommandError(
                    f"Translation coverage is below {threshold:g} % in: {languages}."
                )

    def write_table(self, report, show_items=False):
        header = (
            f"{'Locale':<20}{'Translated':>11}{'Missing':>9}{'Outdated':>10}"
            f"{'Total':>7}{'Coverage':>11}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for coverage in report.locales:
            locale = f"{coverage.language_code} ({coverage.name})"
            self.stdout.write(
                f"{locale:<20}{coverage.translated_count:>11}{coverage.missing_count:>9}"
                f"{coverage.outdated_count:>10}{coverage.total:>7}"
                f"{format_percentage(coverage.percentage) + ' %':>11}"
            )
        if show_items:
            for coverage in report.locales:
                for label, items in (
                    ("missing", coverage.missing),
                    ("outdated", coverage.outdated),
                ):
                    for item in items:
                        self.stdout.write(
                            f"{coverage.language_code}: {label} {item.kind} #{item.id} {item.title}"
                        )
