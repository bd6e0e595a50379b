"""Consent records are kept apart: only story custodians see them. They never appear on pages,
in page revisions, either API, search, admin reports and exports, logs or error pages."""

import io
import logging

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Locale

from demo.media import make_pdf_file
from stories.models import ConsentRecord, StoryIndexPage, SurvivorStoryPage
from stories.publishing import ensure_consent_forms_collection
from tests.factories import SurvivorStoryPageFactory

NOTE = "CUSTODIAN-NOTE-7731"
REASON = "WITHDRAWAL-REASON-7731"
FORM_TITLE = "SIGNED-FORM-7731"

# Besides the story each test makes: the site, with a story in every language and a public report.
pytestmark = pytest.mark.usefixtures("module_site_content")


@pytest.fixture
def story(roles):
    story = SurvivorStoryPageFactory(
        parent=StoryIndexPage.objects.get(locale__language_code="en"),
        title="Told at the border",
        slug="border",
        consent__custodian_notes=NOTE,
    )
    signed_form = get_document_model().objects.create(
        title=FORM_TITLE,
        collection=ensure_consent_forms_collection(),
        file=ContentFile(make_pdf_file(FORM_TITLE, [NOTE]), name="signed-form-7731.pdf"),
    )
    ConsentRecord.objects.filter(story=story).update(signed_form=signed_form)
    # As the admin logs a custodian's change: the entry names the record, nothing more.
    log(ConsentRecord.objects.get(story=story), "wagtail.edit")
    return story


def member_of(django_user_model, client, group_name):
    user = django_user_model.objects.create_user(
        username=group_name.lower().replace(" ", "-"), password="not-a-real-password-1"
    )
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return client


def body(response):
    if response.streaming:  # exports
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def assert_secret_free(response):
    content = body(response)
    for secret in (NOTE, REASON, FORM_TITLE):
        assert secret not in content, f"{secret} in {response.request['PATH_INFO']}"


@pytest.mark.django_db
def test_visitors_and_api_clients_never_see_consent_records(client, story):
    signed_form = ConsentRecord.objects.get(story=story).signed_form
    urls = [
        story.url,
        story.get_parent().url,
        "/en/",
        "/en/search/?q=7731",
        "/en/this-does-not-exist-7731/",
        "/sitemap.xml",
        f"/api/v2/pages/{story.pk}/",
        "/api/v2/pages/?type=stories.SurvivorStoryPage&fields=*",
        "/api/v2/pages/?search=7731",
        "/api/v2/documents/?search=SIGNED",
        f"/api/v2/documents/{signed_form.pk}/",
        f"/api/v3/pages/{story.pk}/",
        "/api/v3/pages/?search=7731",
        f"/api/v3/documents/{signed_form.pk}/",
        "/api/v3/openapi.json",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, url
        assert_secret_free(response)

    download = client.get(signed_form.url)
    assert download.status_code in (302, 403, 404)
    assert not download.has_header("Content-Disposition")


@pytest.mark.django_db
def test_page_revisions_hold_nothing_of_the_consent(story):
    for revision in story.revisions.all():
        assert NOTE not in str(revision.content)
        assert "consent" not in " ".join(revision.content.keys())


@pytest.mark.django_db
@pytest.mark.parametrize("group_name", ["Editors", "Moderators", "Story reviewers"])
def test_other_admin_users_never_see_consent_records(client, django_user_model, story, group_name):
    client = member_of(django_user_model, client, group_name)
    record = ConsentRecord.objects.get(story=story)

    for url in (
        reverse("wagtailsnippets_stories_consentrecord:list"),
        reverse("wagtailsnippets_stories_consentrecord:edit", args=[record.pk]),
        reverse("wagtailsnippets_stories_consentrecord:history", args=[record.pk]),
        reverse("wagtaildocs:edit", args=[record.signed_form_id]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert_secret_free(response)

    for url in (
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        reverse("wagtailadmin_pages:history", args=[story.pk]),
        reverse("wagtailadmin_pages:search") + "?q=7731",
        reverse("wagtaildocs:index") + "?q=SIGNED",
        reverse("wagtaildocs_chooser:choose") + "?q=SIGNED",
        "/admin/reports/site-history/",
        "/admin/reports/site-history/?export=csv",
        "/admin/",
    ):
        response = client.get(url)
        assert response.status_code < 500, url
        assert_secret_free(response)
        assert "Consent for" not in body(response), url
    assert client.get(record.signed_form.url).status_code in (302, 403)


@pytest.mark.django_db
def test_story_custodians_see_and_change_consent_records(client, django_user_model, story):
    client = member_of(django_user_model, client, "Story custodians")
    record = ConsentRecord.objects.get(story=story)

    listing = client.get(reverse("wagtailsnippets_stories_consentrecord:list"))
    edit = client.get(reverse("wagtailsnippets_stories_consentrecord:edit", args=[record.pk]))
    download = client.get(record.signed_form.url)

    history = client.get("/admin/reports/site-history/")

    assert "Told at the border" in listing.content.decode()
    assert NOTE in edit.content.decode()
    assert download.status_code == 200
    assert "Consent for" in history.content.decode()
    assert NOTE not in history.content.decode()


@pytest.mark.django_db
def test_consent_notes_and_reasons_never_reach_the_logs(
    admin_client, story, django_capture_on_commit_callbacks
):
    record = ConsentRecord.objects.get(story=story)
    records = []
    handler = logging.Handler(level=logging.DEBUG)
    handler.emit = records.append
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            admin_client.post(
                reverse("wagtailsnippets_stories_consentrecord:edit", args=[record.pk]),
                {
                    "story": story.pk,
                    "given_on": record.given_on.isoformat(),
                    "covers_web": "on",
                    "expires_on": record.expires_on.isoformat(),
                    "withdrawn_on": record.given_on.isoformat(),
                    "withdrawal_reason": REASON,
                    "custodian_notes": NOTE,
                    "signed_form": record.signed_form_id,
                },
            )
        call_command("enforce_story_consent", stdout=io.StringIO())
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)

    assert ConsentRecord.objects.get(pk=record.pk).withdrawal_reason == REASON
    logged = "\n".join(entry.getMessage() for entry in records)
    assert "Unpublished survivor story" in logged
    for secret in (NOTE, REASON, FORM_TITLE):
        assert secret not in logged


@pytest.mark.django_db
def test_a_signed_form_outside_the_restricted_collection_is_refused(admin_client, story):
    record = ConsentRecord.objects.get(story=story)
    public_document = get_document_model().objects.exclude(pk=record.signed_form_id).first()

    response = admin_client.post(
        reverse("wagtailsnippets_stories_consentrecord:edit", args=[record.pk]),
        {
            "story": story.pk,
            "given_on": record.given_on.isoformat(),
            "covers_web": "on",
            "expires_on": record.expires_on.isoformat(),
            "signed_form": public_document.pk,
        },
    )

    assert response.status_code == 200
    assert "restricted" in response.content.decode()
    assert ConsentRecord.objects.get(pk=record.pk).signed_form_id == record.signed_form_id


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, message",
    [
        ({"expires_on": "2020-01-01"}, "must come after"),
        ({"withdrawn_on": "2000-01-01"}, "cannot be withdrawn before"),
        ({"withdrawal_reason": "No date"}, "Give the date"),
        ({"given_on": "not a date"}, "Enter a valid date"),
    ],
)
def test_bad_consent_dates_are_form_errors(admin_client, story, change, message):
    record = ConsentRecord.objects.get(story=story)
    data = {
        "story": story.pk,
        "given_on": record.given_on.isoformat(),
        "covers_web": "on",
        "expires_on": record.expires_on.isoformat(),
        "signed_form": record.signed_form_id,
        **change,
    }

    response = admin_client.post(
        reverse("wagtailsnippets_stories_consentrecord:edit", args=[record.pk]), data
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert ConsentRecord.objects.get(pk=record.pk).given_on == record.given_on


@pytest.mark.django_db
def test_a_second_record_for_a_translation_of_the_same_story_is_refused(admin_client, story):
    translated_story = SurvivorStoryPage.objects.get(locale__language_code="en", slug="amani")
    french = translated_story.get_translation(Locale.objects.get(language_code="fr"))

    response = admin_client.post(
        reverse("wagtailsnippets_stories_consentrecord:add"),
        {"story": french.pk, "given_on": "2026-01-01", "covers_web": "on"},
    )

    assert response.status_code == 200
    assert "already has a consent record" in response.content.decode()
    assert not ConsentRecord.objects.filter(story=french).exists()
