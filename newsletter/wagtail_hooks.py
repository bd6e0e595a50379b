from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from newsletter.admin_views import (
    VIEW_PERMISSION,
    SubscriptionsPanel,
    SubscriptionViewSet,
    ViewOnlyPolicy,
    erase_view,
)
from newsletter.models import ConsentWording, MailingList, Subscription

register_permission_policy(Subscription, ViewOnlyPolicy(Subscription))


class MailingListViewSet(SnippetViewSet):
    model = MailingList
    icon = "mail"
    list_display = ["name", "slug", "kind"]
    search_fields = ["name"]


class ConsentWordingViewSet(SnippetViewSet):
    model = ConsentWording
    icon = "doc-full"
    list_display = ["version", "text"]


class NewsletterViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Newsletter")
    menu_icon = "mail"
    menu_order = 320
    items = (MailingListViewSet, ConsentWordingViewSet)


register_snippet(NewsletterViewSetGroup)


@hooks.register("register_admin_viewset")
def register_subscriptions():
    return SubscriptionViewSet("newsletter_subscription")


@hooks.register("register_admin_urls")
def register_erase_url():
    return [path("newsletter/erase/<int:subscriber_id>/", erase_view, name="newsletter_erase")]


@hooks.register("construct_homepage_panels")
def add_subscriptions_panel(request, panels):
    if request.user.has_perm(VIEW_PERMISSION):
        panels.append(SubscriptionsPanel())
