"""Visitors who cannot see a hero or card picture hear its description; editors are told so
where they write it."""

import pytest
from django.urls import reverse

from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ImageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from tests.html import parse

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


def test_the_upload_form_says_the_description_is_the_alt_text(admin_client):
    response = admin_client.get(reverse("wagtailimages:add"))

    assert "Read aloud to visitors who cannot see the picture (its alt text)" in (
        response.content.decode().replace("&#x27;", "'")
    )
