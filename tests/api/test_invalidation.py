"""Publishing, unpublishing or moving a page changes the API's next answer at once: nothing
keeps an old response in the server, and a client revalidating its copy gets the new one."""

import pytest
from wagtail.models import Page

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

API_URLS = ["/api/v2/pages/{id}/", "/api/v3/pages/{id}/"]


def fetch(client, url, etag=None):
    headers = {"HTTP_IF_NONE_MATCH": etag} if etag else {}
    return client.get(url, **headers)


@pytest.mark.parametrize("url", API_URLS)
def test_a_published_change_is_served_to_a_client_revalidating_its_copy(
    client, english_resource, url
):
    page = english_resource
    url = url.format(id=page.pk)
    before = fetch(client, url)
    assert fetch(client, url, before["ETag"]).status_code == 304

    page.title = "A new title, just published"
    page.save_revision().publish()

    after = fetch(client, url, before["ETag"])
    assert after.status_code == 200
    assert after.json()["title"] == "A new title, just published"
    assert after["ETag"] != before["ETag"]
    assert fetch(client, url, after["ETag"]).status_code == 304


@pytest.mark.parametrize("url", API_URLS)
def test_an_unpublished_page_is_gone_at_once(client, english_resource, url):
    page = english_resource
    url = url.format(id=page.pk)
    before = fetch(client, url)
    assert before.status_code == 200

    page.unpublish()

    after = fetch(client, url, before["ETag"])
    assert after.status_code == 404
    assert "public" not in after["Cache-Control"]


@pytest.mark.parametrize("url", API_URLS)
def test_a_moved_page_has_its_new_address_at_once(client, english_home, url):
    about = StandardPageFactory(parent=english_home, title="About us", slug="about")
    privacy = StandardPageFactory(parent=english_home, title="Privacy", slug="privacy")
    url = url.format(id=privacy.pk)
    before = fetch(client, url)
    assert before.json()["meta"]["html_url"].endswith("/en/privacy/")

    privacy.move(about, pos="last-child")

    after = fetch(client, url, before["ETag"])
    assert after.status_code == 200
    assert after.json()["meta"]["html_url"].endswith("/en/about/privacy/")
    assert Page.objects.get(pk=privacy.pk).get_parent().pk == about.pk
