"""The hand-off shown under wagtail-localize's translation editor (translation/handoff.py)."""

from django import template
from wagtail.models import Page, WorkflowState

from stories.models import SurvivorStoryPage
from stories.publishing import publish_problem
from translation.handoff import SUBMIT_ACTION, machine_texts

register = template.Library()


@register.inclusion_tag("translation/admin/translation_handoff.html", takes_context=True)
def translation_handoff(context, translation, instance):
    request = context["request"]
    is_page = isinstance(instance, Page)
    workflow = instance.get_workflow() if is_page else None
    state = instance.current_workflow_state if workflow else None
    is_story = isinstance(instance, SurvivorStoryPage)
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "workflow": workflow,
        "state": state,
        "in_review": state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS,
        "needs_changes": state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "can_submit": workflow is not None
        and not instance.permissions_for_user(request.user).page_locked(),
        "submit_action": SUBMIT_ACTION,
        "is_story": is_story,
        "story_problem": publish_problem(instance) if is_story else None,
        "texts": machine_texts(instance, translation),
    }
