"""A text changed in the source keeps its previous translation in the translation editor, with
the old source beside it, for the translator to check (translation/memory.py)."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation

from tests.stories.test_translation_handoff import editor_props
from tests.translation.test_workflow import put_string

OLD_PARAGRAPHS = [
    "Trafficking for sexual exploitation is a crime.",
    "Survivors deserve support and justice.",
]
NEW_PARAGRAPHS = [
    "Trafficking for sexual exploitation is a serious crime everywhere.",
    "Survivors deserve support and justice.",
]


def french():
    return Locale.objects.get(language_code="fr")


def french_translation(page):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="fr"
    )


def rich_text(paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


@pytest.fixture
def resource_with_paragraphs(english_resource):
    from tests.factories import translate

    english_resource.body = [("paragraph", rich_text(OLD_PARAGRAPHS))]
    english_resource.save_revision().publish()
    library = english_resource.get_parent().specific
    for instance in (english_resource.resource_type, library):
        translate(instance, "fr")
    texts = {english_resource.summary: "Un court résumé."}
    texts.update({paragraph: f"FR: {paragraph}" for paragraph in OLD_PARAGRAPHS})
    translate(english_resource, "fr", texts)
    english_resource.refresh_from_db()
    return english_resource


def sync(admin_client, page, capture):
    with capture(execute=True):
        response = admin_client.post(
            reverse(
                "wagtail_localize:update_translations", args=[french_translation(page).source_id]
            ),
            {},
        )
    assert response.status_code == 302


def edit_body(page, paragraphs):
    """`page`'s body with its first block's paragraphs changed, as the page editor saves it:
    the block keeps its id."""
    block = page.body[0]
    return json.dumps([{"type": "paragraph", "value": rich_text(paragraphs), "id": block.id}])


def change_and_sync(admin_client, page, capture, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    sync(admin_client, page, capture)


def editor_texts(client, page):
    """{source text: (translation shown, its comment or warning)} in the translation editor of
    `page`'s French translation."""
    french_page = page.get_translation(french())
    response = client.get(reverse("wagtailadmin_pages:edit", args=[french_page.pk]))
    assert response.status_code == 200
    props = editor_props(response.content.decode())
    sources = {
        segment["id"]: segment["source"] for segment in props["segments"] if "source" in segment
    }
    return {
        sources[text["segment_id"]]: (text["data"], text["error"] or text["comment"])
        for text in props["initialStringTranslations"]
        if text["segment_id"] in sources
    }


@pytest.mark.django_db
def test_a_changed_text_comes_back_with_its_previous_translation_and_old_source(
    admin_client, resource_with_paragraphs, django_capture_on_commit_callbacks
):
    change_and_sync(
        admin_client,
        resource_with_paragraphs,
        django_capture_on_commit_callbacks,
        summary="A short summary of the resource, updated after the new law.",
    )

    texts = editor_texts(admin_client, resource_with_paragraphs)

    shown, warning = texts["A short summary of the resource, updated after the new law."]
    assert shown == "Un court résumé."
    assert "A short summary of the resource." in warning  # the old source
    assert "check it" in warning


@pytest.mark.django_db
def test_a_changed_paragraph_gets_its_own_previous_translation_not_its_neighbours(
    admin_client, resource_with_paragraphs, django_capture_on_commit_callbacks
):
    change_and_sync(
        admin_client,
        resource_with_paragraphs,
        django_capture_on_commit_callbacks,
        body=edit_body(resource_with_paragraphs, NEW_PARAGRAPHS),
    )

    texts = editor_texts(admin_client, resource_with_paragraphs)

    shown, warning = texts[NEW_PARAGRAPHS[0]]
    assert shown == f"FR: {OLD_PARAGRAPHS[0]}"
    assert OLD_PARAGRAPHS[0] in warning
    # The unchanged paragraph keeps its translation, without a warning.
    shown, comment = texts[NEW_PARAGRAPHS[1]]
    assert shown == f"FR: {OLD_PARAGRAPHS[1]}"
    assert "changed" not in comment


@pytest.mark.django_db
def test_the_previous_translation_is_not_used_until_a_person_saves_it(
    admin_client, client, resource_with_paragraphs, django_capture_on_commit_callbacks
):
    new_summary = "A short summary of the resource, updated after the new law."
    change_and_sync(
        admin_client,
        resource_with_paragraphs,
        django_capture_on_commit_callbacks,
        summary=new_summary,
    )
    editor_texts(admin_client, resource_with_paragraphs)
    translation = french_translation(resource_with_paragraphs)
    assert translation.get_progress() == (5, 4)  # title, slug, summary, two paragraphs

    segment = StringSegment.objects.get(source=translation.source, string__data=new_summary)
    response = put_string(admin_client, translation, segment, "Un court résumé, mis à jour.")
    assert response.status_code == 200
    assert response.json()["error"] is None
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    french_page = resource_with_paragraphs.get_translation(french()).specific
    assert french_page.summary == "Un court résumé, mis à jour."
    assert translation.get_progress()[0] == translation.get_progress()[1]
    assert editor_texts(admin_client, resource_with_paragraphs)[new_summary][1].startswith(
        "Translated manually"
    )


@pytest.mark.django_db
def test_a_new_text_with_nothing_before_it_stays_empty(
    admin_client, resource_with_paragraphs, django_capture_on_commit_callbacks
):
    change_and_sync(
        admin_client,
        resource_with_paragraphs,
        django_capture_on_commit_callbacks,
        body=edit_body(resource_with_paragraphs, OLD_PARAGRAPHS + ["A paragraph added later."]),
    )

    assert "A paragraph added later." not in editor_texts(admin_client, resource_with_paragraphs)


@pytest.mark.django_db
def test_a_french_translator_sees_the_previous_translation_in_their_language(
    admin_client, people, logged_in, resource_with_paragraphs, django_capture_on_commit_callbacks
):
    change_and_sync(
        admin_client,
        resource_with_paragraphs,
        django_capture_on_commit_callbacks,
        summary="A short summary of the resource, updated after the new law.",
    )
    translator = people["Translators – French"]
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "fr"
    profile.save()

    texts = editor_texts(logged_in(translator), resource_with_paragraphs)

    shown, warning = texts["A short summary of the resource, updated after the new law."]
    assert shown == "Un court résumé."
    assert "A short summary of the resource." in warning
    assert "vérifiez" in warning


@pytest.mark.django_db
def test_a_block_made_anew_gets_the_translations_of_its_very_same_texts(
    admin_client, resource_with_paragraphs, django_capture_on_commit_callbacks
):
    # The editor deleted the block and wrote it again: wagtail-localize sees new texts.
    change_and_sync(
        admin_client,
        resource_with_paragraphs,
        django_capture_on_commit_callbacks,
        body=[("paragraph", rich_text(OLD_PARAGRAPHS))],
    )

    texts = editor_texts(admin_client, resource_with_paragraphs)

    for paragraph in OLD_PARAGRAPHS:
        shown, warning = texts[paragraph]
        assert shown == f"FR: {paragraph}"
        assert "elsewhere" in warning


@pytest.mark.django_db
def test_snippets_that_are_not_translated_still_open_in_their_editor(
    admin_client, english_home, new_story
):
    from stories.models import ConsentRecord
    from tests.factories import StoryIndexPageFactory

    StoryIndexPageFactory(parent=english_home, slug="stories")
    story = new_story()
    record = ConsentRecord.objects.get(story=story)
    url = reverse("wagtailsnippets_stories_consentrecord:edit", args=[record.pk])

    assert admin_client.get(url).status_code == 200
