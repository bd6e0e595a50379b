from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Helpline, NavigationMenu, SiteSettings
from .rich_text import LocalizedPageLinkHandler, PrefetchedDocumentLinkHandler
from .task_reports import FailedTasksView, SuperuserMenuItem, background_tasks_panel, retry_task


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    list_display = ["__str__"]


class SiteSettingsViewSet(SnippetViewSet):
    model = SiteSettings
    icon = "cog"
    list_display = ["site_name", "donate_url", "default_hashtag"]


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "help"
    list_display = ["name", "country", "phone"]
    search_fields = ["name", "country", "phone"]


class SiteViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Site")
    menu_icon = "site"
    menu_order = 310
    items = (NavigationMenuViewSet, SiteSettingsViewSet, HelplineViewSet)


register_snippet(SiteViewSetGroup)


@hooks.register("register_admin_urls")
def register_failed_tasks_urls():
    return [
        path("reports/failed-tasks/", FailedTasksView.as_view(), name="cms_failed_tasks"),
        path("reports/failed-tasks/<uuid:result_id>/retry/", retry_task, name="cms_retry_task"),
    ]


@hooks.register("register_reports_menu_item")
def register_failed_tasks_menu_item():
    return SuperuserMenuItem(
        _("Failed background tasks"),
        reverse("cms_failed_tasks"),
        name="failed-tasks",
        icon_name="warning",
        order=1400,
    )


@hooks.register("construct_homepage_panels")
def add_background_tasks_panel(request, panels):
    panel = background_tasks_panel(request.user)
    if panel:
        panels.append(panel)


@hooks.register("register_rich_text_features", order=1)  # after Wagtail's own link types
def prefetched_links(features):
    features.register_link_type(LocalizedPageLinkHandler)
    features.register_link_type(PrefetchedDocumentLinkHandler)
