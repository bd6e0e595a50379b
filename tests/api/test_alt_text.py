"""A frontend reads every image's alt text in the page's language, from both APIs: the text
written for that use of the image and translated with the page, else the image's own
description; and `/images/` gives each image's alt text and renditions as pages do."""

import pytest
from wagtail.images import get_image_model

from home.models import CampaignPage, HomePage
from resources.models import ResourcePage
from tests.api.conftest import ARABIC_HOME_HERO_ALT, HOME_HERO_ALT, get_json, in_language
from tests.content import CAMPAIGN_HERO_ALT, SHARE_IMAGE_DESCRIPTION

pytestmark = [pytest.mark.usefixtures("api_site"), pytest.mark.django_db]

RENDITIONS = {"w480_webp", "w960_webp", "w1440_webp", "w480_jpeg", "w960_jpeg", "share_jpeg"}
VERSIONS = ["v2", "v3"]


def detail(client, version, page):
    return get_json(client, f"/api/{version}/pages/{page.pk}/")


@pytest.mark.parametrize("version", VERSIONS)
def test_the_arabic_home_pages_picture_is_described_in_arabic(client, version):
    arabic_home = in_language(HomePage, "ar")

    hero = detail(client, version, arabic_home)["hero_image"]

    assert hero["alt"] == ARABIC_HOME_HERO_ALT


@pytest.mark.parametrize("version", VERSIONS)
def test_every_language_hears_its_own_alt_text(client, version):
    for code in ("fr", "es", "sw"):
        campaign = in_language(CampaignPage, code)
        home = in_language(HomePage, code)

        assert detail(client, version, campaign)["hero_image"]["alt"] == (
            f"[{code}] {CAMPAIGN_HERO_ALT}"
        )
        assert detail(client, version, home)["hero_image"]["alt"] == f"[{code}] {HOME_HERO_ALT}"


@pytest.mark.parametrize("version", VERSIONS)
def test_an_image_without_alt_text_of_its_own_is_described_by_its_description(client, version):
    resource = in_language(ResourcePage, "ar", slug="laws-across-africa")
    assert resource.cover_image_alt == ""

    cover = detail(client, version, resource)["cover_image"]

    assert cover["alt"] == SHARE_IMAGE_DESCRIPTION


def test_cards_of_pages_and_the_site_settings_give_the_alt_text_in_their_language(client):
    arabic_campaign = in_language(CampaignPage, "ar")
    arabic_home = in_language(HomePage, "ar")

    featured = get_json(client, f"/api/v2/pages/{arabic_home.pk}/")["featured_campaign"]
    site = get_json(client, "/api/v2/site/", {"locale": "ar"})

    assert featured["id"] == arabic_campaign.pk
    assert featured["image"]["alt"] == arabic_campaign.hero_image_alt != CAMPAIGN_HERO_ALT
    assert site["settings"]["default_share_image"]["alt"] == ARABIC_HOME_HERO_ALT


@pytest.mark.parametrize("version", VERSIONS)
def test_an_image_of_the_images_endpoint_has_its_alt_text_and_renditions(client, version):
    image = get_image_model().objects.get(description=SHARE_IMAGE_DESCRIPTION)

    data = get_json(client, f"/api/{version}/images/{image.pk}/")
    listed = get_json(client, f"/api/{version}/images/")["items"]

    assert data["alt"] == SHARE_IMAGE_DESCRIPTION
    assert set(data["renditions"]) == RENDITIONS
    assert data["renditions"]["w480_webp"].startswith("http")
    item = next(item for item in listed if item["id"] == image.pk)
    assert item["alt"] == SHARE_IMAGE_DESCRIPTION
    assert item["renditions"] == data["renditions"]


def test_api_v3_documents_the_alt_text_and_renditions_of_images(client):
    openapi = get_json(client, "/api/v3/openapi.json")

    schema = openapi["paths"]["/api/v3/images/{image_id}/"]["get"]["responses"]["200"]
    name = schema["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    properties = openapi["components"]["schemas"][name]["properties"]
    assert {"alt", "renditions"} <= set(properties)
