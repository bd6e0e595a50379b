"""The supporter managers' side of the admin: subscriptions listed, searched, filtered and
exported with Wagtail's own views (only confirmed ones count: filter by status to export them);
a person erased on request; counts over time on the dashboard.

No one edits a subscription in the admin (not even superusers): a subscription changes only by
its subscriber's own links, and statistics stay true."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from newsletter import subscriptions
from newsletter.models import MailingList, SignUpStatistic, Subscriber, Subscription

ERASE_PERMISSION = "newsletter.delete_subscriber"
VIEW_PERMISSION = "newsletter.view_subscription"
PANEL_WEEKS = 8


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Subscriptions may be seen (with `view`), never added, changed or deleted one by one."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"])


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    icon = "mail"
    menu_label = gettext_lazy("Subscribers")
    menu_order = 330
    add_to_admin_menu = True
    copy_view_enabled = False
    form_fields = ["status"]  # required by ModelViewSet; ViewOnlyPolicy lets nobody use it
    list_display = [
        "email",
        Column("mailing_list", label=gettext_lazy("List")),
        Column("language", label=gettext_lazy("Language")),
        Column("status", accessor="get_status_display", label=gettext_lazy("Status")),
        Column("created_at", label=gettext_lazy("Signed up")),
        Column("confirmed_at", label=gettext_lazy("Confirmed")),
        TitleColumn(
            "erase",
            accessor=lambda subscription: _("Erase this person…"),
            get_url=lambda subscription: reverse(
                "newsletter_erase", args=[subscription.subscriber_id]
            ),
            label=gettext_lazy("Erase on request"),
        ),
    ]
    list_filter = ["mailing_list", "status", "subscriber__language", "created_at"]
    list_export = ["email", "language", "mailing_list", "status", "confirmed_at", "consent_version"]
    export_headings = {
        "email": gettext_lazy("Email address"),
        "language": gettext_lazy("Language"),
        "mailing_list": gettext_lazy("List"),
        "status": gettext_lazy("Status"),
        "confirmed_at": gettext_lazy("Confirmed"),
        "consent_version": gettext_lazy("Consent wording version"),
    }
    export_filename = "subscribers"
    search_fields = ["subscriber__email"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return Subscription.objects.select_related("subscriber", "mailing_list", "consent_wording")


def erase_view(request, subscriber_id):
    """Asks first; then forgets the person everywhere (anonymous counts stay)."""
    if not request.user.has_perm(ERASE_PERMISSION):
        raise PermissionDenied
    subscriber = get_object_or_404(Subscriber, pk=subscriber_id)
    if request.method == "POST":
        subscriptions.erase(subscriber)
        messages.success(request, _("The person was erased: their address is nowhere any more."))
        return redirect("newsletter_subscription:index")
    return TemplateResponse(
        request,
        "newsletter/admin/erase.html",
        {"subscriber": subscriber, "subscriptions": subscriber.subscriptions.all()},
    )


class SubscriptionsPanel(Component):
    """Confirmed subscribers per list now, and sign-ups confirmed and ended week by week."""

    name = "newsletter_subscriptions"
    order = 90
    template_name = "newsletter/admin/subscriptions_panel.html"

    def get_context_data(self, parent_context=None):
        return {"lists": confirmed_per_list(), "weeks": weekly_counts()}


def confirmed_per_list():
    return MailingList.objects.filter(subscriptions__isnull=False).annotate(
        confirmed=Count("subscriptions", filter=Q(subscriptions__status=Subscription.CONFIRMED))
    )


def weekly_counts(today=None):
    today = today or timezone.localdate()
    start = today - datetime.timedelta(days=today.weekday(), weeks=PANEL_WEEKS - 1)
    weeks = []
    for week in range(PANEL_WEEKS):
        monday = start + datetime.timedelta(weeks=week)
        rows = SignUpStatistic.objects.filter(
            day__gte=monday, day__lt=monday + datetime.timedelta(days=7)
        )
        totals = rows.aggregate(confirmed=Sum("confirmed"), ended=Sum("ended"))
        weeks.append(
            {"monday": monday, "confirmed": totals["confirmed"] or 0, "ended": totals["ended"] or 0}
        )
    return weeks
