"""The password form of a protected page is throttled like sign-ins: after 5 wrong passwords for
one page, or from one network, the right password is refused for 15 minutes too."""

import re
import time

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from tests.factories import StandardPageFactory, translate

OFFICE = "203.0.113.10"
SAME_NETWORK = "203.0.113.200"
ELSEWHERE = "198.51.100.7"
SECRET = "briefing-2026"

LIMIT = 5  # failures, the default (LOGIN_FAILURE_LIMIT)

pytestmark = pytest.mark.django_db


@pytest.fixture
def protected_pages(english_home):
    """Two English pages behind the same password; the first one in French too, unprotected."""
    pages = [
        StandardPageFactory(parent=english_home, title="Briefing", slug="briefing"),
        StandardPageFactory(parent=english_home, title="Board papers", slug="board-papers"),
    ]
    translate(pages[0], "fr")
    for page in pages:
        PageViewRestriction.objects.create(page=page, restriction_type="password", password=SECRET)
    return pages


def form_url(page):
    restriction = PageViewRestriction.objects.get(page=page)
    return f"/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def submit(client, page, password):
    return client.post(form_url(page), {"password": password, "return_url": page.url})


def guess(client, page, times):
    for _ in range(times):
        submit(client, page, "wrong guess")


def without_csrf_token(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def sees_the_page(client, page):
    return "You need a password" not in client.get(page.url).content.decode()


def test_fifty_wrong_passwords_then_the_right_one_does_not_open_the_page(protected_pages):
    page = protected_pages[0]
    attacker = Client(REMOTE_ADDR=OFFICE)
    guess(attacker, page, 50)

    response = submit(attacker, page, SECRET)

    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)
    assert "Too many failed attempts. Please wait 15 minutes" in response.content.decode()
    assert not sees_the_page(attacker, page)


def test_the_locked_form_does_not_tell_whether_the_password_was_right(protected_pages):
    page = protected_pages[0]
    attacker = Client(REMOTE_ADDR=OFFICE)
    guess(attacker, page, LIMIT)

    right, wrong = submit(attacker, page, SECRET), submit(attacker, page, "wrong")

    assert "not correct" not in right.content.decode()
    assert without_csrf_token(right) == without_csrf_token(wrong)


def test_the_right_password_within_the_limit_opens_the_page(protected_pages):
    page = protected_pages[0]
    visitor = Client(REMOTE_ADDR=OFFICE)
    guess(visitor, page, LIMIT - 1)

    assert submit(visitor, page, SECRET).status_code == 302
    assert sees_the_page(visitor, page)


def test_the_page_is_locked_for_other_networks_too(protected_pages):
    page = protected_pages[0]
    guess(Client(REMOTE_ADDR=OFFICE), page, LIMIT)

    assert submit(Client(REMOTE_ADDR=ELSEWHERE), page, SECRET).status_code == 429


def test_another_page_from_the_same_network_is_refused_too(protected_pages):
    first, second = protected_pages
    guess(Client(REMOTE_ADDR=OFFICE), first, LIMIT)

    assert submit(Client(REMOTE_ADDR=SAME_NETWORK), second, SECRET).status_code == 429
    assert submit(Client(REMOTE_ADDR=ELSEWHERE), second, SECRET).status_code == 302


def test_the_lock_ends_after_the_cool_off(protected_pages, monkeypatch):
    page = protected_pages[0]
    visitor = Client(REMOTE_ADDR=OFFICE)
    guess(visitor, page, LIMIT)

    later = time.time() + 15 * 60 + 1
    monkeypatch.setattr(time, "time", lambda: later)

    assert submit(visitor, page, SECRET).status_code == 302
    assert sees_the_page(visitor, page)


def test_the_lockout_message_is_in_the_pages_language(protected_pages):
    french = StandardPage.objects.get(
        translation_key=protected_pages[0].translation_key, locale__language_code="fr"
    )
    PageViewRestriction.objects.create(page=french, restriction_type="password", password=SECRET)
    visitor = Client(REMOTE_ADDR=OFFICE)
    url = form_url(french).replace("/en/", "/fr/", 1)
    for _ in range(LIMIT):
        visitor.post(url, {"password": "wrong", "return_url": french.url})

    response = visitor.post(url, {"password": SECRET, "return_url": french.url})

    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
