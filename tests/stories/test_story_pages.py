import pytest

from stories.models import StoryIndexPage, SurvivorStoryPage
from tests.factories import SurvivorStoryPageFactory, translate
from tests.html import parse


@pytest.fixture
def stories(story_index):
    """Two live English stories, the first one in Arabic too."""
    first = SurvivorStoryPageFactory(parent=story_index, title="Promised a job", slug="amani")
    SurvivorStoryPageFactory(
        parent=story_index, title="After the floods", slug="chisomo", pseudonym="Chisomo"
    )
    translate(story_index, "ar")
    translate(first, "ar")


@pytest.mark.django_db
@pytest.mark.usefixtures("stories")
@pytest.mark.parametrize("language", ["en", "ar"])
def test_story_shows_the_content_warning_before_the_story(client, language):
    story = SurvivorStoryPage.objects.filter(locale__language_code=language).first()
    response = client.get(story.url)
    html = response.content.decode().split("<main", 1)[1]

    assert story.pseudonym in parse(response).text
    assert html.index(story.content_warning) < html.index(story.quote)
    warning = parse(response).find("section", class_="content-warning")
    assert warning["aria-labelledby"] == "content-warning-heading"


@pytest.mark.django_db
@pytest.mark.usefixtures("stories")
def test_story_index_lists_only_live_stories(client):
    index = StoryIndexPage.objects.get(locale__language_code="en")
    stories = list(SurvivorStoryPage.objects.child_of(index).live())
    stories[0].unpublish()

    text = parse(client.get(index.url)).text

    assert stories[0].title not in text
    assert stories[1].title in text
