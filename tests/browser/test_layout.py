import pytest
from django.utils.translation import get_language_info

from home.models import CampaignPage

pytestmark = pytest.mark.browser


def horizontal_overflow(page):
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_visitor_switches_from_english_to_arabic_and_the_layout_mirrors(phone):
    phone.goto("/en/")
    assert phone.locator("html").get_attribute("dir") == "ltr"
    english_brand = phone.locator(".site-header__brand").bounding_box()

    phone.locator(".language-switcher a[hreflang='ar']").click()
    phone.wait_for_load_state()

    assert phone.url.endswith("/ar/")
    assert phone.locator("html").get_attribute("lang") == "ar"
    assert phone.locator("html").get_attribute("dir") == "rtl"
    arabic_name = get_language_info("ar")["name_local"]
    assert phone.locator(".language-switcher [aria-current]").inner_text() == arabic_name
    arabic_brand = phone.locator(".site-header__brand").bounding_box()
    # The brand starts the header: at the left in English, at the right in Arabic.
    assert english_brand["x"] < 60
    assert arabic_brand["x"] + arabic_brand["width"] > 360 - 60


@pytest.mark.parametrize("language", ["en", "ar"])
def test_pages_fit_a_small_phone_without_sideways_scrolling(phone, language):
    phone.goto(f"/{language}/")
    assert horizontal_overflow(phone) <= 0

    for link_number in range(phone.locator(".main-nav a").count()):
        phone.goto(f"/{language}/")
        phone.locator(".main-nav a").nth(link_number).click()
        phone.wait_for_load_state()
        assert horizontal_overflow(phone) <= 0, phone.url

    phone.goto(f"/{language}/")
    phone.locator(".card--campaign a").first.click()
    phone.wait_for_load_state()
    assert horizontal_overflow(phone) <= 0, phone.url


def test_language_switcher_keeps_the_visitor_on_the_same_campaign(phone):
    phone.goto("/en/")
    phone.locator(".card--campaign a").first.click()
    phone.wait_for_load_state()
    english_url = phone.url

    phone.locator(".language-switcher a[hreflang='fr']").click()
    phone.wait_for_load_state()

    assert "/fr/" in phone.url
    french_campaign = CampaignPage.objects.get(locale__language_code="fr")
    assert phone.locator("h1").inner_text() == french_campaign.title
    phone.locator(".language-switcher a[hreflang='en']").click()
    phone.wait_for_load_state()
    assert phone.url == english_url


def test_quick_exit_browse_safely_then_skip_link_are_the_first_things_a_keyboard_reaches(phone):
    phone.goto("/en/")

    reached = []
    for _ in range(3):
        phone.keyboard.press("Tab")
        reached.append(phone.evaluate("document.activeElement.className"))

    assert reached == ["quick-exit__link", "quick-exit__safely", "skip-link"]
    assert phone.locator(".skip-link").is_visible()
