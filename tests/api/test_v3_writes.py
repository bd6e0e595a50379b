"""Editorial automation writes through API v3 with a bearer token, and only with one."""

import pytest

from home.models import StandardPage


def new_page_body(parent, **fields):
    # Without "action": "publish" in meta, the page is saved as a draft.
    return {
        "meta": {"type": "home.StandardPage", "parent_id": parent.pk},
        "title": "Press release",
        "slug": "press-release",
        "intro": "Written by a script.",
        **fields,
    }


@pytest.mark.django_db
def test_a_token_creates_a_draft_that_visitors_and_anonymous_clients_do_not_see(
    client, admin_user, english_home, create_token
):
    token = create_token(admin_user)

    response = client.post(
        "/api/v3/pages/",
        new_page_body(english_home),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )

    assert response.status_code == 201, response.content
    page = StandardPage.objects.get(slug="press-release")
    assert not page.live
    assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


@pytest.mark.django_db
def test_a_token_publishes_an_update(
    client, admin_user, about, create_token, django_capture_on_commit_callbacks
):
    token = create_token(admin_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.patch(
            f"/api/v3/pages/{about.pk}/",
            {
                "meta": {"type": "home.StandardPage", "action": "publish"},
                "intro": "Updated by a script.",
            },
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )

    assert response.status_code == 200, response.content
    about.refresh_from_db()
    assert about.intro == "Updated by a script."
    assert client.get(f"/api/v2/pages/{about.pk}/").json()["intro"] == "Updated by a script."


@pytest.mark.django_db
@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Token abc"])
def test_writes_without_a_valid_token_are_refused(client, english_home, authorization):
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}

    response = client.post(
        "/api/v3/pages/",
        new_page_body(english_home),
        content_type="application/json",
        **headers,
    )

    assert response.status_code == 401
    assert "json" in response["Content-Type"]
    assert not StandardPage.objects.filter(slug="press-release").exists()


@pytest.mark.django_db
def test_a_token_of_a_user_without_permission_is_forbidden(
    client, django_user_model, english_home, create_token
):
    reader = django_user_model.objects.create_user("reader", password="x")

    response = client.post(
        "/api/v3/pages/",
        new_page_body(english_home),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {create_token(reader)}",
    )

    assert response.status_code == 403
    assert not StandardPage.objects.filter(slug="press-release").exists()


@pytest.mark.django_db
def test_an_invalid_page_is_a_clear_4xx_error(client, admin_user, english_home, create_token):
    response = client.post(
        "/api/v3/pages/",
        new_page_body(english_home, title=""),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {create_token(admin_user)}",
    )

    assert 400 <= response.status_code < 500
    assert response.json()
    assert not StandardPage.objects.filter(slug="press-release").exists()


@pytest.mark.django_db
def test_administrators_manage_api_tokens_in_the_admin(admin_client, admin_user, create_token):
    from django.urls import reverse
    from wagtail.models import APIToken

    create_token(admin_user)

    listing = admin_client.get(reverse("wagtailusers_api_tokens:index"))

    assert listing.status_code == 200
    assert APIToken.objects.get(user=admin_user).name in listing.content.decode()
