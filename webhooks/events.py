"""What an event says about a page or snippet, and recording it for every endpoint that listens.

The payload of a content event only carries what anonymous visitors may already see once the object
is live: its type, ids, language, public path and title. Never draft content, and nothing about the
editor. Subscription events (opt-in per endpoint) carry the subscriber's address and language."""

import datetime
import logging
from functools import partial

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from webhooks.models import WebhookDelivery, WebhookEndpoint

logger = logging.getLogger(__name__)


def iso_timestamp(moment=None):
    moment = (moment or timezone.now()).astimezone(datetime.UTC)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def public_path(page):
    """The path visitors use for `page`, e.g. /fr/ressources/…/ (None when it has no route)."""
    try:
        parts = page.get_url_parts()
    except Exception:  # a page whose site or locale has just gone, e.g. while being deleted
        logger.warning("No public path for page %s", page.pk, exc_info=True)
        return None
    return parts[2] if parts else None


def _locale_code(instance):
    try:
        return instance.locale.language_code
    except Exception:
        return None


def describe_page(page):
    model = page.specific_class or type(page)
    return {
        "type": model._meta.label,
        "id": page.pk,
        "translation_key": str(page.translation_key),
        "locale": _locale_code(page),
        "url_path": public_path(page),
        "title": page.title,
    }


def describe_snippet(instance):
    return {
        "type": type(instance)._meta.label,
        "id": instance.pk,
        "translation_key": str(instance.translation_key),
        "locale": _locale_code(instance),
        "url_path": None,
        "title": str(instance),
    }


def describe_subscription(subscription):
    """A subscription as a CRM needs it: the address, the language and the list (its slug in
    the default language), and when it was confirmed or ended. No page, no consent text."""
    return {
        "type": type(subscription)._meta.label,
        "id": subscription.pk,
        "email": subscription.subscriber.email,
        "locale": subscription.subscriber.language,
        "list": subscription.mailing_list.slug,
        "list_kind": subscription.mailing_list.kind,
        "title": subscription.mailing_list.name,
        "url_path": None,
        "confirmed_at": iso_timestamp(subscription.confirmed_at)
        if subscription.confirmed_at
        else None,
        "ended_at": iso_timestamp(subscription.ended_at) if subscription.ended_at else None,
    }


def describe(instance):
    return describe_page(instance) if isinstance(instance, Page) else describe_snippet(instance)


def record_event(event, instance, object_data=None):
    """Queue `event` about `instance` for every active endpoint that listens to it.

    The deliveries are saved in the current transaction (so they exist only if the change does)
    and sent once it commits. Nothing here may break the editor's action: errors are logged."""
    try:
        endpoints = [
            endpoint
            for endpoint in WebhookEndpoint.objects.filter(active=True)
            if endpoint.wants(event)
        ]
        if not endpoints:
            return []
        data = object_data or describe(instance)
        timestamp = iso_timestamp()
        with transaction.atomic():
            deliveries = []
            for endpoint in endpoints:
                delivery = WebhookDelivery(endpoint=endpoint, event=event)
                delivery.payload = {
                    "event": event,
                    "timestamp": timestamp,
                    "object": data,
                    "delivery_id": str(delivery.uuid),
                }
                delivery.next_retry_at = timezone.now()
                delivery.save()
                deliveries.append(delivery)
    except Exception:
        logger.exception("Could not record the webhook event %s for %r", event, instance)
        return []
    ids = [delivery.pk for delivery in deliveries]
    transaction.on_commit(partial(_enqueue_after_commit, ids), robust=True)
    return deliveries


def _enqueue_after_commit(delivery_ids):
    from webhooks.tasks import enqueue_deliveries

    enqueue_deliveries(delivery_ids)
