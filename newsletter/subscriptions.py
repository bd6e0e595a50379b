"""The life of a subscription: signed up (pending), confirmed through the emailed link, ended by
an unsubscribe link, deleted unconfirmed after the retention period, or erased on request.

Signing up does the same work whatever the address: one subscriber looked up or made, its
subscriptions to the lists made or left as they are, and the confirmation task queued. The task
decides whether an email goes out (pending subscriptions, the address's daily limit), so that
the answer and its timing never tell whether the address was known. A confirmed subscription is
never reset by signing up again."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from newsletter import signals, tokens
from newsletter.models import SignUpStatistic, Subscriber, Subscription


class InvalidLink(Exception):
    """A link that is forged, expired, or whose person was erased."""


@transaction.atomic
def sign_up(email, language, mailing_lists, consent_wording, signed_up_on=""):
    """Record the sign-up of `email` (normalised) to `mailing_lists` and queue the confirmation."""
    from newsletter.tasks import send_confirmation

    subscriber, created = Subscriber.objects.get_or_create(
        email=email, defaults={"language": language}
    )
    if not created and not subscriber.subscriptions.filter(status=Subscription.CONFIRMED):
        subscriber.language = language  # nothing confirmed yet: the language of the newest form
        subscriber.save(update_fields=["language"])
    for mailing_list in {mailing_list.original for mailing_list in mailing_lists}:
        subscription, created = Subscription.objects.get_or_create(
            subscriber=subscriber,
            mailing_list=mailing_list,
            defaults={"consent_wording": consent_wording, "signed_up_on": signed_up_on[:500]},
        )
        if not created and subscription.status != Subscription.CONFIRMED:
            subscription.status = Subscription.PENDING
            subscription.consent_wording = consent_wording
            subscription.signed_up_on = signed_up_on[:500]
            subscription.created_at = timezone.now()
            subscription.ended_at = None
            subscription.save()
    # Queued in the sign-up's transaction (the queue is in the database): both or neither.
    send_confirmation.enqueue(subscriber.pk)


def subscriber_of(key):
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        raise InvalidLink
    return subscriber


def subscriber_to_confirm(token):
    try:
        key = tokens.subscriber_key_of_confirmation(token)
    except Exception as error:  # BadSignature, SignatureExpired, a malformed value
        raise InvalidLink from error
    return subscriber_of(key)


def confirm(token):
    """Confirm every pending subscription of the token's subscriber; the subscriber."""
    return confirm_subscriber(subscriber_to_confirm(token))


@transaction.atomic
def confirm_subscriber(subscriber):
    pending = subscriber.subscriptions.filter(status=Subscription.PENDING).select_related(
        "mailing_list", "subscriber"
    )
    for subscription in pending:
        subscription.status = Subscription.CONFIRMED
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["status", "confirmed_at"])
        SignUpStatistic.count(subscription, "confirmed")
        signals.subscription_confirmed.send(Subscription, subscription=subscription)
    return subscriber


def subscriptions_to_end(token):
    """The subscriber, the subscriptions an unsubscribe token names (pending ones included) and
    whether it names every list."""
    try:
        key, list_id = tokens.unsubscribe_scope(token)
    except Exception as error:
        raise InvalidLink from error
    subscriber = subscriber_of(key)
    active = subscriber.subscriptions.exclude(status=Subscription.ENDED)
    if list_id is not None:
        active = active.filter(mailing_list_id=list_id)
    return subscriber, active.select_related("mailing_list", "subscriber"), list_id is None


@transaction.atomic
def unsubscribe(token):
    """End what the token names; the lists left, as a list (empty when nothing was left)."""
    _subscriber, active, _every_list = subscriptions_to_end(token)
    ended = []
    for subscription in active:
        was_confirmed = subscription.status == Subscription.CONFIRMED
        subscription.status = Subscription.ENDED
        subscription.ended_at = timezone.now()
        subscription.save(update_fields=["status", "ended_at"])
        ended.append(subscription.mailing_list)
        if was_confirmed:
            SignUpStatistic.count(subscription, "ended")
            signals.subscription_ended.send(Subscription, subscription=subscription)
    return ended


@transaction.atomic
def erase(subscriber):
    """Forget the person: their address, language and subscriptions (anonymous counts stay)."""
    signals.subscriber_erased.send(Subscriber, email=subscriber.email)
    subscriber.delete()


def purge_unconfirmed(now=None):
    """Delete sign-ups left unconfirmed for NEWSLETTER_UNCONFIRMED_RETENTION_DAYS, and the
    subscribers they leave without any subscription; how many sign-ups went."""
    days = settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    with transaction.atomic():
        stale = Subscription.objects.filter(status=Subscription.PENDING, created_at__lt=cutoff)
        deleted, _by_model = stale.delete()
        Subscriber.objects.filter(subscriptions__isnull=True, created_at__lt=cutoff).delete()
    return deleted
