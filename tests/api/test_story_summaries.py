"""Story cards: the summary is the story's own words, the content warning stays in its field
(a frontend shows the warning, then the summary: each once)."""

import pytest

from home.models import HomePage
from stories.models import SurvivorStoryPage
from tests.api.conftest import get_json, in_language
from tests.factories import SurvivorStoryPageFactory

pytestmark = pytest.mark.usefixtures("api_site")


@pytest.mark.django_db
@pytest.mark.parametrize("version", ["v2", "v3"])
def test_latest_stories_summaries_do_not_repeat_the_content_warning(client, version):
    home = in_language(HomePage, "fr")

    stories = get_json(client, f"/api/{version}/pages/{home.pk}/")["latest_stories"]

    warned = [card for card in stories if card["content_warning"]]
    assert warned, "the demo's stories carry content warnings"
    for card in warned:
        story = SurvivorStoryPage.objects.get(pk=card["id"])
        assert card["summary"] == story.quote
        assert card["content_warning"]["summary"] not in card["summary"]


@pytest.mark.django_db
def test_a_new_storys_card_summary_is_its_quote_alone(client):
    story = SurvivorStoryPageFactory(
        parent=in_language(SurvivorStoryPage, "en").get_parent(),
        title="A job that was not",
        quote="They kept my passport.",
        content_warning_topics=["coercion"],
        content_warning="Mentions coercion.",
    )
    home = in_language(HomePage, "en")

    cards = get_json(client, f"/api/v2/pages/{home.pk}/")["latest_stories"]

    assert cards[0]["id"] == story.pk
    assert cards[0]["summary"] == "They kept my passport."
    assert (
        cards[0]["content_warning"]["summary"]
        == "Content warning: Coercion and threats. Mentions coercion."
    )
