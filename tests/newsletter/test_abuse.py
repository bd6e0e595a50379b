"""A bot flooding the form gets nowhere: limits per network and per address hold, and no email
goes out beyond them; honeypot, too-fast forms, other sites' pages and odd input are refused."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from newsletter.models import Subscriber, Subscription
from tests.newsletter.conftest import form_token

pytestmark = pytest.mark.django_db


def post(client, lists, email, **extra):
    data = {"email": email, "lists": [lists[0].pk], "form_token": form_token()}
    data.update(extra.pop("data", {}))
    return client.post("/en/newsletter/sign-up/", data, **extra)


def test_a_flood_from_one_network_is_refused_beyond_the_limit(client, lists, wording, settings):
    settings.NEWSLETTER_SIGNUPS_PER_NETWORK_PER_HOUR = 5
    answers = [
        post(client, lists, f"bot{n}@mail.com", REMOTE_ADDR=f"203.0.113.{n}").status_code
        for n in range(1, 40)
    ]

    assert answers[:5] == [200] * 5
    assert set(answers[5:]) == {429}
    assert len(mail.outbox) == 5
    assert Subscriber.objects.count() == 5
    refused = post(client, lists, "late@mail.com", REMOTE_ADDR="203.0.113.99")
    assert refused["Retry-After"]
    assert 'role="alert"' in refused.text
    # Another network is not held back by this one.
    assert post(client, lists, "other@mail.com", REMOTE_ADDR="198.51.100.1").status_code == 200


def test_ipv6_clients_are_counted_by_network(client, lists, wording, settings):
    settings.NEWSLETTER_SIGNUPS_PER_NETWORK_PER_HOUR = 2
    answers = [
        post(client, lists, f"v6-{n}@mail.com", REMOTE_ADDR=f"2001:db8:1:{n:x}::1").status_code
        for n in range(4)
    ]

    assert answers == [200, 200, 429, 429]


def test_one_address_gets_no_more_emails_than_its_daily_limit(client, lists, wording, settings):
    settings.NEWSLETTER_EMAILS_PER_ADDRESS_PER_DAY = 2
    answers = [
        post(client, lists, "victim@mail.com", REMOTE_ADDR=f"192.0.2.{n}").status_code
        for n in range(10)
    ]

    assert set(answers) == {200}  # the same answer: nothing tells the sender
    assert len(mail.outbox) == 2
    assert Subscription.objects.count() == 1


def test_the_honeypot_answers_as_usual_and_does_nothing(client, lists, wording):
    response = post(client, lists, "bot@mail.com", data={"website": "http://spam.example"})

    assert response.status_code == 200
    assert "Check your inbox" in response.text or "inbox" in response.text
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_a_form_sent_at_once_is_refused_with_a_fresh_one(client, lists, wording):
    response = post(client, lists, "fast@mail.com", data={"form_token": form_token(seconds=0)})

    assert response.status_code == 400
    assert 'role="alert"' in response.text
    assert 'name="form_token"' in response.text
    assert 'value="fast@mail.com"' in response.text
    assert not mail.outbox


def test_a_form_without_its_signed_time_is_refused(client, lists, wording):
    assert post(client, lists, "x@mail.com", data={"form_token": "forged"}).status_code == 400
    assert not mail.outbox


def test_a_form_open_too_long_is_shown_again(client, lists, wording, settings):
    seconds = settings.NEWSLETTER_FORM_MAX_AGE_HOURS * 3600 + 60
    response = post(client, lists, "slow@mail.com", data={"form_token": form_token(seconds)})

    assert response.status_code == 400
    assert "open for a long time" in response.text


def test_a_form_sent_from_another_site_is_refused(client, lists, wording):
    response = post(client, lists, "x@mail.com", HTTP_ORIGIN="https://evil.example.net")

    assert response.status_code == 400
    assert not mail.outbox
    assert post(client, lists, "y@mail.com", HTTP_ORIGIN="http://testserver").status_code == 200


@pytest.mark.parametrize(
    "email",
    [
        "not-an-address",
        "someone@localhost",
        "someone@[127.0.0.1]",
        "someone@192.168.0.1",
        "someone@mail.test",
        "someone@domain.invalid",
        "someone@example.com",
        "a" * 250 + "@mail.com",
        "",
    ],
)
def test_addresses_that_cannot_receive_mail_are_refused_with_a_message(
    client, lists, wording, email
):
    response = post(client, lists, email)

    assert response.status_code == 400
    assert 'role="alert"' in response.text
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    "lists_sent", [[], ["999999"], ["x"], [str(n) for n in range(100000, 100020)]]
)
def test_unknown_or_too_many_lists_are_refused(client, lists, wording, lists_sent):
    response = client.post(
        "/en/newsletter/sign-up/",
        {"email": "x@mail.com", "lists": lists_sent, "form_token": form_token()},
    )

    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_an_oversized_body_is_refused(client, lists, wording):
    response = post(client, lists, "x@mail.com", data={"padding": "x" * 10_000})

    assert response.status_code == 400


def test_retention_deletes_only_old_unconfirmed_sign_ups(client, lists, wording, settings):
    for email in ("old@mail.com", "recent@mail.com", "kept@mail.com"):
        post(client, lists, email)
    Subscription.objects.filter(subscriber__email="kept@mail.com").update(status="confirmed")
    long_ago = timezone.now() - datetime.timedelta(
        days=settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS + 1
    )
    Subscription.objects.exclude(subscriber__email="recent@mail.com").update(created_at=long_ago)
    Subscriber.objects.exclude(email="recent@mail.com").update(created_at=long_ago)

    call_command("purge_unconfirmed_signups", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "recent@mail.com",
        "kept@mail.com",
    }


def test_the_scheduled_jobs_run_the_retention():
    from stories.scheduled_jobs import JOBS

    assert "purge_unconfirmed_signups" in JOBS
