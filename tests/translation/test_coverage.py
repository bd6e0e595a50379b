"""Editors and CI see how much of the site is translated, and what is missing or outdated."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, ManagementUtility, call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from core.models import NavigationMenu, SiteSettings
from resources.models import Partner, Region, ResourcePage, ResourceType, Topic
from tests.html import parse
from translation.coverage import get_translation_coverage

TARGET_LANGUAGES = ["fr", "es", "sw", "ar"]
REPORT_URL = "/admin/reports/translation-coverage/"
NEW_SUMMARY = "A new summary, written after the translations were made."

# A site with a page of every type and the library's snippets, all translated.
pytestmark = pytest.mark.usefixtures("module_site_content")


def status(*args):
    output = io.StringIO()
    call_command("translation_status", *args, stdout=output)
    return output.getvalue()


def status_json(*args):
    return json.loads(status("--json", *args))


def item(obj, kind):
    title = obj.title if isinstance(obj, Page) else str(obj)
    return {"kind": kind, "id": obj.pk, "title": title}


def translated_resource():
    return ResourcePage.objects.get(locale__language_code="en", slug="laws-across-africa")


def edit_and_publish(page, summary=NEW_SUMMARY):
    page.summary = summary
    page.save_revision().publish()


def locale(code):
    return Locale.objects.get(language_code=code)


# A translated site -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_site_translated_everywhere_is_at_100_percent_in_every_language():
    output = status()

    lines = {line.split()[0]: line for line in output.splitlines()[2:]}
    assert list(lines) == TARGET_LANGUAGES
    for line in lines.values():
        assert line.endswith("100.0 %")
    assert "Translated" in output.splitlines()[0]
    status("--fail-under", "100")  # does not raise


@pytest.mark.django_db
def test_json_counts_every_live_english_page_and_translatable_snippet():
    data = status_json()

    english = {"locale__language_code": "en"}
    expected_total = Page.objects.live().filter(depth__gt=1, **english).count() + sum(
        model.objects.filter(**english).count()
        for model in (ResourceType, Topic, Region, Partner, SiteSettings, NavigationMenu)
    )
    assert data["default_locale"] == "en"
    assert list(data["locales"]) == TARGET_LANGUAGES
    for code, figures in data["locales"].items():
        assert figures["locale"] == code
        assert figures["total"] == figures["translated"] == expected_total
        assert (figures["missing"], figures["outdated"], figures["coverage"]) == (0, 0, 100)
        assert figures["missing_items"] == figures["outdated_items"] == []


# Outdated, synced, missing ---------------------------------------------------------------------


@pytest.mark.django_db
def test_an_edited_english_page_is_outdated_in_every_language():
    page = translated_resource()
    edit_and_publish(page)

    data = status_json()

    for figures in data["locales"].values():
        assert figures["outdated_items"] == [item(page, "page")]
        assert figures["outdated"] == 1
        assert figures["missing"] == 0
        assert figures["coverage"] < 100
    with pytest.raises(CommandError) as raised:
        status("--fail-under", "100")
    for code in TARGET_LANGUAGES:
        assert f"{code} (" in str(raised.value)
    total = data["locales"]["fr"]["total"]
    status("--fail-under", str((total - 1) * 100 // total))  # one item short is above that


@pytest.mark.django_db
def test_fail_under_exits_with_an_error_status_from_the_command_line(capsys, monkeypatch):
    edit_and_publish(translated_resource())
    # A command run from the command line closes the database connections as it ends, which on
    # PostgreSQL would end the transaction that holds this module's site content.
    monkeypatch.setattr(connections, "close_all", lambda: None)

    with pytest.raises(SystemExit) as exited:
        ManagementUtility(["manage.py", "translation_status", "--fail-under", "100"]).execute()

    assert exited.value.code != 0
    captured = capsys.readouterr()
    assert "below 100 %" in captured.err
    assert "fr (French)" in captured.err
    assert "fr (French)" in captured.out  # the table is printed before failing


@pytest.mark.django_db
def test_the_table_shows_the_outdated_page_in_the_counts():
    edit_and_publish(translated_resource())

    rows = {line.split()[0]: line.split() for line in status().splitlines()[2:]}

    total = int(rows["fr"][-3])
    for code in TARGET_LANGUAGES:
        # locale, (name), translated, missing, outdated, total, coverage, %
        assert rows[code][2:6] == [str(total - 1), "0", "1", str(total)]
        assert rows[code][-2] != "100.0"


@pytest.mark.django_db(transaction=False)
def test_syncing_and_translating_brings_only_that_language_up_to_date(
    django_capture_on_commit_callbacks,
):
    page = translated_resource()
    edit_and_publish(page)

    # The editor syncs the translations, then translates the new summary into French only.
    source, _created = TranslationSource.update_or_create_from_instance(page)
    segment = StringSegment.objects.get(source=source, context__path="summary")
    assert segment.string.data == NEW_SUMMARY
    french = locale("fr")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=french,
        context=segment.context,
        data="Un nouveau résumé, écrit après les traductions.",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    translation = Translation.objects.get(source=source, target_locale=french)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    assert page.get_translation(french).specific.summary.startswith("Un nouveau résumé")
    data = status_json()
    assert data["locales"]["fr"]["coverage"] == 100
    assert data["locales"]["fr"]["outdated_items"] == []
    for code in ["es", "sw", "ar"]:
        assert data["locales"][code]["outdated_items"] == [item(page, "page")]

    report = get_translation_coverage()
    spanish_item = report["es"].outdated[0]
    assert spanish_item.reasons == ("untranslated_segments",)
    assert spanish_item.untranslated_segments == 1


@pytest.mark.django_db
def test_a_deleted_french_translation_is_missing_in_french_only():
    page = translated_resource()
    page.get_translation(locale("fr")).delete()

    data = status_json()

    assert data["locales"]["fr"]["missing_items"] == [item(page, "page")]
    assert data["locales"]["fr"]["coverage"] < 100
    for code in ["es", "sw", "ar"]:
        assert data["locales"][code]["missing_items"] == []
        assert data["locales"][code]["coverage"] == 100


@pytest.mark.django_db
def test_an_unpublished_translation_counts_as_missing():
    page = translated_resource()
    page.get_translation(locale("sw")).unpublish()

    coverage = get_translation_coverage()["sw"]

    assert [missing.object for missing in coverage.missing] == [page]
    missing = coverage.missing[0]
    assert missing.action_url.startswith(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    )
    # The unpublished Swahili page can still be opened from the report.
    assert missing.translation_edit_url == reverse(
        "wagtailadmin_pages:edit", args=[page.get_translation(locale("sw")).pk]
    )


@pytest.mark.django_db
def test_a_new_english_topic_is_missing_everywhere():
    before = status_json()
    topic = Topic.objects.create(name="Forced labour", slug="forced-labour", locale=locale("en"))

    data = status_json()

    for code, figures in data["locales"].items():
        assert figures["missing_items"] == [item(topic, "topic")]
        assert figures["total"] == before["locales"][code]["total"] + 1
    missing = get_translation_coverage()["fr"].missing[0]
    assert missing.action_url.startswith(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["resources", "topic", topic.pk]
        )
    )
    assert missing.edit_url == reverse("wagtailsnippets_resources_topic:edit", args=[topic.pk])


@pytest.mark.django_db
def test_a_translation_made_without_wagtail_localize_counts_as_translated():
    topic = Topic.objects.create(name="Forced labour", slug="forced-labour", locale=locale("en"))
    topic.copy_for_translation(locale("es")).save()

    data = status_json()

    assert data["locales"]["es"]["missing_items"] == []
    assert data["locales"]["es"]["coverage"] == 100
    assert data["locales"]["fr"]["missing_items"] == [item(topic, "topic")]


@pytest.mark.django_db
def test_an_edited_snippet_is_outdated_and_a_stopped_synced_translation_is_not():
    partner = Partner.objects.filter(locale__language_code="en").order_by("pk").first()
    partner.description = "A coalition that changed its mission statement."
    partner.save()
    # The Arabic team chose "Stop synced translation" to edit their version freely.
    Translation.objects.filter(
        source__object_id=partner.translation_key, target_locale__language_code="ar"
    ).update(enabled=False)

    data = status_json()

    for code in ["fr", "es", "sw"]:
        assert data["locales"][code]["outdated_items"] == [item(partner, "partner")]
    assert data["locales"]["ar"]["outdated_items"] == []


# Bad arguments ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["abc", "", "-1", "100.5", "nan", "inf"])
def test_fail_under_rejects_values_that_are_not_percentages(value):
    with pytest.raises(CommandError, match="--fail-under takes a percentage from 0 to 100"):
        status("--fail-under", value)


# Queries ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_number_of_snippets():
    get_translation_coverage()  # warm the content type cache
    with CaptureQueriesContext(connection) as before:
        get_translation_coverage()

    english = locale("en")
    for number in range(10):
        topic = Topic.objects.create(name=f"Topic {number}", slug=f"topic-{number}", locale=english)
        source, _created = TranslationSource.get_or_create_from_instance(topic)
        Translation.objects.create(source=source, target_locale=locale("fr"))
        topic.copy_for_translation(locale("fr")).save()
    with CaptureQueriesContext(connection) as after:
        report = get_translation_coverage()

    assert report["fr"].total == report["es"].total
    assert len(report["fr"].outdated) == 10  # their names are not translated yet
    assert len(after.captured_queries) == len(before.captured_queries)


# The admin report ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_admin_report_shows_progress_for_every_language(admin_client):
    response = admin_client.get(REPORT_URL)

    assert response.status_code == 200
    document = parse(response)
    assert "Translation coverage" in document.text
    bars = document.find_all("progress")
    assert len(bars) == len(TARGET_LANGUAGES)
    for code in TARGET_LANGUAGES:
        bar = document.find("progress", id=f"coverage-{code}-progress")
        assert bar["value"] == "100.0" and bar["max"] == "100"
        assert bar["aria-labelledby"]
    assert "100.0 % translated" in document.text
    assert "Everything is translated and up to date." in document.text


@pytest.mark.django_db
def test_the_admin_report_links_to_translate_sync_and_edit(admin_client):
    page = translated_resource()
    edit_and_publish(page)
    topic = Topic.objects.create(name="Forced labour", slug="forced-labour", locale=locale("en"))
    source = TranslationSource.objects.get(
        object_id=page.translation_key, locale__language_code="en"
    )

    document = parse(admin_client.get(REPORT_URL))

    links = {element.get("href") for _tag, element in document.elements if _tag == "a"}
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in links
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["resources", "topic", topic.pk]
    )
    for code in TARGET_LANGUAGES:
        assert f"{submit}?select_locale={code}" in links
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in links
    assert reverse("wagtailsnippets_resources_topic:edit", args=[topic.pk]) in links
    french_page = page.get_translation(locale("fr"))
    assert reverse("wagtailadmin_pages:edit", args=[french_page.pk]) in links
    assert "Forced labour" in document.text
    assert "The source changed after it was last synced." in document.text
    bar = document.find("progress", id="coverage-fr-progress")
    assert float(bar["value"]) < 100


@pytest.mark.django_db
def test_a_snippet_submitted_for_translation_but_not_translated_is_outdated(admin_client):
    topic = Topic.objects.create(name="Forced labour", slug="forced-labour", locale=locale("en"))
    french = locale("fr")
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["resources", "topic", topic.pk]
    )
    assert admin_client.post(submit, {"locales": [french.pk]}).status_code == 302

    coverage = get_translation_coverage()["fr"]
    assert [outdated.object for outdated in coverage.outdated] == [topic]
    assert coverage.outdated[0].reasons == ("untranslated_segments",)
    document = parse(admin_client.get(REPORT_URL))
    french_topic = topic.get_translation(french)
    remaining = [
        element
        for tag, element in document.elements
        if tag == "a"
        and element.get("href")
        == reverse("wagtailsnippets_resources_topic:edit", args=[french_topic.pk])
    ]
    assert remaining and "button" in remaining[0].get("class", "")
    assert "Translate remaining texts" in document.text


@pytest.mark.django_db
def test_the_admin_report_exports_the_figures_as_csv(admin_client):
    response = admin_client.get(REPORT_URL, {"export": "csv"})

    assert response.status_code == 200
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0].startswith("Language code,Language,Translated,Missing,Outdated")
    assert [row.split(",")[0] for row in rows[1:]] == TARGET_LANGUAGES


@pytest.mark.django_db
def test_the_reports_menu_offers_translation_coverage(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))

    assert REPORT_URL in response.content.decode()
    assert "Translation coverage" in response.content.decode()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(REPORT_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.django_db
def test_users_without_admin_access_do_not_see_the_report(client):
    user = get_user_model().objects.create_user("visitor", password="not-an-editor-1")
    client.force_login(user)

    response = client.get(REPORT_URL)

    assert response.status_code == 302
    assert "Translation coverage" not in response.content.decode()


# Alt texts are texts to translate ---------------------------------------------------------------

COVER_ALT = "A judge reading the report in court"


@pytest.mark.django_db(transaction=False)
def test_an_alt_text_is_counted_until_it_is_translated(django_capture_on_commit_callbacks):
    page = translated_resource()
    page.cover_image_alt = COVER_ALT
    page.save_revision().publish()

    source, _created = TranslationSource.update_or_create_from_instance(page)
    segment = StringSegment.objects.get(source=source, context__path="cover_image_alt")
    assert segment.string.data == COVER_ALT
    assert get_translation_coverage()["fr"].outdated[0].untranslated_segments == 1
    french = locale("fr")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=french,
        context=segment.context,
        data="Une juge lit le rapport au tribunal",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(source=source, target_locale=french).save_target(publish=True)

    assert page.get_translation(french).specific.cover_image_alt.startswith("Une juge")
    data = status_json()
    assert data["locales"]["fr"]["outdated_items"] == []
    assert data["locales"]["es"]["outdated_items"] == [item(page, "page")]


@pytest.mark.django_db
def test_the_alt_text_of_an_image_block_is_a_text_to_translate():
    page = translated_resource()
    image = page.cover_image
    page.body.append(("image", {"image": image, "alt": COVER_ALT, "caption": ""}))
    page.save_revision().publish()

    source, _created = TranslationSource.update_or_create_from_instance(page)

    segments = StringSegment.objects.filter(source=source, string__data=COVER_ALT)
    assert [segment.context.path.split(".")[-1] for segment in segments] == ["alt"]
    assert get_translation_coverage()["sw"].outdated[0].untranslated_segments == 1
