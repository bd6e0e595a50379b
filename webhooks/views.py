"""Admin for webhooks: endpoints (add, edit, delete) and the log of deliveries with a retry.

Everything here needs the `webhooks.change_webhookendpoint` permission (superusers have it): the
endpoints' secrets and the deliveries' payloads are for site administrators only."""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy

from webhooks.delivery import mark_for_retry
from webhooks.forms import WebhookEndpointForm
from webhooks.models import WebhookDelivery, WebhookEndpoint

ADMIN_PERMISSION = "webhooks.change_webhookendpoint"


class WebhookPermissionPolicy(ModelPermissionPolicy):
    """Grants `actions` on a webhooks model to active users with the change permission on
    endpoints, and nothing else to anyone (superusers included)."""

    def __init__(self, model, actions):
        super().__init__(model, auth_model=WebhookEndpoint)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and user.is_active and user.has_perm(ADMIN_PERMISSION)

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return get_user_model().objects.none()
        # Whoever may change endpoints (auth_model is WebhookEndpoint for both models).
        return super().users_with_any_permission(["change"])


endpoint_permission_policy = WebhookPermissionPolicy(
    WebhookEndpoint, ["add", "change", "delete", "view"]
)
delivery_permission_policy = WebhookPermissionPolicy(WebhookDelivery, ["view", "retry"])


# Endpoints -------------------------------------------------------------------------------------


class EndpointIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            ListingButton(
                _("Deliveries"),
                url=reverse("webhooks_deliveries:index") + f"?endpoint={instance.pk}",
                icon_name="list-ul",
                priority=25,
            )
        )
        return buttons


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    name = "webhookendpoint"
    url_prefix = "webhooks/endpoints"
    url_namespace = "webhooks_endpoints"
    icon = "link-external"
    menu_label = gettext_lazy("Webhooks")
    menu_name = "webhooks"
    menu_order = 950
    add_to_settings_menu = True
    index_view_class = EndpointIndexView
    copy_view_enabled = False  # a copy would share the secret
    add_to_reference_index = False
    list_display = [
        "name",
        "url",
        BooleanColumn("active", label=gettext_lazy("Active")),
        Column("events", label=gettext_lazy("Events"), accessor="get_events_display"),
        DateColumn("updated_at", label=gettext_lazy("Updated")),
    ]
    list_filter = ["active"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("url"),
            FieldPanel("active"),
            FieldPanel("events"),
            FieldPanel("secret"),
        ],
        base_form_class=WebhookEndpointForm,
    )

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="webhooks", codename="change_webhookendpoint"
        )


# Deliveries ------------------------------------------------------------------------------------


def retry_url(delivery):
    return reverse("webhooks_deliveries:retry", args=[delivery.pk])


class DeliveryIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("endpoint")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.can_retry and delivery_permission_policy.user_has_permission(
            self.request.user, "retry"
        ):
            buttons.append(
                ListingButton(_("Retry"), url=retry_url(instance), icon_name="rotate", priority=15)
            )
        return buttons


class DeliveryInspectView(generic.InspectView):
    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "–" if value is None or value == "" else value

    def get_payload_display_value(self):
        return format_html(
            "<pre>{}</pre>", json.dumps(self.object.payload, indent=2, ensure_ascii=False)
        )

    def get_endpoint_display_value(self):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("webhooks_endpoints:edit", args=[self.object.endpoint_id]),
            self.object.endpoint,
        )

    @cached_property
    def header_buttons(self):
        buttons = []
        if self.object.can_retry:
            buttons.append(
                HeaderButton(_("Retry now"), url=retry_url(self.object), icon_name="rotate")
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["attempt_log"] = self.object.attempt_log.all()
        return context


class RetryDeliveryView(WagtailAdminTemplateMixin, TemplateView):
    """Confirms, then makes a failed (or waiting) delivery due now and attempts it at once."""

    template_name = "webhooks/confirm_retry.html"
    page_title = gettext_lazy("Retry webhook delivery")
    header_icon = "rotate"

    def dispatch(self, request, pk):
        if not delivery_permission_policy.user_has_permission(request.user, "retry"):
            raise PermissionDenied
        self.object = get_object_or_404(WebhookDelivery.objects.select_related("endpoint"), pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("webhooks_deliveries:index"), "label": _("Webhook deliveries")},
            {
                "url": reverse("webhooks_deliveries:inspect", args=[self.object.pk]),
                "label": str(self.object),
            },
            {"url": "", "label": _("Retry")},
        ]

    def get_success_url(self):
        next_url = self.request.POST.get("next") or self.request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, {self.request.get_host()}, self.request.is_secure()
        ):
            return next_url
        return reverse("webhooks_deliveries:inspect", args=[self.object.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object, retry_url=retry_url(self.object), cancel_url=self.get_success_url()
        )
        return context

    def post(self, request, pk):
        if not self.object.can_retry:
            messages.warning(request, _("This delivery is not waiting for a retry."))
            return redirect(self.get_success_url())
        mark_for_retry(self.object)
        delivery_id = self.object.pk

        def attempt():
            from webhooks.tasks import enqueue_deliveries

            enqueue_deliveries([delivery_id])

        transaction.on_commit(attempt, robust=True)
        self.object.refresh_from_db()
        if self.object.status == WebhookDelivery.SUCCEEDED:
            messages.success(request, _("Delivered."))
        elif self.object.last_error and self.object.last_attempt_at:
            messages.warning(
                request,
                _("Attempt %(number)s: %(error)s")
                % {"number": self.object.attempts, "error": self.object.last_error},
            )
        else:
            messages.success(request, _("The delivery will be attempted again shortly."))
        return redirect(self.get_success_url())


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    name = "webhookdelivery"
    url_prefix = "webhooks/deliveries"
    url_namespace = "webhooks_deliveries"
    icon = "list-ul"
    menu_label = gettext_lazy("Webhook deliveries")
    menu_name = "webhook-deliveries"
    menu_order = 951
    add_to_settings_menu = True
    index_view_class = DeliveryIndexView
    inspect_view_class = DeliveryInspectView
    inspect_view_enabled = True
    inspect_template_name = "webhooks/delivery_inspect.html"
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 50
    list_display = [
        "event",
        Column("object_label", label=gettext_lazy("Object")),
        "endpoint",
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            primary=lambda delivery: delivery.status == WebhookDelivery.SUCCEEDED,
        ),
        Column("attempts", label=gettext_lazy("Attempts")),
        Column("last_status_code", label=gettext_lazy("Response")),
        Column("last_error", label=gettext_lazy("Last error")),
        DateColumn("created_at", label=gettext_lazy("Created")),
        DateColumn("next_retry_at", label=gettext_lazy("Next attempt")),
    ]
    list_filter = ["status", "endpoint", "event"]
    inspect_view_fields = [
        "uuid",
        "endpoint",
        "event",
        "status",
        "attempts",
        "last_status_code",
        "last_error",
        "created_at",
        "last_attempt_at",
        "delivered_at",
        "next_retry_at",
        "payload",
    ]
    form_fields = []  # deliveries are never edited: the add and edit views refuse everyone

    @property
    def retry_view(self):
        return RetryDeliveryView.as_view()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("retry/<int:pk>/", self.retry_view, name="retry"),
        ]

    def get_permissions_to_register(self):
        return Permission.objects.none()
