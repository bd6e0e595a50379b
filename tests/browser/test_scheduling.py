"""Scheduling in the real admin: the date picker leaves the dialog's "Save schedule" and the
consent form's "Save" in reach, on a laptop and on a phone."""

import pytest
from django.contrib.auth import get_user_model

from stories.models import ConsentRecord, StoryIndexPage
from tests.factories import SurvivorStoryPageFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-passphrase-for-tests"
WIDTHS = [(1280, 900), (360, 740)]


@pytest.fixture
def admin_user(demo_site):
    return get_user_model().objects.create_superuser("scheduler", "s@example.org", PASSWORD)


def session(browser, live_server, size):
    width, height = size
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": height}
    )
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", "scheduler")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def is_reachable(page, locator):
    """The element is on screen and on top at its centre, so a click lands on it."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    if box is None:
        return False
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    return page.evaluate(
        "([el, x, y]) => { const top = document.elementFromPoint(x, y);"
        " return !!top && (top === el || el.contains(top)); }",
        [locator.element_handle(), x, y],
    )


@pytest.mark.parametrize("size", WIDTHS, ids=lambda size: f"{size[0]}px")
def test_save_schedule_stays_in_reach_with_the_picker_open(browser, live_server, admin_user, size):
    story_index = StoryIndexPage.objects.get(locale__language_code="en")
    page = session(browser, live_server, size)
    page.goto(f"/admin/pages/{story_index.pk}/edit/")
    page.locator("[data-side-panel-toggle='status']").first.click()
    page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first.click()

    for field in ("#id_go_live_at", "#id_expire_at"):
        page.locator(field).click()
        picker = page.locator(".xdsoft_datetimepicker:visible")
        # The whole picker is usable too: its month arrows and last days are not cut off.
        assert is_reachable(page, picker.locator(".xdsoft_monthpicker .xdsoft_next"))
        assert is_reachable(page, picker.locator(".xdsoft_calendar td").last)
        assert is_reachable(page, page.get_by_role("button", name="Save schedule"))


@pytest.mark.parametrize("size", WIDTHS, ids=lambda size: f"{size[0]}px")
def test_consent_form_save_stays_in_reach_with_the_picker_open(
    browser, live_server, admin_user, size
):
    story = SurvivorStoryPageFactory(
        parent=StoryIndexPage.objects.get(locale__language_code="en"), title="Told", slug="told"
    )
    record = ConsentRecord.objects.get(story=story)
    page = session(browser, live_server, size)
    page.goto(f"/admin/snippets/stories/consentrecord/edit/{record.pk}/")
    page.locator("#id_expires_on").click()

    assert is_reachable(page, page.locator("footer button[type=submit]").first)
