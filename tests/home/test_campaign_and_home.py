from urllib.parse import parse_qs, urlsplit

import pytest

from core.models import SiteSettings
from home.models import CampaignPage, HomePage
from tests.content import COALITION_JOIN_URL
from tests.html import parse

pytestmark = pytest.mark.usefixtures("module_site_content")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "sw"])
def test_campaign_page_shows_awareness_day_hashtag_and_ways_to_act(client, language):
    campaign = CampaignPage.objects.get(locale__language_code=language)
    settings = SiteSettings.objects.get(locale__language_code=language)
    response = client.get(campaign.url)
    document = parse(response)
    links = [a["href"] for a in document.find_all("a") if "href" in a]

    assert campaign.hashtag in document.text
    awareness_day = document.find("time")["datetime"]
    assert awareness_day == campaign.next_awareness_day().isoformat()
    assert awareness_day.endswith("-07-30")
    share_links = [href for href in links if "intent" in href or "sharer" in href]
    assert share_links
    x_link = next(href for href in share_links if href.startswith("https://x.com/"))
    query = parse_qs(urlsplit(x_link).query)
    assert query["hashtags"] == [campaign.hashtag.lstrip("#")]
    assert query["url"] == [campaign.full_url]
    assert settings.donate_url in links
    assert settings.newsletter_url in links
    assert COALITION_JOIN_URL in links
    for block in campaign.body:
        assert block.value["heading"] in document.text


@pytest.mark.django_db
def test_campaign_lists_related_resources_and_stories_in_the_visitors_language(client):
    campaign = CampaignPage.objects.get(locale__language_code="fr")
    related = campaign.related_live_pages
    document = parse(client.get(campaign.url))
    hrefs = {a.get("href") for a in document.find_all("a")}

    assert related
    for page in related:
        assert page.locale.language_code == "fr"
        assert page.url in hrefs


@pytest.mark.django_db
def test_unpublished_related_resource_disappears_from_the_campaign(client):
    campaign = CampaignPage.objects.get(locale__language_code="en")
    resource = campaign.related_live_pages[-1]
    resource.unpublish()

    hrefs = {a.get("href") for a in parse(client.get(campaign.url)).find_all("a")}

    assert resource.url not in hrefs


@pytest.mark.django_db
def test_campaign_share_image_and_social_card(client):
    campaign = CampaignPage.objects.get(locale__language_code="ar")
    document = parse(client.get(campaign.url))

    image_url = document.meta("og:image")
    assert image_url.startswith("http")
    assert document.meta("twitter:card") == "summary_large_image"
    assert document.meta("og:title") == campaign.title
    assert document.meta("og:locale") == "ar"
    assert client.get(urlsplit(image_url).path).status_code == 200
    assert document.meta("description")


@pytest.mark.django_db
def test_home_page_features_the_campaign_resources_and_stories(client):
    home = HomePage.objects.get(locale__language_code="es")
    document = parse(client.get(home.url))
    hrefs = {a.get("href") for a in document.find_all("a")}

    campaign = CampaignPage.objects.get(locale__language_code="es")
    assert campaign.url in hrefs
    assert home.hero_heading in document.text
    headings = [tag for tag, _attrs in document.elements if tag in ("h1", "h2", "h3")]
    assert headings.count("h1") == 1
    assert headings[0] == "h1"


@pytest.mark.django_db
def test_pages_load_no_third_party_scripts_styles_or_fonts(client):
    for language in ["en", "ar"]:
        document = parse(client.get(f"/{language}/"))
        for script in document.find_all("script"):
            assert not script.get("src", "").startswith(("http", "//"))
        for link in document.find_all("link", rel="stylesheet"):
            assert link["href"].startswith("/static/")
        for image in document.find_all("img"):
            assert image["src"].startswith("/media/")
            assert "alt" in image
