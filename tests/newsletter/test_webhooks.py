"""A CRM follows the lists through webhooks: `subscription.confirmed` and `subscription.ended`,
sent only to the endpoints that chose them (they carry an email address), and forgotten with
the person."""

import pytest

from newsletter import subscriptions
from newsletter.models import Subscriber
from webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


def personal_deliveries():
    return WebhookDelivery.objects.filter(event__startswith="subscription.")


@pytest.fixture
def endpoints():
    crm = WebhookEndpoint.objects.create(
        name="CRM",
        url="https://crm.example.org/hook",
        events=["subscription.confirmed", "subscription.ended"],
    )
    frontend = WebhookEndpoint.objects.create(name="Frontend", url="https://front.example.org/")
    return crm, frontend


def test_a_new_endpoint_hears_of_no_subscription_by_default(endpoints):
    _crm, frontend = endpoints

    assert not frontend.wants("subscription.confirmed")
    assert frontend.wants("page.published")


def test_confirmed_and_ended_subscriptions_reach_only_the_endpoints_that_chose_them(
    endpoints, lists, wording
):
    crm, _frontend = endpoints
    subscriptions.sign_up("amina@mail.co.ke", "sw", [lists[0]], wording)
    subscriber = Subscriber.objects.get()
    assert not personal_deliveries().exists()  # pending counts nowhere

    subscriptions.confirm_subscriber(subscriber)
    from newsletter.tokens import unsubscribe_token

    subscriptions.unsubscribe(unsubscribe_token(subscriber))

    deliveries = list(personal_deliveries().order_by("pk"))
    assert [(d.endpoint, d.event) for d in deliveries] == [
        (crm, "subscription.confirmed"),
        (crm, "subscription.ended"),
    ]
    payload = deliveries[0].payload["object"]
    assert payload["email"] == "amina@mail.co.ke"
    assert payload["locale"] == "sw"
    assert payload["list"] == "newsletter"
    assert deliveries[1].payload["object"]["ended_at"]


def test_erasing_a_person_deletes_their_webhook_events(endpoints, lists, wording):
    subscriptions.sign_up("amina@mail.co.ke", "sw", [lists[0]], wording)
    subscriptions.sign_up("other@mail.com", "en", [lists[0]], wording)
    for subscriber in Subscriber.objects.all():
        subscriptions.confirm_subscriber(subscriber)

    subscriptions.erase(Subscriber.objects.get(email="amina@mail.co.ke"))

    emails = [d.payload["object"]["email"] for d in personal_deliveries()]
    assert emails == ["other@mail.com"]
