"""A visitor on a shared phone leaves the site at once, and Back does not bring the page back."""

import pytest
from django.utils import translation

from core.models import SiteSettings

pytestmark = pytest.mark.browser


@pytest.fixture
def neutral_page(live_server, demo_site):
    # A page of the test server stands in for the neutral site (the tests reach no other host).
    url = f"{live_server.url}/healthz"
    SiteSettings.objects.update(quick_exit_url=url)
    return url


@pytest.mark.parametrize("language", ["en", "ar"])
def test_quick_exit_leaves_for_the_neutral_page_and_back_does_not_return(
    phone, neutral_page, language
):
    phone.goto(f"/{language}/")
    exit_link = phone.locator("[data-quick-exit]")
    assert exit_link.is_visible()
    assert exit_link.inner_text().strip()

    exit_link.click()
    phone.wait_for_url(neutral_page)
    phone.go_back()

    assert f"/{language}/" not in phone.url


def test_pressing_escape_twice_leaves_the_site(phone, neutral_page):
    phone.goto("/en/")
    phone.locator("h1").click()

    phone.keyboard.press("Escape")
    phone.keyboard.press("Escape")

    phone.wait_for_url(neutral_page)
    phone.go_back()
    assert "/en/" not in phone.url


def test_without_javascript_quick_exit_is_a_plain_link(browser, live_server, neutral_page):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/fr/")

    page.locator("[data-quick-exit]").click()

    page.wait_for_url(neutral_page)
    context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_browse_safely_is_linked_beside_the_quick_exit_on_a_phone(phone, neutral_page, language):
    with translation.override(language):
        title = SiteSettings.objects.get(locale__language_code=language).browse_safely.title
    phone.goto(f"/{language}/")
    bar = phone.locator(".quick-exit")
    link = bar.locator("[data-browse-safely]")

    assert link.is_visible()
    box, bar_box = link.bounding_box(), bar.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360  # on the screen, not cut off
    assert bar_box["y"] <= box["y"] and box["y"] + box["height"] <= bar_box["y"] + bar_box["height"]
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.hasAttribute('data-quick-exit')")

    link.click()
    phone.wait_for_load_state()
    assert phone.locator("h1").inner_text() == title
    assert phone.evaluate("document.documentElement.lang") == language


def test_quick_exit_replaces_only_the_page_it_leaves(phone, neutral_page):
    """What the browse-safely page explains: the pages opened before stay in the history."""
    from stories.models import SurvivorStoryPage

    story = SurvivorStoryPage.objects.live().filter(locale__language_code="en").first()
    phone.goto(story.url)
    phone.goto(story.get_parent().url)

    phone.locator("[data-quick-exit]").click()
    phone.wait_for_url(neutral_page)
    phone.go_back()

    assert phone.url.endswith(story.url)
