"""Publishing, unpublishing and deleting pages and snippets sends signed webhooks to frontends."""

import datetime
import hashlib
import hmac
import json

import pytest
from wagtail.models import Page

from core.models import NavigationMenu, SiteSettings
from resources.models import ResourcePage, Topic
from tests.factories import TopicFactory, translate
from tests.webhooks.conftest import SECRET
from webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


def resource(language_code="en"):
    return (
        ResourcePage.objects.live()
        .filter(locale__language_code=language_code)
        .order_by("pk")
        .first()
    )


@pytest.fixture
def french_topic():
    """A topic and its French translation (made before the endpoint subscribes)."""
    return translate(TopicFactory(name="Online exploitation", slug="online-exploitation"), "fr")


def verify(request, secret):
    """What a receiver does: recompute the HMAC of "<timestamp>.<raw body>" and compare."""
    timestamp = request.headers["x-webhook-timestamp"]
    expected = hmac.new(
        secret.encode(), timestamp.encode() + b"." + request.body, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest("sha256=" + expected, request.headers["x-webhook-signature"])


def payloads(receiver):
    return [json.loads(request.body) for request in receiver.requests]


def test_publishing_an_english_resource_delivers_a_signed_page_published_event(
    endpoint, receiver, admin_user, django_capture_on_commit_callbacks
):
    page = resource("en")
    page.summary = "A new summary."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=admin_user).publish(user=admin_user)

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    payload = json.loads(request.body)
    assert payload["event"] == "page.published"
    assert payload["object"] == {
        "type": "resources.ResourcePage",
        "id": page.pk,
        "translation_key": str(page.translation_key),
        "locale": "en",
        "url_path": f"/en/resources/{page.slug}/",
        "title": page.title,
    }
    moment = datetime.datetime.fromisoformat(payload["timestamp"].replace("Z", "+00:00"))
    assert payload["timestamp"].endswith("Z")
    assert abs(datetime.datetime.now(datetime.UTC) - moment) < datetime.timedelta(minutes=1)

    delivery = WebhookDelivery.objects.get()
    assert payload["delivery_id"] == str(delivery.uuid)
    assert request.headers["x-webhook-delivery"] == str(delivery.uuid)
    assert request.headers["x-webhook-event"] == "page.published"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"].startswith("CampaignCMS-Webhooks/")
    assert abs(int(request.headers["x-webhook-timestamp"]) - moment.timestamp()) < 60
    assert request.headers["x-webhook-signature"].startswith("sha256=")

    assert verify(request, SECRET)
    assert not verify(request, "another-secret-0123456789-abcdefgh")

    # Never the editor, never draft content.
    body = request.body.decode()
    assert admin_user.username not in body and admin_user.email not in body
    assert "A new summary." not in body

    assert delivery.status == WebhookDelivery.SUCCEEDED
    assert delivery.attempts == 1
    assert delivery.last_status_code == 200
    assert delivery.delivered_at is not None
    assert [a.status_code for a in delivery.attempt_log.all()] == [200]


def test_a_french_page_carries_its_locale_and_localized_public_path(
    translated_resource, endpoint, receiver, django_capture_on_commit_callbacks
):
    page = resource("fr")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    (payload,) = payloads(receiver)
    assert payload["object"]["locale"] == "fr"
    assert payload["object"]["id"] == page.pk
    assert payload["object"]["translation_key"] == str(resource("en").translation_key)
    assert payload["object"]["url_path"] == page.get_url()
    assert payload["object"]["url_path"].startswith("/fr/")


def test_unpublishing_sends_page_unpublished(
    endpoint, receiver, django_capture_on_commit_callbacks
):
    page = resource("en")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    (payload,) = payloads(receiver)
    assert payload["event"] == "page.unpublished"
    assert payload["object"]["id"] == page.pk
    assert payload["object"]["type"] == "resources.ResourcePage"
    assert payload["object"]["url_path"] == f"/en/resources/{page.slug}/"


def test_deleting_a_live_page_sends_unpublished_then_deleted_once_with_its_specific_type(
    endpoint, receiver, django_capture_on_commit_callbacks
):
    page = resource("en")
    page_id, key, slug = page.pk, str(page.translation_key), page.slug
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=page_id).delete()

    # Wagtail unpublishes a live page before deleting it: frontends hear both.
    assert [p["event"] for p in payloads(receiver)] == ["page.unpublished", "page.deleted"]
    obj = payloads(receiver)[1]["object"]
    assert obj["type"] == "resources.ResourcePage"
    assert (obj["id"], obj["translation_key"], obj["locale"]) == (page_id, key, "en")
    assert obj["url_path"] == f"/en/resources/{slug}/"


def test_deleting_a_never_published_draft_sends_nothing(
    endpoint, receiver, django_capture_on_commit_callbacks
):
    index = resource("en").get_parent()
    draft = index.add_child(
        instance=ResourcePage(
            title="Unannounced report",
            slug="unannounced-report",
            live=False,
            summary="Not yet.",
            publication_date=datetime.date(2026, 1, 1),
            resource_type=resource("en").resource_type,
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision()
        draft.delete()

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_saving_a_draft_sends_nothing(endpoint, receiver, django_capture_on_commit_callbacks):
    page = resource("en")
    page.title = "A draft title nobody may see yet"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_a_snippet_change_sends_snippet_published(
    french_topic, endpoint, receiver, django_capture_on_commit_callbacks
):
    topic = Topic.objects.get(pk=french_topic.pk)
    topic.name = "Exploitation en ligne"
    with django_capture_on_commit_callbacks(execute=True):
        topic.save()

    (payload,) = payloads(receiver)
    assert payload["event"] == "snippet.published"
    assert payload["object"] == {
        "type": "resources.Topic",
        "id": topic.pk,
        "translation_key": str(topic.translation_key),
        "locale": "fr",
        "url_path": None,
        "title": "Exploitation en ligne",
    }
    assert verify(receiver.requests[0], SECRET)


@pytest.mark.parametrize("model", [SiteSettings, NavigationMenu])
def test_site_settings_and_navigation_are_snippets_too(
    model, endpoint, receiver, django_capture_on_commit_callbacks
):
    instance = model.objects.filter(locale__language_code="sw").get()
    with django_capture_on_commit_callbacks(execute=True):
        instance.save()

    (payload,) = payloads(receiver)
    assert payload["event"] == "snippet.published"
    assert payload["object"]["type"] == model._meta.label
    assert payload["object"]["locale"] == "sw"


def test_deleting_a_snippet_sends_snippet_deleted(
    endpoint, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        topic = TopicFactory(name="Short-lived topic", slug="short-lived")
    topic_id = topic.pk
    with django_capture_on_commit_callbacks(execute=True):
        topic.delete()

    assert [p["event"] for p in payloads(receiver)] == ["snippet.published", "snippet.deleted"]
    assert payloads(receiver)[1]["object"]["id"] == topic_id


def test_inactive_endpoints_and_unsubscribed_events_get_nothing(
    french_topic, endpoint, receiver, django_capture_on_commit_callbacks
):
    endpoint.active = False
    endpoint.save()
    snippets_only = WebhookEndpoint.objects.create(
        name="Search indexer", url=receiver.url + "?only=snippets", events=["snippet.published"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        resource("en").save_revision().publish()

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        Topic.objects.filter(locale__language_code="en").first().save()
    assert [r.path for r in receiver.requests] == ["/hook?only=snippets"]
    assert WebhookDelivery.objects.get().endpoint == snippets_only


def test_every_endpoint_gets_its_own_signed_delivery(
    endpoint, receiver, django_capture_on_commit_callbacks
):
    other = WebhookEndpoint.objects.create(name="Other", url=receiver.url + "?other")
    with django_capture_on_commit_callbacks(execute=True):
        resource("en").save_revision().publish()

    assert len(receiver.requests) == 2
    by_path = {request.path: request for request in receiver.requests}
    assert verify(by_path["/hook"], SECRET)
    assert verify(by_path["/hook?other"], other.secret)
    assert not verify(by_path["/hook?other"], SECRET)
    ids = {request.headers["x-webhook-delivery"] for request in receiver.requests}
    assert len(ids) == 2


def test_nothing_is_sent_when_the_change_is_rolled_back(
    endpoint, receiver, django_capture_on_commit_callbacks
):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                resource("en").save_revision().publish()
                raise RuntimeError("the editor's change fails")
        except RuntimeError:
            pass

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()
