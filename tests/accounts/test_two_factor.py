"""Two-factor authentication with an authenticator app: any editor may turn it on; where it is
required (production), superusers and story custodians must set it up before anything else, and
signing in then takes a code after the password."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

SETUP = "/admin/two-factor/"
VERIFY = "/admin/two-factor/verify/"

pytestmark = pytest.mark.django_db


def code_for(device):
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code_for(device):
    return f"{(int(code_for(device)) + 1) % 1_000_000:06d}"


def sign_in_with_password(username, password):
    client = Client()
    response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code == 302
    return client


def with_role(user, group_name):
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.is_superuser = False
    user.save()
    user.groups.add(group)
    return user


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)


def test_an_editor_turns_on_two_factor_by_scanning_and_confirming_a_first_code(editor, client):
    client.force_login(editor)

    page = client.get(SETUP)
    device = TOTPDevice.objects.get(user=editor)
    wrong = client.post(SETUP, {"token": wrong_code_for(device)})
    right = client.post(SETUP, {"token": code_for(device)})

    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "otpauth://totp/" in html  # the QR code is in the page itself
    assert wrong.status_code == 400 and "This code is not right" in wrong.content.decode()
    assert right.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert "Two-factor authentication is on" in client.get(SETUP).content.decode()


def test_the_account_page_offers_two_factor(editor, client):
    client.force_login(editor)

    assert SETUP in client.get("/admin/account/").content.decode()


def test_with_a_device_signing_in_asks_for_the_code_after_the_password(device, editor_password):
    client = sign_in_with_password("amina", editor_password)

    held = client.get("/admin/pages/")
    assert held.status_code == 302 and held["Location"].startswith(VERIFY)
    assert client.get(VERIFY).status_code == 200

    done = client.post(VERIFY, {"token": code_for(device), "next": "/admin/pages/"})
    assert done.status_code == 302 and done["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_before_the_code_the_session_is_anonymous_outside_the_admin(
    device, editor_password, english_home
):
    page = StandardPageFactory(parent=english_home, title="Members only", slug="members")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    client = sign_in_with_password("amina", editor_password)

    assert client.get(page.url).status_code == 302  # to the login form, as for anyone

    client.post(VERIFY, {"token": code_for(device)})
    assert client.get(page.url).status_code == 200


def test_wrong_codes_are_throttled_like_passwords(device, editor_password):
    client = sign_in_with_password("amina", editor_password)
    for _ in range(5):
        client.post(VERIFY, {"token": wrong_code_for(device)})

    refused = client.post(VERIFY, {"token": code_for(device)})

    assert refused.status_code == 429 and refused["Retry-After"] == str(15 * 60)
    assert "Too many failed attempts" in refused.content.decode()
    assert client.get("/admin/").status_code == 302


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_where_required_a_superuser_sets_it_up_before_anything_else(superuser, client):
    client.force_login(superuser)

    held = client.get("/admin/pages/")
    assert held.status_code == 302 and held["Location"].startswith(SETUP)
    setup = client.get(SETUP)
    assert "Your role requires two-factor authentication" in setup.content.decode()

    device = TOTPDevice.objects.get(user=superuser)
    client.post(SETUP, {"token": code_for(device)})
    assert client.get("/admin/pages/").status_code == 200


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_where_required_story_custodians_must_and_editors_need_not(
    editor, django_user_model, editor_password
):
    custodian = with_role(editor, "Story custodians")
    writer = with_role(
        django_user_model.objects.create_user("writer", "w@example.org", editor_password),
        "Editors",
    )

    assert (
        sign_in_with_password(custodian.username, editor_password)
        .get("/admin/")["Location"]
        .startswith(SETUP)
    )
    assert sign_in_with_password(writer.username, editor_password).get("/admin/").status_code == 200


def test_production_requires_two_factor_and_development_does_not(run_python):
    code = "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED)"
    production = run_python(
        code, "cms.settings.production", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="a.org"
    )
    development = run_python(code, "cms.settings.dev")

    assert production.stdout.strip() == "True", production.stderr
    assert development.stdout.strip() == "False", development.stderr


def test_a_lost_device_is_reset_with_a_command(device, capsys):
    call_command("reset_2fa", "amina")

    assert not TOTPDevice.objects.filter(user__username="amina").exists()
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        call_command("reset_2fa", "nobody")


def test_a_superuser_resets_a_device_from_the_users_list(device, superuser, client):
    client.force_login(superuser)
    reset_url = f"/admin/reset-two-factor/{device.user_id}/"

    assert reset_url in client.get("/admin/users/").content.decode()
    assert client.get(reset_url).status_code == 200
    assert client.post(reset_url).status_code == 302
    assert not TOTPDevice.objects.filter(user=device.user).exists()


def test_only_superusers_reset_devices(device, django_user_model, editor_password):
    writer = with_role(
        django_user_model.objects.create_user("writer", "w@example.org", editor_password),
        "Editors",
    )
    client = Client()
    client.force_login(writer)

    refused = client.post(f"/admin/reset-two-factor/{device.user_id}/")

    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's refusal
    assert TOTPDevice.objects.filter(user=device.user).exists()
