"""What both APIs say the same way: lists (`items` and `count`), languages, timestamps (ISO 8601
in UTC to the millisecond), the addresses `find` leads to (absolute), and a story's `body` (a
stream of blocks, as on every other page)."""

import datetime
import re

import pytest

from home.models import CampaignPage, StandardPage
from stories.models import SurvivorStoryPage
from tests.api.conftest import get_json, in_language, path_of

pytestmark = pytest.mark.usefixtures("module_site_content")

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/{api}/pages/", "/api/{api}/topics/", "/api/{api}/locales/"])
def test_lists_have_items_and_count_in_both_apis(client, url):
    v2 = get_json(client, url.format(api="v2"), {"locale": "fr"} if "pages" in url else {})
    v3 = get_json(client, url.format(api="v3"), {"locale": "fr"} if "pages" in url else {})

    assert v2["count"] == v3["count"] == len(v3["items"]) > 0
    assert v2["meta"]["total_count"] == v2["count"]  # kept for API v2's clients
    assert [item["id"] if "id" in item else item["code"] for item in v2["items"]] == [
        item["id"] if "id" in item else item["code"] for item in v3["items"]
    ]


@pytest.mark.django_db
def test_timestamps_are_written_alike_to_the_millisecond(client):
    moments = {
        in_language(CampaignPage, "fr"): datetime.datetime(2026, 7, 30, 9, tzinfo=datetime.UTC),
        in_language(StandardPage, "fr"): datetime.datetime(
            2026, 7, 30, 9, 0, 0, 123456, tzinfo=datetime.UTC
        ),
    }
    written = []
    for page, moment in moments.items():
        page.first_published_at = moment
        page.save(update_fields=["first_published_at"])
        v2 = get_json(client, f"/api/v2/pages/{page.pk}/")["meta"]["first_published_at"]
        v3 = get_json(client, f"/api/v3/pages/{page.pk}/")["meta"]["first_published_at"]
        assert v2 == v3
        written.append(v3)

    assert written == ["2026-07-30T09:00:00.000Z", "2026-07-30T09:00:00.123Z"]


@pytest.mark.django_db
def test_list_timestamps_have_the_same_precision(client):
    v2 = get_json(client, "/api/v2/pages/", {"locale": "fr"})["items"]
    v3 = get_json(client, "/api/v3/pages/", {"locale": "fr"})["items"]

    stamps = [item["meta"]["first_published_at"] for item in v2 + v3]
    assert stamps and all(TIMESTAMP.match(stamp) for stamp in stamps), stamps


@pytest.mark.django_db
@pytest.mark.parametrize("api", ["v2", "v3"])
def test_find_leads_to_an_absolute_address(client, api):
    campaign = in_language(CampaignPage, "fr")

    response = client.get(f"/api/{api}/pages/find/", {"html_path": path_of(campaign)})

    assert response.status_code == 302
    assert response["Location"].startswith("http")
    assert response["Location"].split("?")[0].endswith(f"/api/{api}/pages/{campaign.pk}/")


@pytest.mark.django_db
@pytest.mark.parametrize("api", ["v2", "v3"])
def test_a_storys_body_is_a_stream_of_blocks_like_every_other_body(client, api):
    story = in_language(SurvivorStoryPage, "fr")
    standard = in_language(StandardPage, "fr")

    story_body = get_json(client, f"/api/{api}/pages/{story.pk}/")["body"]
    standard_body = get_json(client, f"/api/{api}/pages/{standard.pk}/")["body"]

    assert [block["type"] for block in story_body] == ["paragraph"]
    assert story_body[0]["value"].startswith("<p>") and "linktype" not in story_body[0]["value"]
    assert re.fullmatch(r"[0-9a-f-]{36}", story_body[0]["id"])
    assert all(set(block) == {"type", "value", "id"} for block in standard_body + story_body)


@pytest.mark.django_db
def test_a_storys_body_block_keeps_its_id_across_translations(client):
    english = in_language(SurvivorStoryPage, "en")
    french = in_language(SurvivorStoryPage, "fr", translation_key=english.translation_key)

    ids = {
        get_json(client, f"/api/v3/pages/{page.pk}/")["body"][0]["id"] for page in (english, french)
    }

    assert len(ids) == 1
