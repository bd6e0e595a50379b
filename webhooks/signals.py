"""Receivers that turn publishing, unpublishing and deleting into webhook events.

Receivers are module-level functions: signals keep weak references, so local functions would be
garbage-collected. Snippet models are looked up when a signal arrives, because snippets are
registered once the admin hooks have loaded."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, published, unpublished

from newsletter.signals import subscriber_erased, subscription_confirmed, subscription_ended
from translation.coverage import translatable_snippet_models
from webhooks import models as events
from webhooks.events import describe_page, describe_subscription, record_event


def is_translatable_snippet(instance):
    return (
        isinstance(instance, TranslatableMixin)
        and not isinstance(instance, Page)
        and type(instance) in translatable_snippet_models()
    )


def on_page_published(sender, instance, **kwargs):
    record_event(events.PAGE_PUBLISHED, instance)


def on_page_unpublished(sender, instance, **kwargs):
    record_event(events.PAGE_UNPUBLISHED, instance)


def on_page_deleted(sender, instance, **kwargs):
    # Sent once per deleted page (descendants included) with a plain Page instance; the specific
    # rows are deleted with it and send their own post_delete, which is not listened to.
    # A page that was never published was never public: frontends have nothing to forget.
    if instance.first_published_at is None and not instance.live:
        return
    record_event(events.PAGE_DELETED, instance, describe_page(instance))


def on_snippet_saved(sender, instance, created=False, raw=False, **kwargs):
    # Snippets without drafts are public as soon as they are saved; those with drafts announce
    # themselves through `published` instead.
    if raw or isinstance(instance, DraftStateMixin) or not is_translatable_snippet(instance):
        return
    record_event(events.SNIPPET_PUBLISHED, instance)


def on_snippet_published(sender, instance, **kwargs):
    if is_translatable_snippet(instance):
        record_event(events.SNIPPET_PUBLISHED, instance)


def on_snippet_unpublished(sender, instance, **kwargs):
    if is_translatable_snippet(instance):
        record_event(events.SNIPPET_UNPUBLISHED, instance)


def on_snippet_deleted(sender, instance, **kwargs):
    if not is_translatable_snippet(instance):
        return
    if isinstance(instance, DraftStateMixin) and instance.first_published_at is None:
        return  # a draft that was never public
    record_event(events.SNIPPET_DELETED, instance)


def on_subscription_confirmed(sender, subscription, **kwargs):
    record_event(events.SUBSCRIPTION_CONFIRMED, subscription, describe_subscription(subscription))


def on_subscription_ended(sender, subscription, **kwargs):
    record_event(events.SUBSCRIPTION_ENDED, subscription, describe_subscription(subscription))


def on_subscriber_erased(sender, email, **kwargs):
    """A person erased: their events go too, sent or not (a receiver keeps its own copy)."""
    events.WebhookDelivery.objects.filter(
        event__in=events.PERSONAL_EVENTS, payload__object__email=email
    ).delete()


def connect():
    page_published.connect(on_page_published, dispatch_uid="webhooks_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="webhooks_page_unpublished")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="webhooks_page_deleted")
    post_save.connect(on_snippet_saved, dispatch_uid="webhooks_snippet_saved")
    published.connect(on_snippet_published, dispatch_uid="webhooks_snippet_published")
    unpublished.connect(on_snippet_unpublished, dispatch_uid="webhooks_snippet_unpublished")
    post_delete.connect(on_snippet_deleted, dispatch_uid="webhooks_snippet_deleted")
    subscription_confirmed.connect(on_subscription_confirmed, dispatch_uid="webhooks_confirmed")
    subscription_ended.connect(on_subscription_ended, dispatch_uid="webhooks_ended")
    subscriber_erased.connect(on_subscriber_erased, dispatch_uid="webhooks_erased")
