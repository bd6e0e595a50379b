"""The confirmation email, sent by the worker (`manage.py db_worker`), never in the visitor's
request; a send that fails raises, and the queue tries again (core/task_queue.py). Its only
argument is the subscriber's id: the queue keeps no address."""

from django_tasks import task

from newsletter import emails, limits
from newsletter.models import Subscriber, Subscription


@task()
def send_confirmation(subscriber_id):
    """Email the subscriber the link confirming their pending subscriptions: nothing when there
    is none (already confirmed, erased, purged) or when the address had its emails for the day.
    Returns whether an email was sent."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return False
    pending = list(
        subscriber.subscriptions.filter(status=Subscription.PENDING).select_related("mailing_list")
    )
    if not pending or not limits.address_allows_email(subscriber.email):
        return False
    emails.confirmation_message(subscriber, pending).send()
    return True
