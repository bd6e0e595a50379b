"""Editors put helplines on stories and campaigns: readers see the numbers as links to call, in
their language, on the page and in both APIs."""

import pytest
from django.urls import reverse

from core.models import Helpline
from home.models import CampaignPage
from stories.models import SurvivorStoryPage
from tests.api.conftest import get_json, response_schema_pointer, validator_for
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    HelplineFactory,
    StoryIndexPageFactory,
    SurvivorStoryPageFactory,
    translate,
)
from tests.html import parse

ARABIC = {
    "Kenya": "كينيا",
    "Support line": "خط الدعم",
    "Every day, 24 hours": "كل يوم، على مدار 24 ساعة",
    "Free of charge.": "مجانًا.",
    "Where to find help": "أين تجد المساعدة",
}


def helplines_block(*helplines, heading="Where to find help"):
    return ("helplines", {"heading": heading, "helplines": list(helplines)})


@pytest.fixture
def story_with_helplines(english_home):
    """An English story showing two helplines after it, translated into Arabic (the helplines
    first, as wagtail-localize needs)."""
    kenya = HelplineFactory()
    malawi = HelplineFactory(country="Malawi", name="Helpline", phone="(265) 000-222", hours="")
    index = StoryIndexPageFactory(parent=english_home, title="Stories", slug="stories")
    story = SurvivorStoryPageFactory(
        parent=index, title="Amani", slug="amani", support=[helplines_block(kenya, malawi)]
    )
    for instance in (kenya, malawi, index):
        translate(instance, "ar", ARABIC)
    translate(story, "ar", ARABIC)
    return story


def arabic_story():
    return SurvivorStoryPage.objects.get(locale__language_code="ar")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, name, country", [("en", "Support line", "Kenya"), ("ar", "خط الدعم", "كينيا")]
)
def test_story_shows_its_helplines_after_it_with_numbers_to_call(
    client, story_with_helplines, language, name, country
):
    story = SurvivorStoryPage.objects.get(locale__language_code=language)
    response = client.get(story.url)
    html = response.content.decode()
    helplines = html[html.index('<section class="helplines">') :]

    assert html.index('id="story"') < html.index('<section class="helplines">')
    assert f'<h3 class="helpline__name">{name}</h3>' in helplines
    assert country in helplines
    calls = parse(response).find_all("a", class_="button helpline__phone")
    assert [call["href"] for call in calls] == ["tel:+254000000111", "tel:265000222"]
    # The number reads left to right in Arabic too: its "+" stays in front.
    assert '<span dir="ltr">+254 000 000 111</span>' in helplines


@pytest.mark.django_db
def test_campaign_body_can_show_helplines(client, english_home):
    helpline = HelplineFactory(phone="1195")
    index = CampaignIndexPageFactory(parent=english_home, title="Campaigns", slug="campaigns")
    campaign = CampaignPageFactory(
        parent=index, slug="world-day", body=[helplines_block(helpline, heading="")]
    )

    response = client.get(campaign.url)

    # The heading when the editor leaves it empty.
    assert '<h2 class="helplines__heading">Where to find help</h2>' in response.content.decode()
    assert parse(response).find("a", href="tel:1195")
    assert CampaignPage.objects.get(pk=campaign.pk).body[0].block_type == "helplines"


@pytest.mark.django_db
@pytest.mark.parametrize("version", ["v2", "v3"])
def test_apis_give_the_helplines_in_the_story_language(client, story_with_helplines, version):
    story = arabic_story()

    data = get_json(client, f"/api/{version}/pages/{story.pk}/")

    [block] = data["support"]
    assert block["type"] == "helplines"
    assert block["value"]["heading"] == "أين تجد المساعدة"
    first = block["value"]["helplines"][0]
    arabic_kenya = Helpline.objects.get(locale__language_code="ar", country="كينيا")
    assert first == {
        "id": arabic_kenya.pk,
        "country": "كينيا",
        "name": "خط الدعم",
        "phone": "+254 000 000 111",
        "phone_link": "tel:+254000000111",
        "hours": "كل يوم، على مدار 24 ساعة",
        "note": "مجانًا.",
    }


@pytest.mark.django_db
def test_api_v3_documents_the_helplines_block(client, story_with_helplines):
    openapi = get_json(client, "/api/v3/openapi.json")
    validator = validator_for(openapi, response_schema_pointer("/api/v3/pages/{page_id}/"))

    data = get_json(client, f"/api/v3/pages/{arabic_story().pk}/")

    assert [error.message for error in validator.iter_errors(data)] == []
    helpline = openapi["components"]["schemas"]["Helpline"]
    assert helpline["properties"]["phone_link"]["type"] == "string"
    broken = {**data, "support": [{**data["support"][0], "value": {"heading": 1}}]}
    assert list(validator.iter_errors(broken))  # the block is typed, not any object


@pytest.mark.django_db
def test_a_number_that_cannot_be_called_is_a_form_error(logged_in, people):
    client = logged_in(people["superuser"])
    url = reverse("wagtailsnippets_core_helpline:add")

    response = client.post(
        url,
        {"country": "Kenya", "name": "Support line", "phone": "call us", "hours": "", "note": ""},
    )

    assert response.status_code == 200
    assert "Enter a phone number" in response.content.decode()
    assert not Helpline.objects.exists()
