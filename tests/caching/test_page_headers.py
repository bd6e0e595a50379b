"""Pages tell CDNs and browsers how to keep them (caching/headers.py)."""

import pytest
from wagtail.models import PageViewRestriction

from resources.models import ResourcePage

pytestmark = pytest.mark.usefixtures("module_site_content")

RESOURCE = "/en/resources/laws-across-africa/"


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/fr/", RESOURCE, "/ar/"])
def test_a_public_page_may_be_kept_by_a_cdn_and_revalidated_by_browsers(client, settings, path):
    settings.PAGE_CACHE_S_MAXAGE = 900
    response = client.get(path)

    assert directives(response) == {"public", "max-age=0", "s-maxage=900"}
    assert response["ETag"].startswith('"')  # strong
    assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.django_db
@pytest.mark.parametrize("response_cache", [True, False])
def test_an_unchanged_page_answers_304_to_its_etag(client, settings, response_cache):
    settings.RESPONSE_CACHE = response_cache
    etag = client.get(RESOURCE)["ETag"]

    again = client.get(RESOURCE, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.django_db
def test_a_changed_page_has_a_new_etag(client):
    etag = client.get(RESOURCE)["ETag"]
    page = ResourcePage.objects.get(locale__language_code="en", slug="laws-across-africa")
    page.title = "Laws across Africa, revised"
    page.save_revision().publish()

    response = client.get(RESOURCE, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag


@pytest.mark.django_db
def test_pages_for_a_signed_in_user_are_private(admin_client):
    assert directives(admin_client.get(RESOURCE)) >= {"private", "no-store"}


@pytest.mark.django_db
def test_a_password_form_is_private(client):
    page = ResourcePage.objects.get(locale__language_code="en", slug="laws-across-africa")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="p")

    assert directives(client.get(RESOURCE)) >= {"private", "no-store"}


@pytest.mark.django_db
def test_a_missing_page_is_not_kept(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "public" not in directives(response)


@pytest.mark.django_db
def test_the_language_choice_varies_on_accept_language_and_is_not_kept(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert "Accept-Language" in response["Vary"]
    assert "public" not in directives(response)
