"""A Swahili translator's day, in the real admin: machine draft, review, publish, then a change."""

import os
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from resources.models import ResourceIndexPage, ResourcePage
from tests.factories import ResourcePageFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def swahili_draft(demo_site, django_user_model):
    call_command("setup_roles", stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))  # noqa: SIM115
    translator = django_user_model.objects.create_user(
        "mtafsiri", email="mtafsiri@example.org", password="a-long-passphrase"
    )
    translator.groups.add(Group.objects.get(name="Translators – Swahili"))
    library = ResourceIndexPage.objects.get(locale__language_code="en")
    resource = ResourcePageFactory(
        parent=library,
        title="Trafficking survivors need safe housing",
        slug="safe-housing",
        summary="Safe housing is the first step to recovery.",
        resource_type=ResourcePage.objects.filter(locale=library.locale).first().resource_type,
    )
    swahili = Locale.objects.get(language_code="sw")
    translate_object(resource, [swahili])
    return resource, resource.get_translation(swahili)


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_swahili_translator_publishes_a_machine_draft_and_sees_later_changes(
    browser, live_server, swahili_draft
):
    english, swahili = swahili_draft
    assert not swahili.live
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, "mtafsiri", "a-long-passphrase")

    page.goto("/admin/reports/translation-coverage/")
    swahili_section = page.locator("#coverage-sw")
    swahili_section.get_by_role(
        "link", name=re.compile(f"Open the Swahili version.*{english.title}")
    ).click()
    page.get_by_role("button", name="Translate with Development translator").first.click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Publish in Swahili").click()
    # Every segment is machine text no person has checked: the site asks first.
    page.get_by_role("button", name="Publish with machine translation").click()
    page.wait_for_load_state()

    swahili.refresh_from_db()
    assert swahili.live
    assert swahili.title == " ".join(reversed(english.title.split(" ")))
    page.goto(swahili.url)
    assert page.locator("html").get_attribute("lang") == "sw"
    assert page.locator("h1").inner_text() == swahili.title

    english.summary = "Safe housing and legal help are the first steps to recovery."
    english.save_revision().publish()
    page.goto("/admin/reports/translation-coverage/")
    swahili_report = page.locator("#coverage-sw").inner_text()
    assert "1 outdated translation" in swahili_report
    assert english.title in swahili_report.split("1 outdated translation", 1)[1]
    context.close()
