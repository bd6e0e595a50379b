"""The consent status panel of the story editor, and the story panels of the admin's dashboard."""

import datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

from stories.permissions import is_story_reviewer
from stories.publishing import consent_problem


class ConsentStatusPanel(Panel):
    """Tells everyone editing a story whether it may be published, and why not, without showing
    the consent record itself (dates, scope and notes are for story custodians only)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/consent_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["problem"] = consent_problem(page) if page.pk else None
            context["is_new"] = page.pk is None
            context["can_review"] = is_story_reviewer(self.request.user)
            context["is_custodian"] = self.request.user.has_perm("stories.change_consentrecord")
            return context


class StoriesAwaitingConsentPanel(Component):
    """On story custodians' dashboard: stories that cannot go on the site until consent is
    recorded (no record yet), and stories in review whose consent does not allow them."""

    name = "stories_awaiting_consent"
    order = 80
    template_name = "stories/admin/stories_awaiting_consent_panel.html"

    def __init__(self, stories):
        self.stories = stories

    def get_context_data(self, parent_context=None):
        return {"stories": self.stories}


def stories_awaiting_consent():
    """[(story, reason)]: each story (in the language it was told in) without a consent record,
    and each story or translation in review whose consent does not allow it on the site."""
    SurvivorStoryPage = apps.get_model("stories", "SurvivorStoryPage")
    ConsentRecord = apps.get_model("stories", "ConsentRecord")
    recorded = ConsentRecord.objects.filter(story__isnull=False).values("story__translation_key")
    unrecorded = {}
    for story in (
        SurvivorStoryPage.objects.exclude(translation_key__in=recorded)
        .select_related("locale")
        .order_by("pk")
    ):
        unrecorded.setdefault(story.translation_key, story)
    waiting = [(story, _("No consent recorded yet")) for story in unrecorded.values()]
    in_review_ids = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    in_review = SurvivorStoryPage.objects.filter(
        translation_key__in=recorded, pk__in=[int(pk) for pk in in_review_ids]
    ).select_related("locale")
    for story in in_review:
        if consent_problem(story):
            waiting.append((story, _("In review, but its consent does not allow it")))
    return waiting


class StoriesTakenDownPanel(Component):
    """On the dashboard of the people who wrote a story: it was taken down because its consent
    no longer allows it. Nothing of the consent itself (dates, scope, reason) is shown: that is
    for story custodians."""

    name = "stories_taken_down"
    order = 85
    template_name = "stories/admin/stories_taken_down_panel.html"

    def __init__(self, stories):
        self.stories = stories

    def get_context_data(self, parent_context=None):
        return {"stories": self.stories, "days": TAKEN_DOWN_DAYS}


TAKEN_DOWN_DAYS = 30


def stories_taken_down_for(user):
    """The stories `user` owns or wrote a revision of that were taken down for consent within
    TAKEN_DOWN_DAYS and are still off the site."""
    SurvivorStoryPage = apps.get_model("stories", "SurvivorStoryPage")
    since = timezone.now() - datetime.timedelta(days=TAKEN_DOWN_DAYS)
    taken_down = set(
        PageLogEntry.objects.filter(
            action="stories.unpublish.consent", timestamp__gte=since
        ).values_list("page_id", flat=True)
    )
    authored = Revision.page_revisions.filter(
        user=user, object_id__in=[str(pk) for pk in taken_down]
    ).values_list("object_id", flat=True)
    return list(
        SurvivorStoryPage.objects.filter(pk__in=taken_down, live=False)
        .filter(Q(owner=user) | Q(pk__in=[int(pk) for pk in authored]))
        .select_related("locale")
        .order_by("title")
    )
