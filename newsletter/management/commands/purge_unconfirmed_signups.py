from django.conf import settings
from django.core.management.base import BaseCommand

from newsletter.subscriptions import purge_unconfirmed


class Command(BaseCommand):
    help = (
        "Delete sign-ups left unconfirmed for NEWSLETTER_UNCONFIRMED_RETENTION_DAYS days "
        "(run by run_scheduled_jobs)."
    )

    def handle(self, *args, **options):
        deleted = purge_unconfirmed()
        days = settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS
        self.stdout.write(f"Deleted {deleted} sign-ups unconfirmed after {days} days.")
