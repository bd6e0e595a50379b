import pytest

from tests.factories import StoryIndexPageFactory, translate


@pytest.fixture
def story_index(english_home):
    """An English story index."""
    return StoryIndexPageFactory(parent=english_home, title="Survivor stories", slug="stories")


@pytest.fixture
def story_indexes(story_index):
    """The story index in English and in French, by language code."""
    return {"en": story_index, "fr": translate(story_index, "fr")}
