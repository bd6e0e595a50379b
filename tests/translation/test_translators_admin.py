"""What translators see in the admin: their own languages, the actions they may take, the pages
the translation editor shows them, and a clear message when something is not theirs to do."""

import pytest
from wagtail.models import Locale

from home.models import CampaignPage

# A site with a page of every type and the library's snippets, all translated.
pytestmark = pytest.mark.usefixtures("module_site_content")

FRENCH = "Translators – French"


def english(model):
    return model.objects.filter(locale__language_code="en").order_by("pk").first()


def locale(code):
    return Locale.objects.get(language_code=code)


# The admin is never sent to a language prefix ----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ACCEPT_LANGUAGE": "es"},
        {"HTTP_ACCEPT_LANGUAGE": "ar,fr;q=0.5"},
        {},
    ],
)
def test_the_admin_api_shows_a_translator_the_english_page_they_translate_from(
    people, logged_in, headers
):
    client = logged_in(people[FRENCH])
    client.cookies["django_language"] = "es"
    source = english(CampaignPage)

    response = client.get(f"/admin/api/main/pages/{source.pk}/", **headers)

    assert response.status_code == 200, response.get("Location")
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["title"] == source.title


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        "/admin/api/main/pages/999999/",
        "/admin/pages/999999/edit/",
        "/admin/no-such-view/",
        "/admin/localize/translate/999999/",
        "/documents/999999/missing.pdf",
    ],
)
def test_no_admin_address_is_redirected_to_a_language_prefix(people, logged_in, address):
    client = logged_in(people[FRENCH])

    response = client.get(address, HTTP_ACCEPT_LANGUAGE="es")

    location = response.get("Location", "")
    assert not location.startswith(("/es/", "/en/")), location
    assert response.status_code in (302, 404)
