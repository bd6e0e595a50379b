"""A translation published without a translated slug gets one from its translated title; once
published, its address stays."""

import pytest
from django.test import TestCase
from wagtail_localize.models import Translation

from home.models import CampaignPage
from tests.factories import CampaignIndexPageFactory, CampaignPageFactory, translate

pytestmark = pytest.mark.django_db


def test_a_new_translation_takes_the_slug_of_its_translated_title(english_home, home_pages):
    index = CampaignIndexPageFactory(parent=english_home, slug="campaigns")
    translate(index, "fr")
    campaign = CampaignPageFactory(parent=index, title="World Day", slug="world-day")

    # The translator translated the title, not the slug (tests/factories.py keeps slugs).
    french = translate(campaign, "fr", {"World Day": "Journée mondiale"})

    assert french.slug == "journée-mondiale"
    assert french.url.endswith("/journ%C3%A9e-mondiale/")

    campaign.title = "World Day Against Trafficking"
    campaign.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=campaign.translation_key, target_locale__language_code="fr"
    )
    translation.source.update_from_db()
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    assert CampaignPage.objects.get(pk=french.pk).slug == "journée-mondiale"
