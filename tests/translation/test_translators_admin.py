"""What translators see in the admin: their own languages, the actions they may take, the pages
the translation editor shows them, and a clear message when something is not theirs to do."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
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


# Only their languages, only what they may do ----------------------------------------------------

REPORT_URL = "/admin/reports/translation-coverage/"


def parse(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def links_in(section):
    return {(link.text.split(":")[0].strip(), link["href"]) for link in section.find_all("a")}


@pytest.mark.django_db
def test_a_french_translators_coverage_report_shows_french_and_only_their_actions(
    people, logged_in
):
    from resources.models import ResourcePage, Topic

    resource = english(ResourcePage)
    resource.summary = "A summary written after the translations were made."
    resource.save_revision().publish()
    topic = Topic.objects.create(name="Forced labour", slug="forced-labour", locale=locale("en"))

    document = parse(logged_in(people[FRENCH]).get(REPORT_URL))

    assert [bar["id"] for bar in document.find_all("progress")] == ["coverage-fr-progress"]
    for code in ("es", "sw", "ar"):
        assert document.find(id=f"coverage-{code}") is None
    french = document.find(id="coverage-fr")
    labels = {label for label, _href in links_in(french)}
    assert "Translate into French" in labels
    assert "Sync translations" in labels
    assert "Edit source" not in labels, "a translator may not edit the English source"
    assert not any("Spanish" in label for label in labels)
    french_resource = resource.get_translation(locale("fr"))
    assert (
        "Edit French translation",
        reverse("wagtailadmin_pages:edit", args=[french_resource.pk]),
    ) in links_in(french)
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["resources", "topic", topic.pk]
    )
    assert ("Translate into French", f"{submit}?select_locale=fr") in links_in(french)


@pytest.mark.django_db
def test_an_editor_still_sees_every_language_and_edits_the_source(people, logged_in):
    document = parse(logged_in(people["Editors"]).get(REPORT_URL))

    codes = [bar["id"] for bar in document.find_all("progress")]
    assert codes == [f"coverage-{code}-progress" for code in ("fr", "es", "sw", "ar")]


def new_english_page():
    from home.models import HomePage
    from tests.factories import StandardPageFactory

    return StandardPageFactory(parent=english(HomePage), title="Safe migration", slug="safe")


def offered_locales(response):
    return [box["value"] for box in parse(response).find_all("input", attrs={"name": "locales"})]


@pytest.mark.django_db
def test_the_translate_form_offers_a_translator_only_their_languages(people, logged_in):
    source = new_english_page()
    address = reverse("wagtail_localize:submit_page_translation", args=[source.pk])

    french_form = logged_in(people[FRENCH]).get(f"{address}?select_locale=es")
    editor_form = logged_in(people["Editors"]).get(address)

    assert french_form.status_code == 200
    assert offered_locales(french_form) == [str(locale("fr").pk)]
    assert len(offered_locales(editor_form)) == 4


@pytest.mark.django_db
def test_a_translator_posting_another_language_gets_a_form_error(people, logged_in):
    source = new_english_page()
    address = reverse("wagtail_localize:submit_page_translation", args=[source.pk])

    response = logged_in(people[FRENCH]).post(address, {"locales": [locale("es").pk]})

    assert response.status_code == 200
    errors = parse(response).find(class_="error-message")
    assert errors is not None and "You translate into French only" in errors.text
    assert source.get_translation_or_none(locale("es")) is None


@pytest.mark.django_db
def test_a_translator_translates_into_their_own_language_from_the_form(people, logged_in):
    source = new_english_page()
    address = reverse("wagtail_localize:submit_page_translation", args=[source.pk])

    response = logged_in(people[FRENCH]).post(address, {"locales": [locale("fr").pk]})

    assert response.status_code == 302
    assert source.get_translation_or_none(locale("fr")) is not None


def followed_messages(response):
    return [str(message) for message in response.context["messages"]]


@pytest.mark.django_db
def test_another_languages_translation_is_refused_with_a_styled_message(people, logged_in):
    from wagtail_localize.models import Translation

    spanish = Translation.objects.filter(target_locale__language_code="es").first()
    client = logged_in(people[FRENCH])

    response = client.get(
        reverse("wagtail_localize:download_pofile", args=[spanish.pk]), follow=True
    )

    assert response.redirect_chain[0] == (reverse("wagtailadmin_home"), 302)
    assert response.status_code == 200
    [message] = followed_messages(response)
    assert "Spanish" in message and "you translate into French only" in message
    assert message in parse(response).find(class_="messages").get_text()


@pytest.mark.django_db
def test_a_snippet_in_another_language_is_refused_with_a_styled_message(people, logged_in):
    from resources.models import Topic

    spanish_topic = english(Topic).get_translation(locale("es"))

    response = logged_in(people[FRENCH]).get(
        reverse("wagtailsnippets_resources_topic:edit", args=[spanish_topic.pk]), follow=True
    )

    assert response.status_code == 200
    assert any("Spanish" in message for message in followed_messages(response))


@pytest.mark.django_db
def test_deleting_a_page_is_refused_to_a_translator_with_a_styled_message(people, logged_in):
    french_campaign = english(CampaignPage).get_translation(locale("fr"))

    response = logged_in(people[FRENCH]).post(
        reverse("wagtailadmin_pages:delete", args=[french_campaign.pk]), follow=True
    )

    assert response.status_code == 200
    assert any("Only editors delete or move pages" in m for m in followed_messages(response))
    assert CampaignPage.objects.filter(pk=french_campaign.pk).exists()
