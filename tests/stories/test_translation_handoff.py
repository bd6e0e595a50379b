"""Story translations in the translation editor (wagtail-localize's, which replaces the page
editor for a synced translation): a translator submits the translation to the story review
workflow, a story reviewer finds it on their dashboard, and a translation still in machine
translation is never published, whoever asks and however."""

import html as html_module
import json
import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale, PageLogEntry
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from roles import groups as roles
from stories.models import SurvivorStoryPage

EDITORS = roles.EDITORS
MODERATORS = roles.MODERATORS
REVIEWERS = roles.STORY_REVIEWERS
FRENCH = "Translators – French"
MACHINE_REFUSAL = "machine-translated"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_indexes")]


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def reload(page):
    return SurvivorStoryPage.objects.get(pk=page.pk)


def translation_of(page):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )


@pytest.fixture
def french_translation(people, logged_in, new_story, django_capture_on_commit_callbacks):
    """A live English story an editor sent to translation into French (a draft)."""
    english = new_story(live=True, title="Finding my way home")
    with django_capture_on_commit_callbacks(execute=True):
        logged_in(people[EDITORS]).post(
            reverse("wagtail_localize:submit_page_translation", args=[english.pk]),
            {"locales": [Locale.objects.get(language_code="fr").pk]},
        )
    return english.get_translation(Locale.objects.get(language_code="fr"))


def editor_props(html):
    """What wagtail-localize's translation editor is built from (its React component's props)."""
    props = re.search(r'data-props="([^"]*)"', html).group(1)
    return json.loads(html_module.unescape(props))


def machine_translate(client, page):
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation_of(page).pk]),
        {"next": edit_url(page)},
    )
    assert response.status_code == 302


def put_string(client, page, segment, value):
    translation = translation_of(page)
    return client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data=urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


def machine_texts(page):
    return StringTranslation.objects.filter(
        context__object_id=page.translation_key,
        locale=page.locale,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )


def publish(client, page, capture):
    with capture(execute=True):
        return client.post(edit_url(page), {"action": "publish"}, follow=True)


def test_the_translator_submits_a_story_translation_and_the_reviewer_finds_it_waiting(
    people, logged_in, french_translation, django_capture_on_commit_callbacks
):
    translator, reviewer = logged_in(people[FRENCH]), logged_in(people[REVIEWERS])
    editor_html = translator.get(edit_url(french_translation)).content.decode()
    assert "Submit for review" in editor_html
    perms = editor_props(editor_html)["perms"]
    assert not perms["canDelete"], "translators are not offered a Delete they may not use"
    assert not perms["canPublish"]

    response = translator.post(edit_url(french_translation), {"action": "submit"}, follow=True)

    assert "has been submitted for review" in response.content.decode()
    story = reload(french_translation)
    assert story.workflow_in_progress and not story.live
    assert story.current_workflow_task.name == roles.STORY_REVIEW_TASK
    assert "Waiting for review" in translator.get(edit_url(story)).content.decode()
    assert story.title in reviewer.get(reverse("wagtailadmin_home")).content.decode()
    assert story.title not in logged_in(people[MODERATORS]).get("/admin/").content.decode()
    task_state = story.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        reviewer.post(
            reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
        )
    assert reload(story).live


def test_a_story_translation_in_machine_translation_is_refused_with_the_reason(
    people, logged_in, french_translation, django_capture_on_commit_callbacks
):
    translator, reviewer = logged_in(people[FRENCH]), logged_in(people[REVIEWERS])
    machine_translate(translator, french_translation)
    assert machine_texts(french_translation).exists()

    response = publish(reviewer, french_translation, django_capture_on_commit_callbacks)

    html = response.content.decode()
    assert response.status_code == 200
    assert MACHINE_REFUSAL in html and "survivor" in html
    assert "machine-text" in html, "the editor lists the texts still to check"
    assert not reload(french_translation).live

    # Nor through the review: approving is not offered, and a forged approval publishes nothing.
    translator.post(edit_url(french_translation), {"action": "submit"})
    story = reload(french_translation)
    task_state = story.current_workflow_task_state
    dashboard = reviewer.get("/admin/").content.decode()
    assert story.title in dashboard
    with django_capture_on_commit_callbacks(execute=True):
        reviewer.post(
            reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
        )
    assert not reload(story).live


def test_a_person_editing_or_confirming_each_machine_text_clears_its_mark_and_lets_it_publish(
    people, logged_in, french_translation, django_capture_on_commit_callbacks
):
    translator, reviewer = logged_in(people[FRENCH]), logged_in(people[REVIEWERS])
    machine_translate(translator, french_translation)
    marked = list(machine_texts(french_translation).select_related("translation_of", "context"))
    segments = StringSegment.objects.filter(
        source=translation_of(french_translation).source,
        context__in=[text.context for text in marked],
    )

    first, *others = segments
    assert put_string(translator, french_translation, first, "Retrouver le chemin").status_code
    assert machine_texts(french_translation).count() == len(marked) - 1
    for segment in others:  # confirmed: saved unchanged
        text = StringTranslation.objects.get(
            translation_of=segment.string, context=segment.context, locale=french_translation.locale
        )
        put_string(reviewer, french_translation, segment, text.data)

    assert not machine_texts(french_translation).exists()
    response = publish(reviewer, french_translation, django_capture_on_commit_callbacks)
    assert MACHINE_REFUSAL not in response.content.decode()
    assert reload(french_translation).live


def test_a_translator_asking_to_publish_a_story_is_told_to_submit_it(
    people, logged_in, french_translation, django_capture_on_commit_callbacks
):
    response = publish(
        logged_in(people[FRENCH]), french_translation, django_capture_on_commit_callbacks
    )

    assert response.status_code == 200
    assert "submit the translation for review" in response.content.decode()
    assert not reload(french_translation).live


def test_publishing_a_story_translation_in_machine_translation_from_code_is_refused(
    people, logged_in, french_translation
):
    from stories.publishing import StoryConsentError

    machine_translate(logged_in(people[FRENCH]), french_translation)
    translation_of(french_translation).save_target(user=people[FRENCH], publish=False)

    with pytest.raises(StoryConsentError):
        reload(french_translation).get_latest_revision().publish(user=people[REVIEWERS])

    assert not reload(french_translation).live
    assert PageLogEntry.objects.filter(
        page=french_translation, action="stories.publish_refused.machine_text"
    ).exists()
