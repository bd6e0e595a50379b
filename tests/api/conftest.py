"""Helpers for the API contract tests: a frontend developer's view of /api/v2/ and /api/v3/."""

import pytest
from wagtail.models import Locale, Page

LANGUAGES = ["en", "fr", "es", "sw", "ar"]


def get_json(client, url, params=None, status=200, **headers):
    """GET `url` and return its JSON body, checking the status and that it is JSON."""
    response = client.get(url, params or {}, **headers)
    assert response.status_code == status, (url, params, response.status_code, response.content)
    assert response["Content-Type"].split(";")[0] in (
        "application/json",
        "application/problem+json",
    ), (url, response["Content-Type"])
    return response.json()


def locale(code):
    return Locale.objects.get(language_code=code)


def in_language(model, code, **filters):
    """The demo's page (or snippet) of `model` in language `code`."""
    return model.objects.filter(locale__language_code=code, **filters).order_by("pk").first()


def path_of(page):
    """The public address of `page` without scheme and host, as a frontend's router sees it."""
    url = page.get_url()
    assert url.startswith("/"), url
    return url


@pytest.fixture
def live_pages(db):
    return Page.objects.live().public().filter(depth__gt=1).specific()


@pytest.fixture(scope="session", autouse=True)
def api_renditions(django_db_setup, django_db_blocker):
    """The demo images' API renditions, made once for the session rather than in every test
    (each test's transaction would otherwise throw them away)."""
    from wagtail.images import get_image_model

    from cms.api.representations import IMAGE_RENDITIONS

    with django_db_blocker.unblock():
        for image in get_image_model().objects.all():
            image.get_renditions(*IMAGE_RENDITIONS.values())
