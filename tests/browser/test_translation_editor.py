"""Translators in wagtail-localize's translation editor, in a real Chromium: related pages load,
and in an Arabic admin the labels are Arabic and English source texts keep their direction."""

import os

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.operations import translate_object

from home.models import CampaignIndexPage
from resources.models import ResourcePage
from tests.factories import CampaignPageFactory

pytestmark = pytest.mark.browser

QUESTION = "What is the issue?"


@pytest.fixture
def campaign_with_a_related_resource(demo_site):
    index = CampaignIndexPage.objects.get(locale__language_code="en")
    resource = ResourcePage.objects.filter(locale=index.locale, live=True).first()
    campaign = CampaignPageFactory(
        parent=index,
        title="Safe journeys",
        slug="safe-journeys",
        intro=QUESTION,
        related_pages=[("page", resource)],
    )
    campaign.save_revision().publish()
    translate_object(campaign, list(Locale.objects.filter(language_code__in=["fr", "ar"])))
    return campaign, resource


def translator(django_user_model, username, language, admin_language="en"):
    call_command("setup_roles", stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))  # noqa: SIM115
    user = django_user_model.objects.create_user(username, password="a-long-passphrase")
    user.groups.add(Group.objects.get(name=f"Translators – {language}"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = admin_language
    profile.save()
    return user


def open_editor(browser, live_server, username, page):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto("/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", "a-long-passphrase")
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    tab.goto(f"/admin/pages/{page.pk}/edit/")
    return context, tab


def test_a_translator_sees_the_related_pages_title_in_the_translation_editor(
    browser, live_server, campaign_with_a_related_resource, django_user_model
):
    from playwright.sync_api import expect

    campaign, resource = campaign_with_a_related_resource
    translator(django_user_model, "traductrice", "French")
    french = campaign.get_translation(Locale.objects.get(language_code="fr"))

    context, tab = open_editor(browser, live_server, "traductrice", french)

    editor = tab.locator(".js-translation-editor")
    expect(editor.locator(".page-chooser .title", has_text=resource.title)).to_be_visible()
    expect(editor.get_by_text("Fetching page information")).to_have_count(0)
    context.close()


def test_an_arabic_admin_labels_the_editor_in_arabic_and_keeps_english_left_to_right(
    browser, live_server, campaign_with_a_related_resource, django_user_model
):
    from playwright.sync_api import expect

    campaign, _resource = campaign_with_a_related_resource
    translator(django_user_model, "mutarjim", "Arabic", admin_language="ar")
    arabic_locale = Locale.objects.get(language_code="ar")
    arabic = campaign.get_translation(arabic_locale)
    with translation.override("ar"):
        expected_label = translation.gettext("%(source)s to %(target)s translation") % {
            "source": Locale.get_default().get_display_name(),
            "target": arabic_locale.get_display_name(),
        }

    context, tab = open_editor(browser, live_server, "mutarjim", arabic)

    editor = tab.locator(".js-translation-editor")
    expect(editor.locator("h3", has_text=expected_label).first).to_be_visible()
    source = editor.locator("li > p", has_text=QUESTION).first
    expect(source).to_be_visible()
    assert tab.locator("html").get_attribute("dir") == "rtl"
    # Left to right: the question's first letter is left of its question mark.
    first_letter_x, question_mark_x = source.evaluate(
        """(p) => {
            const text = p.firstChild, range = document.createRange();
            const x = (i) => { range.setStart(text, i); range.setEnd(text, i + 1);
                               return range.getBoundingClientRect().left; };
            return [x(0), x(text.length - 1)];
        }"""
    )
    assert first_letter_x < question_mark_x
    if os.environ.get("SCREENSHOT_DIR"):  # to look at it
        tab.screenshot(path=os.path.join(os.environ["SCREENSHOT_DIR"], "translation-editor-ar.png"))
    context.close()


def test_after_a_sync_a_translator_checks_the_previous_translation_of_a_changed_text(
    browser, live_server, campaign_with_a_related_resource, django_user_model
):
    from playwright.sync_api import expect
    from wagtail_localize.models import StringSegment, StringTranslation, Translation

    campaign, _resource = campaign_with_a_related_resource
    french_locale = Locale.objects.get(language_code="fr")
    translation_ = Translation.objects.get(
        source__object_id=campaign.translation_key, target_locale=french_locale
    )
    question = StringSegment.objects.get(source=translation_.source, string__data=QUESTION)
    StringTranslation.objects.create(
        translation_of=question.string,
        context=question.context,
        locale=french_locale,
        data="Quel est le problème ?",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    campaign.intro = "What is the issue today?"
    campaign.save_revision().publish()
    translation_.source.update_from_db()  # Sync translated pages
    translator(django_user_model, "traductrice", "French")

    context, tab = open_editor(
        browser, live_server, "traductrice", campaign.get_translation(french_locale)
    )

    segment = tab.locator(".js-translation-editor li", has_text="What is the issue today?").first
    expect(segment.get_by_text("Quel est le problème ?")).to_be_visible()
    expect(segment.get_by_text(f"It was: “{QUESTION}”", exact=False)).to_be_visible()
    if os.environ.get("SCREENSHOT_DIR"):
        segment.screenshot(
            path=os.path.join(os.environ["SCREENSHOT_DIR"], "translation-memory.png")
        )
    segment.get_by_role("button", name="Edit").click()
    segment.locator("textarea").fill("Quel est le problème aujourd’hui ?")
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_text("Translated manually", exact=False)).to_be_visible()
    expect(segment.get_by_text("It was:", exact=False)).to_have_count(0)
    context.close()
