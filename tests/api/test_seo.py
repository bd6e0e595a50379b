"""The `seo` object of page details: exactly what the site's own `<head>` says of the page, so
that a frontend renders the same head; and the share crop among the named renditions."""

import html
import re

import pytest

from core.models import SiteSettings
from core.renditions import SHARE_IMAGE
from home.models import CampaignPage, HomePage, StandardPage
from resources.models import ResourcePage
from stories.models import SurvivorStoryPage
from tests.api.conftest import get_json, in_language
from tests.html import Document

pytestmark = pytest.mark.usefixtures("api_site")

TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def head_of(client, page):
    """What the page's HTML says in its head, in the shape of the APIs' `seo`."""
    response = client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    document = Document(content)
    image_url = document.meta("og:image")
    canonical = document.find("link", rel="canonical")
    return {
        "title": document.meta("og:title"),
        "document_title": html.unescape(TITLE.search(content)[1]),
        "site_name": document.meta("og:site_name"),
        "description": document.meta("description") or "",
        "twitter_description": document.meta("twitter:description") or "",
        "canonical_url": canonical["href"] if canonical else None,
        "alternates": [
            {"hreflang": link["hreflang"], "url": link["href"]}
            for link in document.find_all("link", rel="alternate")
        ],
        "locale": document.meta("og:locale"),
        "og_type": document.meta("og:type"),
        "twitter_card": document.meta("twitter:card"),
        "image": image_url
        and {
            "url": image_url,
            "width": int(document.meta("og:image:width")),
            "height": int(document.meta("og:image:height")),
            "alt": document.meta("og:image:alt"),
        },
    }


def seo_of(client, version, page):
    return get_json(client, f"/api/{version}/pages/{page.pk}/")["seo"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize(
    "model", [HomePage, CampaignPage, ResourcePage, SurvivorStoryPage, StandardPage]
)
def test_the_apis_seo_is_what_the_pages_html_head_says(client, model, language):
    page = in_language(model, language)

    head = head_of(client, page)

    assert seo_of(client, "v2", page) == head
    assert seo_of(client, "v3", page) == head


@pytest.mark.django_db
def test_french_campaign_seo_in_french_with_every_language_and_a_share_crop(client):
    campaign = in_language(CampaignPage, "fr")
    french_settings = SiteSettings.objects.get(locale__language_code="fr")

    seo = seo_of(client, "v3", campaign)

    assert seo["title"] == campaign.title
    assert seo["document_title"] == f"{campaign.title} | {french_settings.site_name}"
    assert seo["locale"] == "fr"
    assert seo["canonical_url"] == campaign.full_url
    assert seo["description"]
    translations = {
        version.locale.language_code: version.full_url
        for version in campaign.get_translations(inclusive=True).live()
    }
    assert seo["alternates"] == [
        *({"hreflang": code, "url": translations[code]} for code in ["en", "fr", "es", "sw", "ar"]),
        {"hreflang": "x-default", "url": translations["en"]},
    ]
    assert seo["og_type"] == "article"
    assert seo["twitter_card"] == "summary_large_image"
    share = campaign.hero_image.get_rendition(SHARE_IMAGE)  # 1200×630 unless smaller
    assert (seo["image"]["width"], seo["image"]["height"]) == (share.width, share.height)
    assert round(share.width / share.height, 1) == round(1200 / 630, 1)
    assert seo["image"]["url"].startswith("http") and seo["image"]["url"].endswith(share.url)
    assert seo["image"]["alt"] == campaign.get_share_image_alt()  # the alt of this use, translated
    assert seo["image"]["alt"].startswith("[fr]")


@pytest.mark.django_db
def test_an_editors_seo_title_and_search_description_lead_in_the_head_and_the_api(client):
    page = in_language(StandardPage, "ar")
    page.seo_title = "من نحن وماذا نفعل"
    page.search_description = "منظمة تعمل ضد الاتجار بالبشر."
    page.save_revision().publish()

    seo = seo_of(client, "v2", page)

    assert seo["title"] == "من نحن وماذا نفعل"
    assert seo["description"] == "منظمة تعمل ضد الاتجار بالبشر."
    assert seo == head_of(client, page)


@pytest.mark.django_db
def test_seo_is_in_details_only(client):
    items = get_json(client, "/api/v2/pages/", {"type": "home.CampaignPage", "fields": "*"})
    assert items["items"] and all("seo" not in item for item in items["items"])
    get_json(client, "/api/v2/pages/", {"fields": "seo"}, status=400)


@pytest.mark.django_db
def test_the_openapi_document_types_seo(client):
    openapi = get_json(client, "/api/v3/openapi.json")
    schemas = openapi["components"]["schemas"]

    assert set(schemas["Seo"]["properties"]) == {
        "title",
        "document_title",
        "site_name",
        "description",
        "twitter_description",
        "canonical_url",
        "alternates",
        "locale",
        "og_type",
        "twitter_card",
        "image",
    }
    assert "share_jpeg" in schemas["ImageRenditions"]["properties"]


@pytest.mark.django_db
def test_images_come_with_the_share_crop_made_ahead(client):
    campaign = in_language(CampaignPage, "sw")

    hero = get_json(client, f"/api/v3/pages/{campaign.pk}/")["hero_image"]

    rendition = campaign.hero_image.get_rendition(SHARE_IMAGE)
    assert hero["renditions"]["share_jpeg"].endswith(rendition.url)
    assert client.get(rendition.url).status_code == 200
