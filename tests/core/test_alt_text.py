"""Visitors who cannot see a hero or card picture hear its description; editors are told so
where they write it."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from wagtail.blocks import CharBlock
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.fields import TranslatableField, get_translatable_fields

from home.models import CampaignPage
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ImageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    StoryIndexPageFactory,
    SurvivorStoryPageFactory,
    translate,
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


# Alt text written for each use, in the page's language ----------------------------------------

ARABIC_MARCH = "ناشطون يحملون لافتات أمام محكمة في نيروبي"
HERO_ALT = "Survivors leading the march to the court"
ARABIC_HERO_ALT = "ناجيات يقدن المسيرة إلى المحكمة"


def meta_content(response, name):
    return next(
        attrs["content"]
        for tag, attrs in parse(response).elements
        if tag == "meta" and attrs.get("property") == name
    )


def test_the_arabic_home_page_describes_its_picture_in_arabic(client, english_home):
    english_home.hero_image = ImageFactory(title="IMG_2041.jpg", description=MARCH)
    english_home.hero_image_alt = HERO_ALT
    english_home.save_revision().publish()

    arabic_home = translate(english_home, "ar", {HERO_ALT: ARABIC_HERO_ALT})
    response = client.get(arabic_home.url)

    assert image_alts(response) == [ARABIC_HERO_ALT]
    assert meta_content(response, "og:image:alt") == ARABIC_HERO_ALT
    assert image_alts(client.get(english_home.url)) == [HERO_ALT]


def test_pictures_in_blocks_have_their_translated_alt_text(client, english_home):
    image = ImageFactory(title="IMG_2041.jpg", description=MARCH)
    index = CampaignIndexPageFactory(parent=english_home, slug="campaigns")
    campaign = CampaignPageFactory(
        parent=index,
        body=[
            ("image", {"image": image, "alt": MARCH, "caption": "At the court"}),
            ("section", {"heading": "The issue", "body": "<p>Text.</p>", "image": image}),
        ],
    )

    arabic = translate(campaign, "ar", {MARCH: ARABIC_MARCH})

    # The section says nothing of its own: the image's (English) description stands in.
    assert image_alts(client.get(arabic.url)) == [ARABIC_MARCH, MARCH]


def test_blocks_stored_before_alt_texts_existed_still_show_and_translate(client, english_home):
    image = ImageFactory(title="IMG_2041.jpg", description=MARCH)
    index = CampaignIndexPageFactory(parent=english_home, slug="campaigns")
    campaign = CampaignPageFactory(parent=index)
    stored = [
        {"type": "image", "id": "a", "value": {"image": image.pk, "caption": ""}},
        {
            "type": "section",
            "id": "b",
            "value": {"heading": "H", "body": "<p>T</p>", "image": None},
        },
    ]
    CampaignPage.objects.filter(pk=campaign.pk).update(body=stored)
    campaign.refresh_from_db()
    campaign.save_revision().publish()

    assert image_alts(client.get(campaign.url)) == [MARCH]
    arabic = translate(campaign, "ar")
    assert image_alts(client.get(arabic.url)) == [MARCH]


def test_every_image_a_page_snippet_or_block_chooses_has_a_translatable_alt_text():
    """So that no use of an image is left with English-only alt text."""
    image_model = get_image_model()
    missing = []
    for model in apps.get_models():
        if model.__module__.split(".")[0] not in PROJECT_APPS:
            continue
        translatable = {
            field.field_name
            for field in get_translatable_fields(model)
            if isinstance(field, TranslatableField)
        }
        for field in model._meta.concrete_fields:
            chooses_an_image = field.many_to_one and field.related_model is image_model
            if chooses_an_image and f"{field.name}_alt" not in translatable:
                missing.append(f"{model._meta.label}.{field.name}")
            if isinstance(field, StreamField):
                missing += blocks_without_alt(field.stream_block, model._meta.label)
    assert missing == []


PROJECT_APPS = {"core", "home", "resources", "stories"}


def blocks_without_alt(block, path):
    """The image choosers in `block` whose StructBlock has no `alt` or `<name>_alt` beside."""
    found = []
    for name, child in getattr(block, "child_blocks", {}).items():
        if isinstance(child, ImageChooserBlock):
            alt = block.child_blocks.get("alt") or block.child_blocks.get(f"{name}_alt")
            if not isinstance(alt, CharBlock):
                found.append(f"{path}.{name}")
        found += blocks_without_alt(child, f"{path}.{name}")
    child = getattr(block, "child_block", None)  # a ListBlock's
    return found + (blocks_without_alt(child, path) if child else [])
