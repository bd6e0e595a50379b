"""Editors pick a campaign's partners, topics and regions among its own language's snippets, and
a translation keeps its source's choices in its own language."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import Translation

from home.models import CampaignPage
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PartnerFactory,
    RegionFactory,
    TopicFactory,
    translate,
)
from tests.html import parse

pytestmark = pytest.mark.django_db

FRENCH = {"Law reform": "Réforme du droit", "Kenya": "Kenya", "Malawi": "Malawi"}


@pytest.fixture
def library():
    """A topic, two regions and a partner in English, each translated into French."""
    english = {
        "law-reform": TopicFactory(name="Law reform", slug="law-reform"),
        "kenya": RegionFactory(name="Kenya", slug="kenya"),
        "malawi": RegionFactory(name="Malawi", slug="malawi"),
        "audri": PartnerFactory(name="AUDRi"),
    }
    french = {key: translate(snippet, "fr", FRENCH) for key, snippet in english.items()}
    return english, french


@pytest.fixture
def campaigns(english_home, home_pages):
    index = CampaignIndexPageFactory(parent=english_home, title="Campaigns", slug="campaigns")
    return index, translate(index, "fr")


def checkbox_values(response, name):
    document = parse(response)
    return {
        int(attrs["value"])
        for tag, attrs in document.elements
        if tag == "input" and attrs.get("name") == name and attrs.get("type") == "checkbox"
    }


def test_french_campaign_form_offers_only_french_snippets_as_checkboxes(
    admin_client, library, campaigns
):
    english, french = library
    _english_index, french_index = campaigns
    # Written in French (a synchronised translation is edited in the translation editor).
    french_campaign = CampaignPageFactory(
        parent=french_index, locale=french_index.locale, title="Journée mondiale"
    )

    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[french_campaign.pk]))
    add = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["home", "campaignpage", french_index.pk])
    )

    for response in (edit, add):
        assert response.status_code == 200
        assert checkbox_values(response, "regions") == {french["kenya"].pk, french["malawi"].pk}
        assert checkbox_values(response, "topics") == {french["law-reform"].pk}
        assert checkbox_values(response, "partners") == {french["audri"].pk}


def test_another_languages_snippet_is_refused_with_a_message_and_nothing_saved(
    admin_client, library, campaigns
):
    english, french = library
    _english_index, french_index = campaigns
    url = reverse("wagtailadmin_pages:add", args=["home", "campaignpage", french_index.pk])
    form = nested_form_data(
        {
            "action-publish": "action-publish",
            "title": "Journée mondiale",
            "slug": "journee-mondiale",
            "intro": "Pourquoi.",
            "body": streamfield([]),
            "calls_to_action": streamfield([]),
            "related_pages": streamfield([]),
        }
    )

    response = admin_client.post(
        url, {**form, "regions": [english["kenya"].pk, french["malawi"].pk], "topics": []}
    )

    assert response.status_code == 200
    errors = response.context["form"].errors["regions"]
    message = "This page is in French: choose its regions in French, not “Kenya” (English)."
    assert errors == [message]
    assert errors[0] in response.content.decode().replace("&quot;", '"').replace("&#x27;", "'")
    assert not CampaignPage.objects.filter(title="Journée mondiale").exists()


def test_french_translation_has_the_french_topics_regions_and_partners(library, campaigns):
    english, french = library
    english_index, _french_index = campaigns
    campaign = CampaignPageFactory(parent=english_index, title="World Day")
    campaign.topics.set([english["law-reform"]])
    campaign.regions.set([english["kenya"]])
    campaign.partners.set([english["audri"]])
    campaign.save()

    french_campaign = CampaignPage.objects.get(pk=translate(campaign, "fr").pk)

    assert list(french_campaign.topics.all()) == [french["law-reform"]]
    assert list(french_campaign.regions.all()) == [french["kenya"]]
    assert list(french_campaign.partners.all()) == [french["audri"]]


def test_a_synchronised_translation_follows_its_sources_new_choices(library, campaigns):
    english, french = library
    english_index, _french_index = campaigns
    campaign = CampaignPageFactory(parent=english_index, title="World Day")
    campaign.regions.set([english["kenya"]])
    campaign.save()
    translate(campaign, "fr")

    campaign.regions.set([english["kenya"], english["malawi"]])
    campaign.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=campaign.translation_key, target_locale__language_code="fr"
    )
    translation.source.update_from_db()
    translation.save_target(publish=True)

    french_campaign = CampaignPage.objects.get(
        translation_key=campaign.translation_key, locale__language_code="fr"
    )
    assert set(french_campaign.regions.all()) == {french["kenya"], french["malawi"]}


def test_a_snippet_not_translated_yet_is_left_out_of_the_translation(library, campaigns):
    english, _french = library
    english_index, _french_index = campaigns
    untranslated = RegionFactory(name="Tanzania", slug="tanzania")
    campaign = CampaignPageFactory(parent=english_index, title="World Day")
    campaign.regions.set([english["kenya"], untranslated])
    campaign.save()

    french_campaign = CampaignPage.objects.get(pk=translate(campaign, "fr").pk)

    assert [region.locale.language_code for region in french_campaign.regions.all()] == ["fr"]
