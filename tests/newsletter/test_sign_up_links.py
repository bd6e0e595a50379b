"""Every "Sign up" button leads to the site's own sign-up form (no mailing-list provider's page
and its trackers) unless the editors chose an outside address for the language."""

import pytest
from bs4 import BeautifulSoup

from core.models import SiteSettings

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def no_outside_address():
    SiteSettings.objects.update(newsletter_url="")


def test_the_footers_sign_up_leads_to_the_sites_own_form(client, no_outside_address):
    footer = parse(client.get("/sw/")).select_one("footer .newsletter")

    link = footer.select_one("a.button")["href"]
    assert link == "/sw/newsletter/sign-up/"
    form_page = client.get(link)
    assert form_page.status_code == 200
    assert 'action="/sw/newsletter/sign-up/"' in form_page.text


def test_the_api_gives_the_sites_own_form(client, no_outside_address):
    site = client.get("/api/v3/site/", {"locale": "fr"}).json()

    assert site["settings"]["newsletter"]["url"].endswith("/fr/newsletter/sign-up/")


def test_an_outside_address_the_editors_chose_is_kept(client):
    french = SiteSettings.objects.get(locale__language_code="fr")

    footer = parse(client.get("/fr/")).select_one("footer .newsletter")
    assert footer.select_one("a.button")["href"] == french.newsletter_url
