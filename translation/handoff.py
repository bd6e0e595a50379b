"""What the translation editor (wagtail-localize's, which takes the place of the page editor for a
synced translation) adds to wagtail-localize's own actions:

- *Submit for review*: the translation is saved as a draft and goes to its page's workflow
  (survivor stories: the story review workflow), as *Submit* does in the page editor;
- *Publish* of a page with machine-translated texts no person has checked asks for confirmation
  first, and is refused, with the reason, for a survivor story (stories/publishing.py), as is
  publishing a story by anyone but a story reviewer.

`handle_translation_editor_post` runs before wagtail-localize's editor (translation/
wagtail_hooks.py); the editor shows the hand-off (templatetags/translation_handoff.py).
"""

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from core.machine_text import synced_translation, unchecked_machine_texts
from stories.models import SurvivorStoryPage
from stories.permissions import is_story_reviewer
from stories.publishing import publish_problem

SUBMIT_ACTION = "submit"
PUBLISH_ACTION = "publish"
CONFIRM_MACHINE_TEXT = "confirm-machine-text"


def segment_label(model, path):
    """The name of the field a text comes from, as the editor shows it ("Body", "Quote")."""
    try:
        return capfirst(model._meta.get_field(path.split(".")[0]).verbose_name)
    except FieldDoesNotExist:
        return path


def machine_texts(page, translation=None):
    """[(field label, text)] of `page`'s machine-translated texts no person has checked."""
    return [
        (segment_label(type(page), text.context.path), text.data)
        for text in unchecked_machine_texts(page, translation)
    ]


def handle_translation_editor_post(request, page):
    """The response to a submission or a publication in the translation editor of `page`, or
    None to let wagtail-localize's editor handle the request."""
    if request.method != "POST":
        return None
    translation = synced_translation(page)
    if translation is None:
        return None
    action = request.POST.get("action")
    if action == SUBMIT_ACTION:
        return submit_for_review(request, page.specific, translation)
    if action == PUBLISH_ACTION:
        return check_publishing(request, page.specific, translation)
    return None


def submit_for_review(request, page, translation):
    workflow = page.get_workflow()
    state = page.current_workflow_state
    if workflow is None or page.permissions_for_user(request.user).page_locked():
        messages.error(request, _("This translation cannot be submitted for review."))
        return redirect(request.path)
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        messages.warning(request, _("This translation is already waiting for review."))
        return redirect(request.path)
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError:
        messages.error(
            request,
            _("This translation has errors: fix them, then submit it for review again."),
        )
        return redirect(request.path)
    page = type(page).objects.get(pk=page.pk)
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(request.user)
    else:
        workflow.start(page, request.user)
    messages.success(
        request,
        _("“%(title)s” in %(language)s has been submitted for review.")
        % {"title": page.get_admin_display_title(), "language": page.locale.get_display_name()},
    )
    if unchecked_machine_texts(page, translation).exists():
        messages.warning(request, _("It still has machine-translated texts no person has checked."))
    return redirect(request.path)


def check_publishing(request, page, translation):
    if isinstance(page, SurvivorStoryPage):
        problem = publish_problem(page)
        if not is_story_reviewer(request.user):
            problem = _(
                "Only story reviewers publish survivor stories: submit the translation for review."
            )
        if problem:
            messages.error(request, problem)
            return redirect(request.path)
        return None
    if (
        request.POST.get(CONFIRM_MACHINE_TEXT)
        or not page.permissions_for_user(request.user).can_publish()
    ):
        return None
    texts = machine_texts(page, translation)
    if not texts:
        return None
    return TemplateResponse(
        request,
        "translation/admin/confirm_machine_text.html",
        {
            "page": page,
            "texts": texts,
            "locale": translation.target_locale,
            "confirm_field": CONFIRM_MACHINE_TEXT,
        },
    )
