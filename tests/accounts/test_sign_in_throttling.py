"""Password guessing is not free: after 5 failed sign-ins for one account, or from one network,
sign-in is refused for 15 minutes, even with the right password."""

import time

import pytest
from django.test import Client, override_settings

LOGIN = "/admin/login/"
OFFICE = "203.0.113.10"
SAME_NETWORK = "203.0.113.200"
ELSEWHERE = "198.51.100.7"

LIMIT = 5  # failures, the default (LOGIN_FAILURE_LIMIT)

pytestmark = pytest.mark.django_db


def sign_in(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def signed_in(client):
    return client.get("/admin/").status_code == 200


def guess(client, username, times):
    for _ in range(times):
        sign_in(client, username, "wrong guess")


def test_fifty_wrong_passwords_lock_the_account_even_against_the_right_one(
    superuser, editor_password
):
    attacker = Client(REMOTE_ADDR=OFFICE)
    guess(attacker, "boss", 50)

    response = sign_in(attacker, "boss", editor_password)

    assert response.status_code == 429
    assert not signed_in(attacker)


def test_the_lockout_says_why_and_when_to_come_back(superuser, editor_password):
    attacker = Client(REMOTE_ADDR=OFFICE)
    guess(attacker, "boss", LIMIT)

    response = sign_in(attacker, "boss", editor_password)

    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)
    assert "Too many failed attempts. Please wait 15 minutes" in response.content.decode()
    assert "Sign in" in response.content.decode()  # Wagtail's login page, not a bare message


def test_the_lockout_message_is_in_the_visitors_language(superuser, editor_password):
    attacker = Client(REMOTE_ADDR=OFFICE, HTTP_ACCEPT_LANGUAGE="fr")
    guess(attacker, "boss", LIMIT)

    response = sign_in(attacker, "boss", editor_password)

    assert "Trop de tentatives" in response.content.decode()


def test_fewer_failures_than_the_limit_still_let_the_right_password_in(superuser, editor_password):
    person = Client(REMOTE_ADDR=OFFICE)
    guess(person, "boss", LIMIT - 1)

    assert sign_in(person, "boss", editor_password).status_code == 302
    assert signed_in(person)


def test_another_account_from_the_same_network_is_refused_too(superuser, editor, editor_password):
    guess(Client(REMOTE_ADDR=OFFICE), "boss", LIMIT)
    neighbour = Client(REMOTE_ADDR=SAME_NETWORK)

    assert sign_in(neighbour, "amina", editor_password).status_code == 429
    assert not signed_in(neighbour)


def test_the_locked_account_is_refused_from_another_network_too(superuser, editor_password):
    guess(Client(REMOTE_ADDR=OFFICE), "boss", LIMIT)
    elsewhere = Client(REMOTE_ADDR=ELSEWHERE)

    assert sign_in(elsewhere, "boss", editor_password).status_code == 429


def test_other_accounts_on_other_networks_are_not_affected(superuser, editor, editor_password):
    guess(Client(REMOTE_ADDR=OFFICE), "boss", LIMIT)
    elsewhere = Client(REMOTE_ADDR=ELSEWHERE)

    assert sign_in(elsewhere, "amina", editor_password).status_code == 302


def test_the_lock_ends_after_the_cool_off(superuser, monkeypatch, editor_password):
    attacker = Client(REMOTE_ADDR=OFFICE)
    guess(attacker, "boss", LIMIT)
    assert sign_in(attacker, "boss", editor_password).status_code == 429

    later = time.time() + 15 * 60 + 1
    monkeypatch.setattr(time, "time", lambda: later)

    assert sign_in(attacker, "boss", editor_password).status_code == 302
    assert signed_in(attacker)


def test_the_limit_and_the_cool_off_come_from_the_environment(run_python):
    code = (
        "from django.conf import settings as s; "
        "print(s.AXES_FAILURE_LIMIT, s.LOGIN_FAILURE_LIMIT, s.AXES_COOLOFF_TIME.total_seconds(), "
        "s.LOGIN_COOLOFF_MINUTES)"
    )

    result = run_python(
        code, "cms.settings.dev", LOGIN_FAILURE_LIMIT="3", LOGIN_COOLOFF_MINUTES="30"
    )

    assert result.stdout.split() == ["3", "3", "1800.0", "30"], result.stderr


def test_forwarded_addresses_are_ignored_unless_the_operator_trusts_a_proxy(
    superuser, editor_password
):
    for hop in range(LIMIT):
        guess(Client(REMOTE_ADDR=OFFICE, HTTP_X_FORWARDED_FOR=f"192.0.2.{hop}"), "nobody", 1)

    assert sign_in(Client(REMOTE_ADDR=OFFICE), "boss", editor_password).status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_the_forwarded_network_is_counted(superuser, editor_password):
    proxy = "127.0.0.1"
    guess(Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=OFFICE), "nobody", 5)
    # A client cannot pass for another network by writing its own X-Forwarded-For: the proxy
    # appends the address it saw, and only that last one counts.
    spoofing = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"{ELSEWHERE}, {SAME_NETWORK}")
    assert sign_in(spoofing, "boss", editor_password).status_code == 429

    other_network = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=ELSEWHERE)
    assert sign_in(other_network, "boss", editor_password).status_code == 302


def test_attempts_are_counted_by_network_in_the_cache_without_a_row_or_an_address(
    superuser, caplog, editor_password
):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    caplog.set_level("DEBUG")
    guess(Client(REMOTE_ADDR=OFFICE), "boss", LIMIT + 1)
    sign_in(Client(REMOTE_ADDR=ELSEWHERE), "boss", editor_password)

    assert not AccessAttempt.objects.exists()
    assert not AccessLog.objects.exists() and not AccessFailureLog.objects.exists()
    assert OFFICE not in caplog.text
    assert "203.0.113.0/24" in caplog.text  # where trouble comes from, as the logs tell it


CLOSED_PORT_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }
}


@pytest.mark.parametrize("ignore_exceptions", [False, True])
def test_with_the_cache_down_sign_in_works_and_guessing_is_still_throttled(
    superuser, editor, ignore_exceptions, caplog, editor_password
):
    caches = {"default": {**CLOSED_PORT_REDIS["default"]}}
    caches["default"]["OPTIONS"] = {
        **caches["default"]["OPTIONS"],
        "IGNORE_EXCEPTIONS": ignore_exceptions,
    }
    with override_settings(CACHES=caches):
        assert sign_in(Client(REMOTE_ADDR=ELSEWHERE), "amina", editor_password).status_code == 302

        attacker = Client(REMOTE_ADDR=OFFICE)
        guess(attacker, "boss", LIMIT)
        assert sign_in(attacker, "boss", editor_password).status_code == 429
