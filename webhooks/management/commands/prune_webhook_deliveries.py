"""Delete the records of old webhook deliveries that are finished (succeeded or failed)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from webhooks.models import WebhookDelivery


class Command(BaseCommand):
    help = "Delete succeeded and failed webhook deliveries older than --days (pending ones stay)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30, help="Keep this many days (30).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, days=30, dry_run=False, **options):
        cutoff = timezone.now() - timedelta(days=days)
        old = WebhookDelivery.objects.filter(
            created_at__lt=cutoff,
            status__in=[WebhookDelivery.SUCCEEDED, WebhookDelivery.FAILED],
        )
        count = old.count()
        if not dry_run:
            old.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} webhook deliveries older than {days} days.")
