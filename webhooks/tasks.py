"""Background delivery through django-tasks (Wagtail's task framework).

The site's queue (cms/settings/tasks.py) holds the first attempt until `manage.py db_worker`
takes it, and each retry until its time (the database backend can defer tasks). A failure is
recorded rather than raised, so the queue's own retries (core/task_queue.py) never repeat an
attempt. With TASKS_BACKEND=immediate the first attempt runs in the process that committed the
change, bounded by the timeout, and `manage.py deliver_webhooks` (cron or --loop) sends retries."""

import logging

from django.conf import settings
from django_tasks import task

from webhooks.delivery import deliver
from webhooks.models import WebhookDelivery

logger = logging.getLogger(__name__)


@task()
def deliver_webhook(delivery_id):
    delivery = deliver(delivery_id)
    if delivery is None:
        return None
    if delivery.status == WebhookDelivery.PENDING and delivery.next_retry_at:
        schedule_retry(delivery)
    return delivery.status


def schedule_retry(delivery):
    if not deliver_webhook.get_backend().supports_defer:
        return  # left to the deliver_webhooks command
    try:
        deliver_webhook.using(run_after=delivery.next_retry_at).enqueue(delivery.pk)
    except Exception:
        logger.exception("Could not queue the retry of webhook delivery %s", delivery.uuid)


def enqueue_deliveries(delivery_ids):
    """Queue the first attempt of each delivery; called once the transaction has committed."""
    if not getattr(settings, "WEBHOOKS_DELIVER_AFTER_COMMIT", True):
        return
    for delivery_id in delivery_ids:
        try:
            deliver_webhook.enqueue(delivery_id)
        except Exception:
            # Still pending and due: the deliver_webhooks command will send it.
            logger.exception("Could not queue webhook delivery %s", delivery_id)
