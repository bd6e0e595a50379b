"""A headless frontend signs people up through API v3: JSON in, JSON out, problems for every
refusal, CORS for the configured frontends, everything in the OpenAPI document."""

import json
import re

import pytest
from django.core import mail
from django.test import override_settings

from newsletter.models import Subscriber, Subscription
from tests.newsletter.conftest import SWAHILI

pytestmark = pytest.mark.django_db
FRONTEND = "https://front.example.org"


def post(client, path, body, **extra):
    return client.post(
        f"/api/v3/newsletter/{path}/", json.dumps(body), content_type="application/json", **extra
    )


def token_of(message, name):
    return re.search(rf"/newsletter/{name}/([^/\s]+)/", message.body).group(1)


def test_sign_up_confirm_and_unsubscribe_through_the_api(client, lists, wording):
    response = post(
        client, "sign-up", {"email": "Amina@Mail.co.ke", "lists": ["newsletter"], "locale": "sw"}
    )

    assert response.status_code == 202
    assert response.json()["status"] == "pending"
    assert not response.cookies
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language) == ("amina@mail.co.ke", "sw")
    assert subscriber.subscriptions.get().signed_up_on == "API"
    message = mail.outbox[0]
    assert SWAHILI["Newsletter"] in message.body

    confirmed = post(client, "confirm", {"token": token_of(message, "confirm")})
    assert confirmed.status_code == 200
    assert confirmed.json() == {"lists": ["newsletter"]}
    assert subscriber.subscriptions.get().status == "confirmed"

    ended = post(client, "unsubscribe", {"token": token_of(message, "unsubscribe")})
    assert ended.json() == {"lists": ["newsletter"]}
    assert subscriber.subscriptions.get().status == "ended"


def test_the_answer_is_the_same_for_a_known_address(client, lists, wording):
    first = post(client, "sign-up", {"email": "a@mail.com", "lists": [lists[0].pk]})
    Subscription.objects.update(status="confirmed")
    again = post(client, "sign-up", {"email": "a@mail.com", "lists": [lists[0].pk]})

    assert first.status_code == again.status_code == 202
    assert first.content == again.content
    assert Subscription.objects.get().status == "confirmed"


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"email": "nobody@domain.invalid", "lists": ["newsletter"]}, "email"),
        ({"email": "not an address", "lists": ["newsletter"]}, "email"),
        ({"email": "a@mail.com", "lists": ["no-such-list"]}, "lists"),
        ({"email": "a@mail.com", "lists": [999999]}, "lists"),
    ],
)
def test_refusals_are_problems_naming_the_field(client, lists, wording, body, where):
    response = post(client, "sign-up", body)

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422
    assert problem["errors"][0]["loc"] == ["body", where]
    assert not mail.outbox


@pytest.mark.parametrize(
    "body", [{}, {"email": "a@mail.com"}, {"email": "a@mail.com", "lists": []}, {"lists": [1]}]
)
def test_incomplete_bodies_are_422_problems(client, lists, wording, body):
    response = post(client, "sign-up", body)

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


def test_an_unknown_locale_is_a_400(client, lists, wording):
    response = post(client, "sign-up", {"email": "a@mail.com", "lists": [1], "locale": "xx"})
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["confirm", "unsubscribe"])
def test_a_bad_token_is_a_404_problem(client, lists, wording, path):
    response = post(client, path, {"token": "forged:token"})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_api_counts_sign_ups_per_network_too(client, lists, wording, settings):
    settings.NEWSLETTER_SIGNUPS_PER_NETWORK_PER_HOUR = 3
    answers = [
        post(client, "sign-up", {"email": f"b{n}@mail.com", "lists": [lists[0].pk]}).status_code
        for n in range(6)
    ]

    assert answers == [202, 202, 202, 429, 429, 429]
    assert len(mail.outbox) == 3


def test_the_honeypot_is_answered_as_usual(client, lists, wording):
    response = post(
        client, "sign-up", {"email": "a@mail.com", "lists": [1], "website": "http://spam"}
    )
    assert response.status_code == 202
    assert not Subscriber.objects.exists()


@override_settings(CORS_ALLOWED_ORIGINS=[FRONTEND])
def test_a_configured_frontend_may_post_sign_ups_from_the_browser(client, lists, wording):
    preflight = client.options(
        "/api/v3/newsletter/sign-up/",
        HTTP_ORIGIN=FRONTEND,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert preflight["Access-Control-Allow-Origin"] == FRONTEND
    assert "POST" in preflight["Access-Control-Allow-Methods"]
    response = post(client, "sign-up", {"email": "a@mail.com", "lists": [1]}, HTTP_ORIGIN=FRONTEND)
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.parametrize("api", ["v2", "v3"])
def test_mailing_lists_are_listed_in_both_apis_in_each_language(client, lists, api):
    response = client.get(f"/api/{api}/mailing-lists/?locale=sw")

    assert response.status_code == 200
    names = {item["name"] for item in response.json()["items"]}
    assert names == {SWAHILI["Newsletter"], SWAHILI["Early-access briefings"]}
    assert "subscriptions" not in response.text


def test_the_openapi_document_describes_the_newsletter(client):
    document = client.get("/api/v3/openapi.json").json()

    for path in ("sign-up", "confirm", "unsubscribe"):
        operation = document["paths"][f"/api/v3/newsletter/{path}/"]["post"]
        assert operation["security"] == [{}]
        assert "422" in operation["responses"]
    assert "/api/v3/mailing-lists/" in document["paths"]


def test_a_page_s_sign_up_box_is_in_the_api(client, sign_up_page):
    response = client.get(f"/api/v2/pages/{sign_up_page.pk}/")
    box = response.json()["body"][0]

    assert box["type"] == "sign_up"
    assert [item["slug"] for item in box["value"]["lists"]] == ["newsletter", "briefings"]
    assert box["value"]["consent_wording"]["text"] == SWAHILI["I agree"]


@pytest.mark.parametrize("value", ["news\x00letter", "x" * 2000, 2**63])
def test_impossible_list_names_are_refused_not_crashed_on(client, lists, wording, value):
    response = post(client, "sign-up", {"email": "a@mail.com", "lists": [value]})

    assert response.status_code in (400, 422)
