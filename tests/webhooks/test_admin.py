"""Site administrators manage endpoints and watch deliveries in the admin; editors cannot."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.admin.menu import settings_menu

from resources.models import ResourcePage
from webhooks.models import EVENTS, WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db

ENDPOINTS = "/admin/webhooks/endpoints/"
DELIVERIES = "/admin/webhooks/deliveries/"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        "editor", email="editor@example.org", password="editor-password-1"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def failed_delivery(endpoint, receiver, settings, django_capture_on_commit_callbacks):
    settings.WEBHOOKS_RETRY_DELAYS = []
    receiver.fail_next = 1
    page = ResourcePage.objects.live().filter(locale__language_code="en").order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.FAILED
    return delivery


def test_urls():
    assert reverse("webhooks_endpoints:index") == ENDPOINTS
    assert reverse("webhooks_deliveries:index") == DELIVERIES


def test_a_superuser_lists_deliveries_and_filters_the_failures(
    admin_client, failed_delivery, endpoint
):
    response = admin_client.get(DELIVERIES)
    assert response.status_code == 200
    html = response.content.decode()
    assert "page.published" in html
    assert "HTTP 500 Internal Server Error" in html
    assert "Frontend" in html
    assert reverse("webhooks_deliveries:retry", args=[failed_delivery.pk]) in html

    response = admin_client.get(DELIVERIES, {"status": "failed", "endpoint": endpoint.pk})
    assert list(response.context["object_list"]) == [failed_delivery]
    response = admin_client.get(DELIVERIES, {"status": "succeeded"})
    assert list(response.context["object_list"]) == []


def test_a_superuser_inspects_a_delivery_and_retries_it(
    admin_client, failed_delivery, receiver, django_capture_on_commit_callbacks
):
    response = admin_client.get(reverse("webhooks_deliveries:inspect", args=[failed_delivery.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert str(failed_delivery.uuid) in html
    assert "resources.ResourcePage" in html  # the payload
    assert "Internal Server Error" in html  # the attempt

    retry = reverse("webhooks_deliveries:retry", args=[failed_delivery.pk])
    assert admin_client.get(retry).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(retry)
    assert response.status_code == 302

    failed_delivery.refresh_from_db()
    assert failed_delivery.status == WebhookDelivery.SUCCEEDED
    assert failed_delivery.attempts == 2
    assert len(receiver.requests) == 2


def test_a_plain_editor_is_refused_everywhere(editor_client, failed_delivery, endpoint):
    urls = [
        ENDPOINTS,
        reverse("webhooks_endpoints:add"),
        reverse("webhooks_endpoints:edit", args=[endpoint.pk]),
        reverse("webhooks_endpoints:delete", args=[endpoint.pk]),
        DELIVERIES,
        reverse("webhooks_deliveries:inspect", args=[failed_delivery.pk]),
        reverse("webhooks_deliveries:retry", args=[failed_delivery.pk]),
    ]
    for url in urls:
        response = editor_client.get(url)
        assert response.status_code in (302, 403), url
        assert endpoint.secret not in response.content.decode()
    response = editor_client.post(reverse("webhooks_deliveries:retry", args=[failed_delivery.pk]))
    assert response.status_code in (302, 403)
    failed_delivery.refresh_from_db()
    assert failed_delivery.attempts == 1

    # Nor is it in their settings menu.
    response = editor_client.get("/admin/")
    request = response.wsgi_request
    names = [item.name for item in settings_menu.menu_items_for_request(request)]
    assert "webhooks" not in names and "webhook-deliveries" not in names


def test_the_change_permission_opens_the_webhooks_admin(editor, client, endpoint):
    group = Group.objects.create(name="Webhook admins")
    group.permissions.add(Permission.objects.get(codename="change_webhookendpoint"))
    editor.groups.add(group)
    client.force_login(editor)
    assert client.get(ENDPOINTS).status_code == 200
    assert client.get(DELIVERIES).status_code == 200
    response = client.get(reverse("webhooks_endpoints:edit", args=[endpoint.pk]))
    assert response.status_code == 200
    assert endpoint.secret in response.content.decode()


def test_the_secret_is_not_shown_in_the_list(admin_client, endpoint):
    response = admin_client.get(ENDPOINTS)
    assert response.status_code == 200
    assert "Frontend" in response.content.decode()
    assert endpoint.secret not in response.content.decode()


def endpoint_form(**overrides):
    data = {
        "name": "Next.js",
        "url": "https://frontend.example.org/api/revalidate",
        "active": "on",
        "events": ["page.published", "page.unpublished"],
        "secret": "",
    }
    data.update(overrides)
    return data


def test_an_ftp_url_is_a_form_error(admin_client):
    response = admin_client.post(
        reverse("webhooks_endpoints:add"), endpoint_form(url="ftp://frontend.example.org/hook")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "url" in errors
    assert "http" in str(errors["url"])
    assert not WebhookEndpoint.objects.exists()


def test_a_superuser_creates_an_endpoint_with_a_generated_secret(admin_client):
    response = admin_client.get(reverse("webhooks_endpoints:add"))
    assert response.status_code == 200
    # The form offers a freshly generated secret to copy to the frontend.
    assert len(response.context["form"]["secret"].value()) >= 32

    response = admin_client.post(reverse("webhooks_endpoints:add"), endpoint_form())
    assert response.status_code == 302, response.context["form"].errors
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.url == "https://frontend.example.org/api/revalidate"
    assert endpoint.events == ["page.published", "page.unpublished"]
    assert len(endpoint.secret) >= 32  # left empty: generated

    # Posting the secret shown in the form keeps it.
    shown = "shared-with-the-frontend-0123456789"
    response = admin_client.post(
        reverse("webhooks_endpoints:edit", args=[endpoint.pk]),
        endpoint_form(secret=shown, events=EVENTS),
    )
    assert response.status_code == 302, response.context["form"].errors
    endpoint.refresh_from_db()
    assert endpoint.secret == shown
    assert endpoint.events == EVENTS


def test_an_endpoint_needs_at_least_one_event_and_a_long_enough_secret(admin_client):
    response = admin_client.post(
        reverse("webhooks_endpoints:add"), endpoint_form(events=[], secret="short")
    )
    assert response.status_code == 200
    assert {"events", "secret"} <= set(response.context["form"].errors)


def test_the_permission_can_be_given_to_a_group_in_the_admin(admin_client):
    group = Group.objects.get(name="Editors")
    response = admin_client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    assert response.status_code == 200
    permission = Permission.objects.get(codename="change_webhookendpoint")
    assert f'value="{permission.pk}"' in response.content.decode()
    # The admin's settings menu offers both screens to a superuser.
    request = admin_client.get("/admin/").wsgi_request
    names = [item.name for item in settings_menu.menu_items_for_request(request)]
    assert {"webhooks", "webhook-deliveries"} <= set(names)
