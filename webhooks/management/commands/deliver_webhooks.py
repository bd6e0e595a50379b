"""Send the webhook deliveries that are due: first attempts not sent yet and retries whose time
has come. Run it every minute from cron, or keep it running with --loop as a worker."""

import time

from django.core.management.base import BaseCommand

from webhooks.delivery import deliver_due
from webhooks.models import WebhookDelivery


class Command(BaseCommand):
    help = "Send pending webhook deliveries that are due (first attempts and retries)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="Keep running, checking every --interval seconds."
        )
        parser.add_argument(
            "--interval", type=float, default=15, help="Seconds between checks with --loop."
        )
        parser.add_argument(
            "--limit", type=int, default=None, help="Send at most this many per round."
        )

    def handle(self, *args, loop=False, interval=15, limit=None, **options):
        while True:
            attempted = deliver_due(limit=limit)
            if attempted or not loop:
                succeeded = sum(1 for d in attempted if d.status == WebhookDelivery.SUCCEEDED)
                failed = sum(1 for d in attempted if d.status == WebhookDelivery.FAILED)
                self.stdout.write(
                    f"{len(attempted)} attempted: {succeeded} succeeded, {failed} failed for good, "
                    f"{len(attempted) - succeeded - failed} to retry."
                )
            if not loop:
                return
            time.sleep(interval)
