"""A survivor story's way to the site, in the real admin: the editor is stopped without consent,
a story custodian records it, a story reviewer approves, and the story leaves by itself when the
consent ends."""

import datetime
import io
import os

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from stories.models import ConsentRecord, StoryIndexPage, SurvivorStoryPage
from tests.factories import SurvivorStoryPageFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-passphrase-for-tests"


@pytest.fixture
def people(demo_site, django_user_model):
    call_command("setup_roles", stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))  # noqa: SIM115
    people = {}
    for username, group in [
        ("editor", "Editors"),
        ("custodian", "Story custodians"),
        ("reviewer", "Story reviewers"),
    ]:
        user = django_user_model.objects.create_user(username, password=PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        people[username] = user
    return people


@pytest.fixture
def draft_story(demo_site):
    return SurvivorStoryPageFactory(
        parent=StoryIndexPage.objects.get(locale__language_code="en"),
        title="The bus to the coast",
        slug="bus-to-the-coast",
        quote="They said the job was at a hotel by the sea.",
        consent=False,
        live=False,
    )


def session(browser, live_server, username):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def open_more_actions(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_a_story_goes_live_only_with_consent_and_review_and_leaves_when_consent_ends(
    browser, live_server, people, draft_story
):
    edit_url = f"/admin/pages/{draft_story.pk}/edit/"

    # The editor is told why the story cannot be published and can only submit it for review.
    editor = session(browser, live_server, "editor")
    editor.goto(edit_url)
    assert editor.get_by_text("This story cannot be published.").is_visible()
    assert editor.locator("button[name='action-publish']").count() == 0
    open_more_actions(editor)
    editor.locator("button[name='action-submit']").click()
    editor.wait_for_url("**/admin/pages/*/")
    assert SurvivorStoryPage.objects.get(pk=draft_story.pk).workflow_in_progress

    # The reviewer cannot approve before a custodian records consent.
    reviewer = session(browser, live_server, "reviewer")
    reviewer.goto(edit_url)
    assert reviewer.locator("[data-workflow-action-name='approve']").count() == 0
    assert reviewer.get_by_text("No consent has been recorded for this story.").is_visible()

    # The custodian records consent with an expiry date, in the admin's own form.
    custodian = session(browser, live_server, "custodian")
    custodian.goto("/admin/snippets/stories/consentrecord/add/")
    custodian.get_by_role("button", name="Choose a page").click()
    chooser = custodian.locator(".modal")
    chooser.locator("input[name='q']").fill("bus to the coast")
    chooser.get_by_role("link", name="The bus to the coast").first.click()
    today = datetime.date.today()
    custodian.fill("#id_given_on", (today - datetime.timedelta(days=1)).isoformat())
    custodian.check("#id_covers_web")
    custodian.fill("#id_expires_on", (today + datetime.timedelta(days=90)).isoformat())
    custodian.get_by_role("button", name="Save").click()
    custodian.wait_for_url("**/admin/snippets/stories/consentrecord/")
    assert ConsentRecord.objects.get(story=draft_story).covers_web

    # Now the reviewer approves, and the story is on the site.
    reviewer.goto(edit_url)
    open_more_actions(reviewer)
    reviewer.locator("[data-workflow-action-name='approve']").first.click()
    reviewer.wait_for_url("**/admin/pages/*/")
    story = SurvivorStoryPage.objects.get(pk=draft_story.pk)
    assert story.live
    visitor = browser.new_context(base_url=live_server.url).new_page()
    assert visitor.goto(story.url).status == 200
    assert visitor.get_by_role("region", name="Content warning").is_visible()

    # The consent ends; the scheduled command takes the story off the site.
    ConsentRecord.objects.filter(story=story).update(expires_on=today)
    call_command("publish_scheduled", stdout=io.StringIO())
    assert visitor.goto(story.url).status == 404
    assert "bus-to-the-coast" not in visitor.goto("/sitemap.xml").text()
    reviewer.goto(f"/admin/pages/{story.pk}/history/")
    assert reviewer.get_by_text("Unpublished because the consent expired").first.is_visible()
