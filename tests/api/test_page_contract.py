"""A frontend developer builds the French campaign page, and every other page, from the API
alone: the same fields in both APIs, with useful shapes (HTML with real links, images with
renditions, translated snippets, documents, videos, typed blocks)."""

import json

import pytest
from django.apps import apps
from wagtail.images import get_image_model

from core.models import SiteSettings
from home.models import CampaignPage, HomePage, StandardPage
from resources.models import ResourcePage
from stories.models import SurvivorStoryPage
from tests.api.conftest import get_json, in_language, locale, path_of
from tests.content import CAMPAIGN_HERO_ALT
from tests.factories import StandardPageFactory
from tests.page_types import PAGE_TYPES

pytestmark = pytest.mark.usefixtures("api_site")

RENDITIONS = {"w480_webp", "w960_webp", "w1440_webp", "w480_jpeg", "w960_jpeg", "share_jpeg"}


def v2_detail(client, page, **params):
    return get_json(client, f"/api/v2/pages/{page.pk}/", params)


def v3_detail(client, page, **params):
    return get_json(client, f"/api/v3/pages/{page.pk}/", params)


@pytest.mark.django_db
def test_french_frontend_finds_campaign_by_its_path(client):
    campaign = in_language(CampaignPage, "fr")

    v2 = client.get("/api/v2/pages/find/", {"html_path": path_of(campaign)})
    v3 = client.get("/api/v3/pages/find/", {"html_path": path_of(campaign)})

    assert v2.status_code == 302
    assert get_json(client, v2["Location"])["id"] == campaign.pk
    assert v3.status_code == 302
    assert get_json(client, v3["Location"])["id"] == campaign.pk


@pytest.mark.django_db
def test_french_campaign_page_carries_everything_to_build_it(client, api_site):
    campaign = in_language(CampaignPage, "fr")
    french_settings = SiteSettings.objects.get(locale=locale("fr"))

    data = v2_detail(client, campaign)

    assert data["meta"]["locale"] == "fr"
    assert data["meta"]["html_url"] == campaign.full_url
    assert data["title"] == campaign.title
    assert data["hashtag"] == "#WorldDayAgainstTrafficking"
    assert data["awareness_date"] == "2026-07-30"
    assert data["next_awareness_day"].endswith("-07-30")
    assert data["intro"] == campaign.intro
    hero = data["hero_image"]
    assert hero["alt"] == f"[fr] {CAMPAIGN_HERO_ALT}"
    assert set(hero["renditions"]) == RENDITIONS
    assert [block["type"] for block in data["body"]] == ["section"] * 2
    assert data["body"][0]["value"]["heading"] == "[fr] What is the issue?"
    assert data["body"][0]["value"]["body"].startswith("<p>")
    calls = {block["value"]["kind"]: block["value"] for block in data["calls_to_action"]}
    assert calls["donate"]["link"] == french_settings.donate_url
    assert calls["newsletter"]["link"] == french_settings.newsletter_url
    assert calls["share"]["link"] is None
    assert calls["coalition"]["link"].startswith("https://")
    related = data["related_pages"]
    assert related and {item["locale"] for item in related} == {"fr"}
    assert {item["type"] for item in related} == {
        "stories.SurvivorStoryPage",
        "resources.ResourcePage",
    }
    story = next(item for item in related if item["type"] == "stories.SurvivorStoryPage")
    assert story["content_warning"]["topics"]
    assert story["content_warning"]["summary"].startswith("Avertissement")
    assert [partner["name"] for partner in data["partners"]] == [
        partner.name for partner in campaign.localized_partners
    ]
    assert "Accès à la justice" in [topic["name"] for topic in data["topics"]]
    assert {region["name"] for region in data["regions"]} == {
        "[fr] Kenya",
        "[fr] Global",
        "[fr] Malawi",
    }
    assert {item["locale"] for item in data["translations"]} == {"en", "es", "sw", "ar"}
    assert "linktype" not in json.dumps(data)


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_both_apis_show_the_same_fields_with_the_same_values(client, page_type):
    model = apps.get_model(page_type)
    page = in_language(model, "fr")

    v2 = v2_detail(client, page)
    v3 = v3_detail(client, page)

    declared = [field.name for field in model.api_fields]
    assert "translations" in declared
    assert {key: v2[key] for key in declared} == {key: v3[key] for key in declared}
    assert v2["meta"]["locale"] == v3["meta"]["locale"] == "fr"


@pytest.mark.django_db
def test_images_come_with_alt_text_focal_point_and_webp_renditions(client):
    campaign = in_language(CampaignPage, "es")
    image = campaign.hero_image
    image.focal_point_x, image.focal_point_y = 800, 300
    image.focal_point_width, image.focal_point_height = 200, 100
    image.save()

    hero = v2_detail(client, campaign)["hero_image"]

    assert hero["id"] == image.pk
    assert hero["alt"] == f"[es] {CAMPAIGN_HERO_ALT}"
    assert (hero["width"], hero["height"]) == (image.width, image.height)
    assert hero["focal_point"] == {"x": 800, "y": 300, "width": 200, "height": 100}
    webp = client.get(hero["renditions"]["w480_webp"].removeprefix("http://127.0.0.1:8000"))
    assert webp.status_code == 200
    assert webp["Content-Type"] == "image/webp"
    assert "format-jpeg" in hero["renditions"]["w960_jpeg"]


@pytest.mark.django_db
def test_resource_gives_its_translated_type_topics_regions_and_documents(client):
    resource = in_language(ResourcePage, "fr", slug="laws-across-africa")

    data = v2_detail(client, resource)

    assert data["resource_type"] == {
        "id": resource.resource_type.pk,
        "name": "[fr] Policy brief",
        "slug": "policy-brief",
        "description": resource.resource_type.description,
    }
    assert [topic["slug"] for topic in data["topics"]] == ["access-to-justice"]
    assert [topic["name"] for topic in data["topics"]] == ["Accès à la justice"]
    assert data["publication_date"] == "2025-11-20"
    assert data["featured"] is True
    [download] = data["downloads"]
    document = download["value"]["document"]
    assert download["type"] == "download"
    assert document["format"] == "pdf"
    assert document["size"] > 0
    assert document["url"].startswith("http://127.0.0.1:8000/documents/")
    assert download["value"]["title"]
    assert data["cover_image"]["renditions"]["w960_webp"].endswith(".webp")
    assert [block["type"] for block in data["body"]] == ["paragraph"]


@pytest.mark.django_db
def test_video_resources_link_to_the_video_site_without_fetching_it(client, monkeypatch):
    def no_oembed(*args, **kwargs):
        raise AssertionError("oEmbed must not be fetched")

    monkeypatch.setattr("wagtail.embeds.embeds.get_embed", no_oembed)
    videos = ResourcePage.objects.filter(locale=locale("sw"), resource_type__slug="video")

    found = {v2_detail(client, page)["video"][0]["value"]["provider"]: page for page in videos}

    assert set(found) == {"YouTube", "Vimeo"}
    vimeo = v3_detail(client, found["Vimeo"])["video"][0]
    assert vimeo == {
        "type": "video",
        "value": {
            "provider": "Vimeo",
            "url": "https://vimeo.com/123456789",
            "title": vimeo["value"]["title"],
        },
        "id": vimeo["id"],
    }


@pytest.mark.django_db
def test_rich_text_links_lead_to_pages_in_the_pages_language(client):
    english_about = StandardPage.objects.get(locale=locale("en"), slug="about")
    french_about = english_about.get_translation(locale("fr"))
    page = StandardPageFactory(
        parent=in_language(HomePage, "fr"),
        locale=locale("fr"),
        title="Partenaires",
        body=[
            (
                "paragraph",
                f'<p>Lire <a linktype="page" id="{english_about.pk}">qui nous sommes</a>.</p>',
            ),
        ],
    )

    for data in (v2_detail(client, page), v3_detail(client, page)):
        html = data["body"][0]["value"]
        assert html == f'<p>Lire <a href="{french_about.url}">qui nous sommes</a>.</p>'

    # Other formats on request (Wagtail's Markdown links to the linked page itself).
    markdown = v2_detail(client, page, rich_text_format="markdown")["body"][0]["value"]
    assert markdown.startswith("Lire [qui nous sommes](/")


@pytest.mark.django_db
def test_stream_blocks_have_stable_types_and_typed_values(client):
    image = get_image_model().objects.first()
    page = StandardPageFactory(
        parent=in_language(HomePage, "en"),
        body=[
            ("paragraph", "<p>Text</p>"),
            ("section", {"heading": "Why", "body": "<p>Because</p>", "image": image}),
            ("image", {"image": image, "caption": "A caption"}),
            ("quote", {"quote": "Words", "attribution": "Someone"}),
            ("video", {"video": "https://youtu.be/abc", "title": "A film"}),
            (
                "call_to_action",
                {
                    "kind": "coalition",
                    "heading": "Join",
                    "text": "",
                    "button_label": "Go",
                    "link": "https://join.example.org/",
                },
            ),
        ],
    )

    body = v2_detail(client, page)["body"]

    assert [block["type"] for block in body] == [
        "paragraph",
        "section",
        "image",
        "quote",
        "video",
        "call_to_action",
    ]
    assert body[1]["value"]["image"]["id"] == image.pk
    assert body[2]["value"] == {"image": body[1]["value"]["image"], "caption": "A caption"}
    assert body[3]["value"] == {"quote": "Words", "attribution": "Someone"}
    assert body[4]["value"] == {
        "provider": "YouTube",
        "url": "https://youtu.be/abc",
        "title": "A film",
    }
    assert body[5]["value"]["link"] == "https://join.example.org/"
    assert all(block["id"] for block in body)
    assert body == v3_detail(client, page)["body"]


@pytest.mark.django_db
def test_survivor_story_puts_its_content_warning_before_the_story(client):
    story = in_language(SurvivorStoryPage, "ar")

    for data in (v2_detail(client, story), v3_detail(client, story)):
        keys = [key for key in data if key not in ("id", "meta", "title", "type")]
        assert keys[0] == "content_warning"
        assert data["content_warning"]["text"] == story.content_warning
        assert keys.index("quote") < keys.index("body")
        assert data["country"] is None or data["country"]["is_country"] is True
        assert data["pseudonym"] == story.pseudonym
        if story.age_range:
            assert data["age_range"]["code"] == story.age_range


@pytest.mark.django_db
def test_home_page_gives_featured_campaign_resources_and_stories_in_its_language(client):
    home = in_language(HomePage, "sw")

    data = v3_detail(client, home)

    assert data["featured_campaign"]["id"] == in_language(CampaignPage, "sw").pk
    assert data["featured_resources"]
    assert {item["locale"] for item in data["featured_resources"]} == {"sw"}
    assert {item["type"] for item in data["latest_stories"]} == {"stories.SurvivorStoryPage"}
    assert data["hero_image"]["renditions"]["w1440_webp"]


@pytest.mark.django_db
def test_pages_without_an_address_are_left_out_of_related_pages_and_translations(client):
    """A related page or a translation in a tree that no site serves (an editor's archive
    tree) has no address a frontend could link to: both APIs leave it out instead of failing."""
    from wagtail.models import Page

    from tests.factories import HomePageFactory, ResourcePageFactory

    campaign = in_language(CampaignPage, "en")
    archive = HomePageFactory(parent=Page.get_first_root_node(), title="Archive", slug="archive")
    unreachable = ResourcePageFactory(parent=archive, title="Archived report")
    campaign.related_pages = [
        *[("page", block.value) for block in campaign.related_pages],
        ("page", unreachable),
    ]
    campaign.save_revision().publish()
    english_resource = in_language(ResourcePage, "en")
    # Its Swahili translation filed in the archive, outside every site.
    in_language(ResourcePage, "sw", slug=english_resource.slug).move(archive, "last-child")
    for detail in (v2_detail(client, campaign), v3_detail(client, campaign)):
        related_ids = [item["id"] for item in detail["related_pages"]]
        assert related_ids and unreachable.pk not in related_ids
    for detail in (v2_detail(client, english_resource), v3_detail(client, english_resource)):
        assert {item["locale"] for item in detail["translations"]} == {"fr", "es", "ar"}
