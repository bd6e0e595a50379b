import pytest
from django.conf import settings
from wagtail.models import Locale

from core.models import SiteSettings
from demo.pages import first_live_page
from tests.html import parse
from tests.page_types import PAGE_TYPES

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
pytestmark = pytest.mark.usefixtures("module_site_content")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_renders_in_every_language(client, page_type, language):
    page = first_live_page(page_type, language)
    response = client.get(page.url)

    assert response.status_code == 200
    document = parse(response)
    html = document.find("html")
    assert html["lang"] == language
    assert html["dir"] == ("rtl" if language == "ar" else "ltr")
    assert page.title in document.text
    assert document.find("title") is not None
    assert document.meta("description")
    assert document.meta("og:image").startswith("http")
    assert document.meta("og:url") == page.full_url
    assert document.find("link", rel="canonical")["href"] == page.full_url
    alternates = {
        link["hreflang"]: link["href"] for link in document.find_all("link", rel="alternate")
    }
    expected = {
        translation.locale.language_code: translation.full_url
        for translation in page.get_translations(inclusive=True).live()
    }
    assert {code: href for code, href in alternates.items() if code != "x-default"} == expected
    assert set(expected) == set(LANGUAGE_CODES)
    assert alternates["x-default"] == expected["en"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_has_landmarks_and_headings_in_order(client, page_type, language):
    document = parse(client.get(first_live_page(page_type, language).url))

    levels = [int(tag[1]) for tag, _attrs in document.elements if tag in {"h1", "h2", "h3", "h4"}]
    assert levels.count(1) == 1
    assert levels[0] == 1
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, levels
    links = document.find_all("a")
    assert "data-quick-exit" in links[0]
    assert (
        links[0]["href"] == SiteSettings.objects.get(locale__language_code=language).quick_exit_url
    )
    assert links[1]["href"] == "#main"
    assert document.find("main", id="main") is not None
    assert document.find("a", href="#main") is not None
    assert all(nav.get("aria-label") for nav in document.find_all("nav"))
    for image in document.find_all("img"):
        assert "alt" in image


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "ar", "sw"])
def test_language_switcher_lands_on_the_same_page_in_each_language(client, language):
    campaign = first_live_page("home.CampaignPage", "en")
    document = parse(client.get(campaign.url))
    switcher_links = {
        link["hreflang"]: link["href"] for link in document.find_all("a") if link.get("hreflang")
    }
    translation = campaign.get_translation(Locale.objects.get(language_code=language))

    response = client.get(switcher_links[language])

    assert switcher_links[language] == translation.url
    assert response.status_code == 200
    assert parse(response).find("html")["lang"] == language
    assert translation.title in parse(response).text


@pytest.mark.django_db
def test_translated_pages_show_translated_text_not_english(client):
    english = first_live_page("home.CampaignPage", "en")
    for language in ["fr", "es", "sw", "ar"]:
        translated = first_live_page("home.CampaignPage", language)
        text = parse(client.get(translated.url)).text
        assert translated.title != english.title
        assert english.intro not in text
        assert translated.intro in text


@pytest.mark.django_db
def test_main_navigation_and_snippets_read_in_the_visitors_language(client):
    french_resource = first_live_page("resources.ResourcePage", "fr")
    text = parse(client.get(french_resource.url)).text

    assert french_resource.resource_type.locale.language_code == "fr"
    assert french_resource.resource_type.name in text
    for topic in french_resource.localized_topics:
        assert topic.locale.language_code == "fr"
        assert topic.name in text
    french_resources_index = first_live_page("resources.ResourceIndexPage", "fr")
    nav_links = [a["href"] for a in parse(client.get(french_resource.url)).find_all("a")]
    assert french_resources_index.url in nav_links


@pytest.mark.django_db
def test_arabic_pages_write_dates_with_arabic_indic_digits(client):
    arabic_resource = first_live_page("resources.ResourcePage", "ar")
    english_resource = first_live_page("resources.ResourcePage", "en")

    arabic = parse(client.get(arabic_resource.url))
    english = parse(client.get(english_resource.url))

    year = str(arabic_resource.publication_date.year)
    arabic_year = year.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert arabic_year in arabic.text
    assert arabic.find("time")["datetime"].startswith(year)
    assert str(english_resource.publication_date.year) in english.text
