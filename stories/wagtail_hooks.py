"""Consent records in the admin, for story custodians only, and the audit-log wording of the
publishing rules (stories/publishing.py)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from stories.models import ConsentRecord
from stories.panels import (
    StoriesAwaitingConsentPanel,
    StoriesTakenDownPanel,
    stories_awaiting_consent,
    stories_taken_down_for,
)
from stories.scheduled_jobs import STALE_AFTER, is_stale, last_run

CONSENT_DUE_DAYS = 30


class ConsentStatusColumn(Column):
    def get_value(self, instance):
        if instance.story_id is None:
            return _("Story deleted")
        problem = instance.problem_for(instance.story)
        return problem or _("Valid for the web")


class ConsentRecordViewSet(SnippetViewSet):
    """Seen and changed only by users with the consent record model permissions (the Story
    custodians group and superusers): Wagtail hides the menu item, listing, history and exports
    from everybody else."""

    model = ConsentRecord
    icon = "lock"
    menu_label = _("Consent records")
    menu_name = "consent-records"
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "__str__",
        Column("given_on", label=_("Given on"), sort_key="given_on"),
        Column("expires_on", label=_("Expires on"), sort_key="expires_on"),
        BooleanColumn("covers_translation", label=_("Translations")),
        ConsentStatusColumn("status", label=_("Status")),
    ]
    list_filter = ["covers_web", "covers_translation", "expires_on", "withdrawn_on"]
    ordering = ["expires_on", "pk"]
    search_fields = None
    list_export = []


register_snippet(ConsentRecordViewSet)


@hooks.register("register_log_actions")
def register_story_log_actions(actions):
    actions.register_action(
        "stories.publish_refused",
        _("Publishing refused: no valid consent"),
        _("Publishing refused because the story has no valid consent"),
    )
    actions.register_action(
        "stories.publish_refused.machine_text",
        _("Publishing refused: unchecked machine translation"),
        _("Publishing refused because machine-translated texts have not been checked by a person"),
    )
    actions.register_action(
        "stories.unpublish.consent",
        _("Unpublish: consent no longer valid"),
        _("Unpublished because the consent expired, was withdrawn or does not cover this page"),
    )
    actions.register_action(
        "stories.unschedule.consent",
        _("Scheduled publishing cancelled: no valid consent"),
        _("Scheduled publishing cancelled because the story has no valid consent"),
    )


class ConsentDuePanel(Component):
    """On story custodians' dashboard: consents that end within CONSENT_DUE_DAYS, so that they
    can ask the survivor to renew before the story leaves the site."""

    name = "consent_due"
    order = 90
    template_name = "stories/admin/consent_due_panel.html"

    def __init__(self, records):
        self.records = records

    def get_context_data(self, parent_context=None):
        return {"records": self.records, "days": CONSENT_DUE_DAYS}


@hooks.register("construct_homepage_panels")
def add_consent_due_panel(request, panels):
    if not request.user.has_perm("stories.change_consentrecord"):
        return
    today = timezone.localdate()
    records = (
        ConsentRecord.objects.filter(
            withdrawn_on__isnull=True,
            expires_on__gt=today,
            expires_on__lte=today + datetime.timedelta(days=CONSENT_DUE_DAYS),
            story__isnull=False,
        )
        .select_related("story")
        .order_by("expires_on")
    )
    panels.append(ConsentDuePanel(list(records)))


class ScheduledJobsPanel(Component):
    """On the dashboard of those who publish: a warning when the scheduled jobs have not run for
    STALE_AFTER, since then no scheduled page goes live or expires, and no story leaves the site
    when its consent ends."""

    name = "scheduled_jobs"
    order = 50
    template_name = "stories/admin/scheduled_jobs_panel.html"

    def __init__(self, run):
        self.run = run

    def get_context_data(self, parent_context=None):
        return {"run": self.run, "minutes": int(STALE_AFTER.total_seconds() // 60)}


@hooks.register("construct_homepage_panels")
def add_scheduled_jobs_panel(request, panels):
    if not PagePermissionPolicy().user_has_permission(request.user, "publish"):
        return
    run = last_run()
    if is_stale(run):
        panels.append(ScheduledJobsPanel(run))


@hooks.register("construct_homepage_panels")
def add_stories_awaiting_consent_panel(request, panels):
    if request.user.has_perm("stories.change_consentrecord"):
        panels.append(StoriesAwaitingConsentPanel(stories_awaiting_consent()))


@hooks.register("construct_homepage_panels")
def add_stories_taken_down_panel(request, panels):
    stories = stories_taken_down_for(request.user)
    if stories:
        panels.append(StoriesTakenDownPanel(stories))
