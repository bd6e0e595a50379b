"""Supporter managers list, filter, search and export subscribers, erase a person on request and
see counts over time; nobody else sees who subscribed."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from newsletter import subscriptions
from newsletter.models import ConsentWording, SignUpStatistic, Subscriber, Subscription
from roles.groups import EDITORS, SUPPORTER_MANAGERS

pytestmark = pytest.mark.django_db
LISTING = "newsletter_subscription:index"


@pytest.fixture
def member(django_user_model, client):
    call_command("setup_roles", stdout=io.StringIO(), stderr=io.StringIO())

    def member_of(group):
        user = django_user_model.objects.create_user(f"u-{group}", password="x")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        return client

    return member_of


@pytest.fixture
def people_on_lists(lists, wording):
    newsletter, briefings = lists
    for email, language, mailing_list in [
        ("amina@mail.co.ke", "sw", newsletter),
        ("baraka@mail.co.ke", "sw", briefings),
        ("claire@mail.fr", "fr", newsletter),
        ("dan@mail.com", "en", newsletter),
    ]:
        subscriptions.sign_up(email, language, [mailing_list], wording)
    for subscriber in Subscriber.objects.exclude(email="dan@mail.com"):
        subscriptions.confirm_subscriber(subscriber)
    return lists


def exported_rows(client, query):
    response = client.get(reverse(LISTING), {"export": "csv", **query})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode() if response.streaming else response.text
    return list(csv.DictReader(io.StringIO(text)))


def test_supporter_managers_export_confirmed_subscribers_of_one_list_and_language(
    member, people_on_lists
):
    client = member(SUPPORTER_MANAGERS)
    newsletter = people_on_lists[0]

    rows = exported_rows(
        client,
        {"status": "confirmed", "mailing_list": newsletter.pk, "subscriber__language": "sw"},
    )

    assert [row["Email address"] for row in rows] == ["amina@mail.co.ke"]
    assert rows[0]["Consent wording version"] == "1"


def test_the_listing_is_searchable_and_filterable(member, people_on_lists):
    client = member(SUPPORTER_MANAGERS)

    found = client.get(reverse(LISTING), {"q": "claire"})
    pending = client.get(reverse(LISTING), {"status": "pending"})

    assert found.status_code == 200
    assert "claire@mail.fr" in found.text and "amina@mail.co.ke" not in found.text
    assert "dan@mail.com" in pending.text and "claire@mail.fr" not in pending.text


@pytest.mark.parametrize("group", [EDITORS])
def test_other_roles_never_see_subscribers(member, people_on_lists, group):
    client = member(group)

    assert client.get(reverse(LISTING)).status_code in (302, 403)
    assert client.get(reverse(LISTING), {"export": "csv"}).status_code in (302, 403)
    subscriber = Subscriber.objects.first()
    client.post(reverse("newsletter_erase", args=[subscriber.pk]))
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert "newsletter-subscriptions" not in client.get(reverse("wagtailadmin_home")).text


def test_nobody_edits_a_subscription_in_the_admin(admin_client, people_on_lists):
    subscription = Subscription.objects.first()

    response = admin_client.get(reverse("newsletter_subscription:edit", args=[subscription.pk]))

    assert response.status_code in (302, 403)


def test_erasing_a_person_removes_them_everywhere_and_keeps_anonymous_counts(
    member, people_on_lists
):
    client = member(SUPPORTER_MANAGERS)
    subscriber = Subscriber.objects.get(email="amina@mail.co.ke")
    counted = sum(SignUpStatistic.objects.values_list("confirmed", flat=True))

    asked = client.get(reverse("newsletter_erase", args=[subscriber.pk]))
    assert "amina@mail.co.ke" in asked.text
    client.post(reverse("newsletter_erase", args=[subscriber.pk]))

    assert not Subscriber.objects.filter(email="amina@mail.co.ke").exists()
    assert not Subscription.objects.filter(subscriber_id=subscriber.pk).exists()
    assert sum(SignUpStatistic.objects.values_list("confirmed", flat=True)) == counted
    assert "amina@mail.co.ke" not in client.get(reverse(LISTING)).text


def test_the_dashboard_shows_counts_over_time(member, people_on_lists):
    client = member(SUPPORTER_MANAGERS)

    response = client.get(reverse("wagtailadmin_home"))

    assert "newsletter-subscriptions" in response.text
    assert "Week by week" in response.text


def test_a_consent_wording_people_saw_cannot_be_changed(admin_client, people_on_lists, wording):
    response = admin_client.post(
        reverse("wagtailsnippets_newsletter_consentwording:edit", args=[wording.pk]),
        {"text": "Something else."},
    )

    assert response.status_code == 200  # the form again, with the error
    assert ConsentWording.objects.get(pk=wording.pk).text == "I agree to receive emails."
    newer = ConsentWording.objects.create(text="A newer wording.")
    assert newer.version == 2
