"""A visitor filters the library, pages through the results, goes Back and Forward: the
results change without a full reload, the address holds the whole state, and focus lands on
the results' heading, whose count is announced."""

import datetime

import pytest

from resources.models import ResourceIndexPage, ResourcePage, Topic
from tests.factories import ResourcePageFactory

pytestmark = pytest.mark.browser

EXTRA = 25  # more than a page of results for one topic


@pytest.fixture
def library(demo_site):
    library = ResourceIndexPage.objects.get(locale__language_code="en")
    topic = Topic.objects.get(locale__language_code="en", slug="online-exploitation")
    resource_type = ResourcePage.objects.filter(locale=library.locale).first().resource_type
    for number in range(EXTRA):
        ResourcePageFactory(
            parent=library,
            title=f"Online safety note {number:02}",
            resource_type=resource_type,
            publication_date=datetime.date(2020, 1, 1 + number),
            topics=[topic],
        )
    return library


def focused_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_filtering_paging_back_and_forward_without_reloads(phone, library):
    from playwright.sync_api import expect

    phone.goto(library.url)
    phone.evaluate("window.notReloaded = true")
    heading = phone.locator("#library-results-heading")
    total = heading.inner_text()

    phone.locator('input[name="topic"][value="online-exploitation"]').check()
    phone.get_by_role("button", name="Show resources").click()

    phone.wait_for_url("**/resources/?topic=online-exploitation**")
    expect(heading).not_to_have_text(total)
    assert focused_id(phone) == "library-results-heading"
    expect(phone.locator("[data-library-status]")).to_have_text(heading.inner_text())
    first_page = phone.locator(".library-list .card__title").all_inner_texts()

    phone.locator(".pagination a[rel=next]").click()
    phone.wait_for_url("**page=2")
    assert "topic=online-exploitation" in phone.url
    assert focused_id(phone) == "library-results-heading"
    expect(phone.locator(".pagination [aria-current=page]")).to_contain_text("2")
    assert phone.locator(".library-list .card__title").all_inner_texts() != first_page

    phone.go_back()
    phone.wait_for_url(lambda url: "topic=online-exploitation" in url and "page=2" not in url)
    expect(phone.locator(".library-list .card__title").first).to_have_text(first_page[0])
    assert phone.locator('input[value="online-exploitation"]').is_checked()

    phone.go_forward()
    phone.wait_for_url("**page=2")
    expect(phone.locator(".pagination [aria-current=page]")).to_contain_text("2")

    phone.go_back()
    phone.go_back()
    phone.wait_for_url(lambda url: url.endswith(library.url))
    expect(heading).to_have_text(total)
    assert phone.evaluate("window.notReloaded") is True


def test_without_javascript_the_filter_form_and_pages_are_plain_links(
    browser, live_server, library
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(library.url)

    page.locator('input[name="topic"][value="online-exploitation"]').check()
    page.get_by_role("button", name="Show resources").click()
    page.wait_for_url("**topic=online-exploitation**")
    page.locator(".pagination a[rel=next]").click()

    page.wait_for_url("**page=2")
    assert "topic=online-exploitation" in page.url
    context.close()
