"""Take survivor stories down when their consent ends. Run it every few minutes (cron)."""

from django.core.management.base import BaseCommand

from stories.publishing import unpublish_stories_without_consent


class Command(BaseCommand):
    help = (
        "Unpublish every survivor story and translation whose consent has expired, was "
        "withdrawn or does not cover it, and cancel their scheduled publishing. Each event is in "
        "the audit log. Safe to run as often as you like (e.g. every 5 minutes from cron)."
    )

    def handle(self, *args, **options):
        unpublished = unpublish_stories_without_consent()
        for story in unpublished:
            self.stdout.write(f"Unpublished story #{story.pk} ({story.locale.language_code}).")
        self.stdout.write(f"{len(unpublished)} stories unpublished.")
