import pytest

from stories.models import StoryIndexPage, SurvivorStoryPage
from tests.html import parse


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_story_shows_the_content_warning_before_the_story(client, language):
    story = SurvivorStoryPage.objects.filter(locale__language_code=language).first()
    html = client.get(story.url).content.decode().split("<main", 1)[1]
    text = parse(client.get(story.url)).text

    assert story.pseudonym in text
    assert html.index(story.content_warning) < html.index(story.quote)
    warning = parse(client.get(story.url)).find("aside", role="note")
    assert warning is not None


@pytest.mark.django_db
def test_story_index_lists_only_live_stories(client):
    index = StoryIndexPage.objects.get(locale__language_code="en")
    stories = list(SurvivorStoryPage.objects.child_of(index).live())
    stories[0].unpublish()

    text = parse(client.get(index.url)).text

    assert stories[0].title not in text
    assert stories[1].title in text
