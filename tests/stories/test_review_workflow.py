"""The survivor story review workflow as people use it in the admin: an editor submits a story, a
story reviewer approves it and it goes live. Without valid consent there is nothing to approve,
and a forged approval publishes nothing; editors have no way around the review."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, PageLogEntry, WorkflowState

from roles import groups as roles
from stories.models import ConsentRecord, SurvivorStoryPage

EDITORS = roles.EDITORS
MODERATORS = roles.MODERATORS
REVIEWERS = roles.STORY_REVIEWERS
CUSTODIANS = roles.STORY_CUSTODIANS
FRENCH = "Translators – French"
NEW_TITLE = "Ready for review"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_indexes")]


def is_live(page):
    return SurvivorStoryPage.objects.get(pk=page.pk).live


def edit_url(story):
    return reverse("wagtailadmin_pages:edit", args=[story.pk])


def workflow_action_url(story, action):
    task_state = SurvivorStoryPage.objects.get(pk=story.pk).current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[story.pk, action, task_state.pk])


def offered_actions(client, story):
    """The workflow actions and buttons the page editor offers."""
    html = client.get(edit_url(story)).content.decode()
    actions = {
        name for name in ("approve", "reject") if f'data-workflow-action-name="{name}"' in html
    }
    return actions | {name for name in ("action-publish", "action-submit") if name in html}


def refused(response):
    """The admin answers a refused action with 403, or by sending the user to its dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.fixture
def submit(page_form):
    """`submit(client, story)`: the story, submitted for review in the page editor."""

    def submit_story(client, story):
        form = page_form(story, NEW_TITLE, **{"action-submit": "Submit"})
        assert client.post(edit_url(story), form).status_code == 302
        return SurvivorStoryPage.objects.get(pk=story.pk)

    return submit_story


def withdraw_consent(client, story):
    """A story custodian records the withdrawal in the admin."""
    record = ConsentRecord.objects.get(story=story)
    response = client.post(
        reverse("wagtailsnippets_stories_consentrecord:edit", args=[record.pk]),
        {
            "story": story.pk,
            "given_on": record.given_on.isoformat(),
            "covers_web": "on",
            "covers_translation": "on",
            "withdrawn_on": datetime.date.today().isoformat(),
            "withdrawal_reason": "Asked by phone.",
        },
    )
    assert response.status_code == 302


def test_an_editor_submits_a_story_and_a_story_reviewer_approves_it_onto_the_site(
    people, logged_in, new_story, submit, client, django_capture_on_commit_callbacks
):
    editor, reviewer = logged_in(people[EDITORS]), logged_in(people[REVIEWERS])
    story = new_story()

    assert offered_actions(editor, story) == {"action-submit"}
    story = submit(editor, story)
    assert story.workflow_in_progress and not story.live
    assert story.current_workflow_task.name == roles.STORY_REVIEW_TASK
    assert {"approve", "reject"} <= offered_actions(reviewer, story)
    assert offered_actions(logged_in(people[MODERATORS]), story) == set()

    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer.post(workflow_action_url(story, "approve"))

    assert response.status_code == 302
    story = SurvivorStoryPage.objects.get(pk=story.pk)
    assert story.live and story.title == NEW_TITLE
    assert WorkflowState.objects.for_instance(story).get().status == WorkflowState.STATUS_APPROVED
    published = PageLogEntry.objects.filter(page=story, action="wagtail.publish").get()
    assert published.user == people[REVIEWERS]
    assert client.get(story.url).status_code == 200


@pytest.mark.parametrize("consent", ["withdrawn", "missing"])
def test_without_valid_consent_approve_is_not_offered_and_a_forged_one_publishes_nothing(
    people, logged_in, new_story, submit, page_form, consent, django_capture_on_commit_callbacks
):
    editor, reviewer = logged_in(people[EDITORS]), logged_in(people[REVIEWERS])
    story = submit(editor, new_story(consent=consent != "missing"))
    if consent == "withdrawn":
        with django_capture_on_commit_callbacks(execute=True):
            withdraw_consent(logged_in(people[CUSTODIANS]), story)

    assert offered_actions(reviewer, story) == {"reject"}
    forged = reviewer.post(workflow_action_url(story, "approve"))
    forged_in_editor = reviewer.post(
        edit_url(story),
        page_form(
            story,
            NEW_TITLE,
            **{"action-workflow-action": "true", "workflow-action-name": "approve"},
        ),
    )

    assert refused(forged)
    assert forged_in_editor.status_code < 500
    assert not is_live(story)
    story = SurvivorStoryPage.objects.get(pk=story.pk)
    assert story.workflow_in_progress, "the reviewer can still send it back"
    rejected = reviewer.post(workflow_action_url(story, "reject"), {"comment": "No consent."})
    assert rejected.status_code == 302
    assert (
        WorkflowState.objects.for_instance(story).get().status == WorkflowState.STATUS_NEEDS_CHANGES
    )


def test_editors_have_no_way_around_the_review(
    people,
    logged_in,
    new_story,
    submit,
    page_form,
    create_token,
    django_capture_on_commit_callbacks,
):
    user = people[EDITORS]
    editor, token = logged_in(user), create_token(user)
    story = new_story()
    story.save_revision()
    bulk_publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    with django_capture_on_commit_callbacks(execute=True):
        responses = [
            editor.post(
                edit_url(story), page_form(story, NEW_TITLE, **{"action-publish": "Publish"})
            ),
            editor.post(f"{bulk_publish}?id={story.pk}", {}),
            api.post(f"/api/v3/pages/{story.pk}/actions/publish/"),
            api.patch(
                f"/api/v3/pages/{story.pk}/",
                {"meta": {"type": "stories.SurvivorStoryPage", "action": "publish"}},
                content_type="application/json",
            ),
        ]

    assert [response.status_code < 500 for response in responses] == [True] * 4
    assert not is_live(story)
    assert submit(editor, SurvivorStoryPage.objects.get(pk=story.pk)).workflow_in_progress


def test_a_story_told_in_french_goes_through_the_same_review(
    people, logged_in, new_story, submit, django_capture_on_commit_callbacks
):
    translator, reviewer = logged_in(people[FRENCH]), logged_in(people[REVIEWERS])
    story = submit(translator, new_story("fr"))

    assert story.current_workflow_task.name == roles.STORY_REVIEW_TASK
    assert offered_actions(translator, story) == set()
    assert refused(translator.post(workflow_action_url(story, "approve")))
    with django_capture_on_commit_callbacks(execute=True):
        reviewer.post(workflow_action_url(story, "approve"))

    assert is_live(story)


def test_only_a_story_reviewer_publishes_a_translation_made_in_the_translation_editor(
    people, logged_in, new_story, django_capture_on_commit_callbacks
):
    """wagtail-localize's translation editor has Publish but no Submit: translators save their
    work there, and a story reviewer publishes it."""
    english = new_story(live=True)
    french_locale = Locale.objects.get(language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        logged_in(people[EDITORS]).post(
            reverse("wagtail_localize:submit_page_translation", args=[english.pk]),
            {"locales": [french_locale.pk]},
        )
    french = english.get_translation(french_locale)
    assert french.get_workflow().name == roles.STORY_WORKFLOW

    for group in (FRENCH, EDITORS, REVIEWERS):
        with django_capture_on_commit_callbacks(execute=True):
            response = logged_in(people[group]).post(edit_url(french), {"action": "publish"})
        assert response.status_code < 500
        assert is_live(french) is (group == REVIEWERS), group
