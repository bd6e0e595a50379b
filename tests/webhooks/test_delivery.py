"""Failing, slow and dead endpoints: retries with backoff, every attempt recorded, and editors'
publishing never held up by more than the timeout nor broken."""

import io
import json
import socket
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from resources.models import ResourcePage
from webhooks import delivery as delivery_module
from webhooks.delivery import deliver_due
from webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


def publish_resource(capture):
    page = ResourcePage.objects.live().filter(locale__language_code="en").order_by("pk").first()
    with capture(execute=True):
        page.save_revision().publish()
    return page


def unused_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_endpoint_answering_500_is_retried_with_backoff_until_it_succeeds(
    endpoint, receiver, django_capture_on_commit_callbacks
):
    receiver.fail_next = 2
    publish_resource(django_capture_on_commit_callbacks)

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.PENDING
    assert delivery.attempts == 1
    assert delivery.last_status_code == 500
    assert delivery.last_error == "HTTP 500 Internal Server Error"
    assert delivery.next_retry_at - delivery.last_attempt_at == timedelta(minutes=1)

    # Not due yet: the worker sends nothing.
    call_command("deliver_webhooks", stdout=io.StringIO())
    assert len(receiver.requests) == 1

    # A minute later (fake clock), the second attempt fails too and waits five minutes.
    later = timezone.now() + timedelta(minutes=1, seconds=1)
    assert [d.pk for d in deliver_due(now=later)] == [delivery.pk]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 2, 500)
    assert delivery.next_retry_at - later == timedelta(minutes=5)

    # The retry time has come: the command sends the third attempt, which succeeds.
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_retry_at=timezone.now() - timedelta(seconds=1)
    )
    call_command("deliver_webhooks", stdout=io.StringIO())
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.SUCCEEDED
    assert delivery.attempts == 3
    assert delivery.last_status_code == 200
    assert delivery.last_error == ""
    assert delivery.next_retry_at is None

    attempts = list(delivery.attempt_log.all())
    assert [(a.number, a.status_code, a.succeeded) for a in attempts] == [
        (1, 500, False),
        (2, 500, False),
        (3, 200, True),
    ]
    # The same delivery each time: same id and body; each attempt signed anew.
    assert len(receiver.requests) == 3
    assert {r.headers["x-webhook-delivery"] for r in receiver.requests} == {str(delivery.uuid)}
    assert len({r.body for r in receiver.requests}) == 1
    assert json.loads(receiver.requests[0].body)["delivery_id"] == str(delivery.uuid)

    # Nothing left to do.
    assert deliver_due(now=timezone.now() + timedelta(days=1)) == []


def test_the_schedule_is_1_5_30_120_720_minutes_and_six_attempts_in_all(
    endpoint, receiver, django_capture_on_commit_callbacks
):
    receiver.fail_next = 100
    publish_resource(django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    waits = []
    while delivery.status == WebhookDelivery.PENDING:
        waits.append(delivery.next_retry_at - delivery.last_attempt_at)
        deliver_due(now=delivery.next_retry_at)
        delivery.refresh_from_db()

    assert waits == [timedelta(minutes=m) for m in (1, 5, 30, 120, 720)]
    assert delivery.status == WebhookDelivery.FAILED
    assert delivery.attempts == 6
    assert delivery.next_retry_at is None
    assert delivery.attempt_log.count() == 6
    assert len(receiver.requests) == 6


def test_a_timing_out_endpoint_is_recorded_as_failed_without_holding_up_the_publish(
    endpoint, receiver, settings, fast_timeout, django_capture_on_commit_callbacks
):
    settings.WEBHOOKS_RETRY_DELAYS = []  # one attempt only
    receiver.delay = 3

    started = time.monotonic()
    publish_resource(django_capture_on_commit_callbacks)
    elapsed = time.monotonic() - started

    assert elapsed < fast_timeout + 1.5
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.FAILED
    assert delivery.last_status_code is None
    assert delivery.last_error == "No response within 0.5 s"
    (attempt,) = delivery.attempt_log.all()
    assert not attempt.succeeded
    assert attempt.error == "No response within 0.5 s"


def test_a_timeout_is_retried_like_any_failure(
    endpoint, receiver, fast_timeout, django_capture_on_commit_callbacks
):
    receiver.delay = 2
    publish_resource(django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.PENDING
    assert delivery.next_retry_at > timezone.now()

    receiver.delay = 0
    deliver_due(now=delivery.next_retry_at)
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.SUCCEEDED
    assert delivery.attempts == 2


def test_a_dead_endpoint_cannot_break_an_editors_publish_in_the_admin(
    english_resource, admin_client, django_capture_on_commit_callbacks
):
    WebhookEndpoint.objects.create(name="Dead", url=f"http://127.0.0.1:{unused_port()}/hook")
    page = ResourcePage.objects.live().filter(locale__language_code="en").order_by("pk").first()
    from django.urls import reverse
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "resource_type": page.resource_type_id,
            "publication_date": page.publication_date.isoformat(),
            "summary": "Edited in the admin.",
            "body": streamfield([]),
            "downloads": streamfield([]),
            "video": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert page.summary == "Edited in the admin."
    delivery = WebhookDelivery.objects.get()
    assert delivery.attempts == 1
    assert delivery.last_error.startswith("Connection failed:")
    assert "refused" in delivery.last_error.lower()


def test_an_unexpected_error_while_sending_is_contained(
    endpoint, receiver, monkeypatch, django_capture_on_commit_callbacks
):
    def explode(delivery, now):
        raise RuntimeError("unexpected")

    send = delivery_module.send
    monkeypatch.setattr(delivery_module, "send", explode)
    page = publish_resource(django_capture_on_commit_callbacks)

    page.refresh_from_db()
    assert page.live
    delivery = WebhookDelivery.objects.get()
    # Left pending: once its short lease has passed the worker picks it up again.
    assert delivery.status == WebhookDelivery.PENDING
    monkeypatch.setattr(delivery_module, "send", send)
    deliver_due(now=delivery.next_retry_at + timedelta(seconds=1))
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.SUCCEEDED


def test_recording_events_cannot_break_a_publish(
    endpoint, receiver, monkeypatch, django_capture_on_commit_callbacks
):
    def explode(*args, **kwargs):
        raise RuntimeError("database trouble")

    monkeypatch.setattr(WebhookDelivery, "save", explode)
    page = publish_resource(django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert page.live
    assert receiver.requests == []


def test_a_delivery_is_sent_once_even_if_two_workers_reach_it(
    endpoint, receiver, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOKS_DELIVER_AFTER_COMMIT = False
    publish_resource(django_capture_on_commit_callbacks)
    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()

    from webhooks.delivery import claim, deliver

    now = timezone.now()
    assert claim(delivery.pk, now)  # another worker holds it
    assert deliver(delivery.pk, now) is None
    assert receiver.requests == []


def test_the_worker_sends_first_attempts_when_delivery_after_commit_is_off(
    endpoint, receiver, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOKS_DELIVER_AFTER_COMMIT = False
    publish_resource(django_capture_on_commit_callbacks)
    assert receiver.requests == []

    call_command("deliver_webhooks", stdout=io.StringIO())
    assert len(receiver.requests) == 1
    assert WebhookDelivery.objects.get().status == WebhookDelivery.SUCCEEDED


def test_a_delivery_to_a_deactivated_endpoint_is_not_sent(
    endpoint, receiver, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOKS_DELIVER_AFTER_COMMIT = False
    publish_resource(django_capture_on_commit_callbacks)
    endpoint.active = False
    endpoint.save()

    call_command("deliver_webhooks", stdout=io.StringIO())
    assert receiver.requests == []
    assert WebhookDelivery.objects.get().status == WebhookDelivery.FAILED


def test_prune_deletes_old_finished_deliveries_only(endpoint):
    def make(status, days_ago):
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, event="page.published", payload={}, status=status
        )
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            created_at=timezone.now() - timedelta(days=days_ago)
        )
        return delivery.pk

    old_ok = make(WebhookDelivery.SUCCEEDED, 40)
    old_failed = make(WebhookDelivery.FAILED, 40)
    old_pending = make(WebhookDelivery.PENDING, 40)
    recent = make(WebhookDelivery.FAILED, 2)

    call_command("prune_webhook_deliveries", "--days", "30", stdout=io.StringIO())
    remaining = set(WebhookDelivery.objects.values_list("pk", flat=True))
    assert old_ok not in remaining and old_failed not in remaining
    assert {old_pending, recent} <= remaining
