"""Visitors who cannot see a hero or card picture hear its description; editors are told so
where they write it."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ImageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    StoryIndexPageFactory,
    SurvivorStoryPageFactory,
)
from tests.html import parse

# A `{% picture %}` or `{% image %}` tag that writes an <img> (not one kept `as` a variable).
IMAGE_TAG = re.compile(r"{%\s*(?:picture|image|site_picture)\s[^%]*%}")

pytestmark = pytest.mark.django_db

MARCH = "Campaigners with banners outside a court in Nairobi"


def image_alts(response):
    return [attrs.get("alt") for tag, attrs in parse(response).elements if tag == "img"]


def test_hero_and_card_pictures_are_described_by_the_image_description(client, english_home):
    described = ImageFactory(title="IMG_2041.jpg", description=MARCH)
    index = CampaignIndexPageFactory(parent=english_home, slug="campaigns")
    campaign = CampaignPageFactory(parent=index, hero_image=described)
    library = ResourceIndexPageFactory(parent=english_home, slug="resources")
    ResourcePageFactory(parent=library, cover_image=described)

    for page in (campaign, index, library):
        alts = image_alts(client.get(page.url))
        assert alts == [MARCH], page.url


def test_a_picture_without_description_is_decorative_not_named_by_its_file(client, english_home):
    undescribed = ImageFactory(title="IMG_2041.jpg", description="")
    english_home.hero_image = undescribed
    english_home.save_revision().publish()
    index = CampaignIndexPageFactory(parent=english_home, slug="campaigns")
    CampaignPageFactory(parent=index, hero_image=undescribed)

    for url in (english_home.url, index.url):
        assert image_alts(client.get(url)) == [""], url


def pictures_in_body_and_story(english_home, image):
    index = CampaignIndexPageFactory(parent=english_home, slug="campaigns")
    campaign = CampaignPageFactory(
        parent=index,
        body=[
            ("image", {"image": image, "caption": "At the court"}),
            ("section", {"heading": "The issue", "body": "<p>Text.</p>", "image": image}),
        ],
    )
    stories = StoryIndexPageFactory(parent=english_home, slug="stories")
    story = SurvivorStoryPageFactory(parent=stories, image=image)
    return campaign, story


def test_pictures_in_page_bodies_and_stories_are_described_by_the_image_description(
    client, english_home
):
    described = ImageFactory(title="IMG_2041.jpg", description=MARCH)
    campaign, story = pictures_in_body_and_story(english_home, described)

    assert image_alts(client.get(campaign.url)) == [MARCH, MARCH]
    assert image_alts(client.get(story.url)) == [MARCH]


def test_body_and_story_pictures_without_description_are_decorative(client, english_home):
    undescribed = ImageFactory(title="IMG_2041.jpg", description="")
    campaign, story = pictures_in_body_and_story(english_home, undescribed)

    assert image_alts(client.get(campaign.url)) == ["", ""]
    assert image_alts(client.get(story.url)) == [""]


def test_every_picture_in_the_templates_says_which_alt_text_it_reads():
    """Without `alt=`, Wagtail reads out the image's title, often a file name."""
    unnamed = [
        f"{path.relative_to(settings.BASE_DIR)}: {tag}"
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        for tag in IMAGE_TAG.findall(path.read_text())
        if " as " not in tag and "alt=" not in tag
    ]

    assert unnamed == []


def test_the_upload_form_says_the_description_is_the_alt_text(admin_client):
    response = admin_client.get(reverse("wagtailimages:add"))

    assert "Read aloud to visitors who cannot see the picture (its alt text)" in (
        response.content.decode().replace("&#x27;", "'")
    )
