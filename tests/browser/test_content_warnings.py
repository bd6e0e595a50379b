"""A screen reader finds a story's content warning by name before the story, hears it again on
entering the story, and the reader can move on to the story without JavaScript."""

import re

import pytest

from stories.models import SurvivorStoryPage

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("language", "name"), [("en", "Content warning"), ("ar", "تنبيه بشأن المحتوى")]
)
def test_warning_is_a_named_region_before_the_story(phone, language, name):
    from playwright.sync_api import expect

    story = SurvivorStoryPage.objects.filter(locale__language_code=language).first()
    phone.goto(story.url)

    warning = phone.get_by_role("region", name=name)
    story_region = phone.locator("#story")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text(story.content_warning)
    expect(story_region).to_have_accessible_description(
        re.compile(re.escape(story.content_warning))
    )
    assert warning.bounding_box()["y"] < story_region.bounding_box()["y"]

    warning.get_by_role("link").first.click()

    expect(story_region).to_be_focused()
