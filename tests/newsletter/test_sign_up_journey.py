"""A visitor in Nairobi signs up in Swahili on a page, without JavaScript or cookies, confirms
from the email, and later unsubscribes with one click."""

import re

import pytest
from django.core import mail

from newsletter import tokens
from newsletter.models import SignUpStatistic, Subscriber, Subscription
from tests.html import parse
from tests.newsletter.conftest import SWAHILI, form_token, old_token

pytestmark = pytest.mark.django_db


def sign_up_data(page, email="amina@mail.co.ke", **extra):
    document = parse_page(page)
    form = document.find("form", **{"class": "sign-up__form"})
    data = {name: document.find("input", name=name)["value"] for name in ("page", "consent")}
    data["lists"] = [box["value"] for box in document.find_all("input", name="lists")]
    data.update(email=email, form_token=form_token(), **extra)
    return form["action"], data


def parse_page(page):
    from django.test import Client

    return parse(Client().get(page.url))


def link_in(message, name):
    return re.search(rf"https?://\S+/newsletter/{name}/[^/\s]+/", message.body).group(0)


def test_the_page_showing_the_form_sets_no_cookie_and_stays_cacheable(client, sign_up_page):
    response = client.get(sign_up_page.url)

    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert "public" in response["Cache-Control"]
    document = parse(response)
    form = document.find("form", **{"class": "sign-up__form"})
    assert form["method"] == "post"
    assert form["action"] == "/sw/newsletter/sign-up/"
    assert not document.find("input", name="csrfmiddlewaretoken")
    assert len(document.find_all("input", name="lists")) == 2
    assert SWAHILI["I agree"] in response.text
    assert SWAHILI["Newsletter"] in response.text


def test_swahili_visitor_gets_a_swahili_confirmation_email_and_confirms(client, sign_up_page):
    action, data = sign_up_data(sign_up_page)
    response = client.post(action, data)

    assert response.status_code == 200
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert parse(response).find("div", role="status")
    subscriber = Subscriber.objects.get()
    assert subscriber.language == "sw"
    assert set(subscriber.subscriptions.values_list("status", flat=True)) == {"pending"}
    subscription = subscriber.subscriptions.first()
    assert subscription.consent_wording.text == SWAHILI["I agree"]  # the wording they saw
    assert subscription.consent_wording.version == 1
    assert subscription.signed_up_on == sign_up_page.url
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina@mail.co.ke"]
    assert "/sw/newsletter/confirm/" in message.body
    html = message.alternatives[0][0]
    assert 'lang="sw"' in html
    assert SWAHILI["Newsletter"] in message.body

    confirm_url = link_in(message, "confirm")
    page = client.get(confirm_url)
    assert page.status_code == 200
    assert Subscription.objects.filter(status="pending").count() == 2  # a GET confirms nothing
    confirmed = client.post(confirm_url)

    assert confirmed.status_code == 200
    assert set(subscriber.subscriptions.values_list("status", flat=True)) == {"confirmed"}
    assert sum(SignUpStatistic.objects.values_list("confirmed", flat=True)) == 2


def test_arabic_confirmation_email_reads_right_to_left(client, lists, wording):
    response = client.post(
        "/ar/newsletter/sign-up/",
        {"email": "layla@mail.com", "lists": [lists[0].pk], "form_token": form_token()},
    )

    assert response.status_code == 200
    html = mail.outbox[0].alternatives[0][0]
    assert 'dir="rtl"' in html
    assert 'lang="ar"' in html


def test_every_email_has_one_click_unsubscribe_headers(client, lists, wording):
    client.post(
        "/en/newsletter/sign-up/",
        {"email": "reader@mail.com", "lists": [lists[0].pk], "form_token": form_token()},
    )
    headers = mail.outbox[0].extra_headers

    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(
        r"<https?://[^>]+/en/newsletter/unsubscribe/[^>]+/>", headers["List-Unsubscribe"]
    )


def confirmed_subscriber(client, lists):
    client.post(
        "/en/newsletter/sign-up/",
        {
            "email": "reader@mail.com",
            "lists": [lst.pk for lst in lists],
            "form_token": form_token(),
        },
    )
    client.post(link_in(mail.outbox[-1], "confirm"))
    return Subscriber.objects.get(email="reader@mail.com")


def test_one_click_unsubscribe_from_the_mail_program(client, lists, wording):
    subscriber = confirmed_subscriber(client, lists)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")

    response = client.post(link, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert set(subscriber.subscriptions.values_list("status", flat=True)) == {"ended"}
    assert sum(SignUpStatistic.objects.values_list("ended", flat=True)) == 2


def test_unsubscribe_from_one_list_shows_a_page_then_ends_only_that_list(client, lists, wording):
    from newsletter.emails import unsubscribe_url

    subscriber = confirmed_subscriber(client, lists)
    link = unsubscribe_url(subscriber, lists[1])

    page = client.get(link)
    assert page.status_code == 200
    assert parse(page).find("form", method="post")
    assert Subscription.objects.filter(status="ended").count() == 0
    client.post(link)

    statuses = dict(subscriber.subscriptions.values_list("mailing_list__slug", "status"))
    assert statuses == {"newsletter": "confirmed", "briefings": "ended"}


def test_signing_up_again_neither_duplicates_nor_resets_nor_tells(client, lists, wording):
    subscriber = confirmed_subscriber(client, lists)
    known = client.post(
        "/en/newsletter/sign-up/",
        {"email": "READER@mail.com", "lists": [lists[0].pk], "form_token": form_token()},
    )
    unknown = client.post(
        "/en/newsletter/sign-up/",
        {"email": "new@mail.com", "lists": [lists[0].pk], "form_token": form_token()},
    )

    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert Subscriber.objects.filter(email="reader@mail.com").count() == 1
    assert subscriber.subscriptions.count() == 2
    assert set(subscriber.subscriptions.values_list("status", flat=True)) == {"confirmed"}
    # One confirmation to the known address (the first), one to the new one: none re-sent.
    assert [message.to for message in mail.outbox] == [["reader@mail.com"], ["new@mail.com"]]


def test_an_expired_confirmation_link_confirms_nothing(client, lists, wording, settings):
    client.post(
        "/en/newsletter/sign-up/",
        {"email": "late@mail.com", "lists": [lists[0].pk], "form_token": form_token()},
    )
    subscriber = Subscriber.objects.get()
    seconds = (settings.NEWSLETTER_CONFIRM_MAX_AGE_DAYS + 1) * 24 * 3600
    token = old_token(tokens.CONFIRM_SALT, subscriber.key.hex, seconds)

    response = client.post(f"/en/newsletter/confirm/{token}/")

    assert response.status_code == 400
    assert parse(response).find("p", role="alert")
    assert subscriber.subscriptions.get().status == "pending"


@pytest.mark.parametrize("token", ["nonsense", "a:b:c", "x" * 300])
def test_forged_links_are_refused_with_a_page(client, lists, wording, token):
    assert client.post(f"/en/newsletter/confirm/{token}/").status_code == 400
    assert client.get(f"/en/newsletter/unsubscribe/{token}/").status_code == 400


def test_a_pending_sign_up_can_be_sent_its_link_again(client, lists, wording):
    for _attempt in range(2):
        client.post(
            "/en/newsletter/sign-up/",
            {"email": "again@mail.com", "lists": [lists[0].pk], "form_token": form_token()},
        )

    assert len(mail.outbox) == 2
    assert Subscription.objects.count() == 1


def test_signing_up_keeps_the_cached_pages(client, lists, wording):
    from caching.generation import current_generation

    before = current_generation()
    client.post(
        "/en/newsletter/sign-up/",
        {"email": "cache@mail.com", "lists": [lists[0].pk], "form_token": form_token()},
    )
    client.post(link_in(mail.outbox[0], "confirm"))

    assert current_generation() == before


def test_the_development_console_prints_the_confirmation_link(lists, wording, settings, capsys):
    from newsletter import subscriptions

    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    subscriptions.sign_up("dev@mail.com", "sw", [lists[0]], wording)

    printed = capsys.readouterr().out
    assert "To: dev@mail.com" in printed
    assert "/sw/newsletter/confirm/" in printed
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in printed
