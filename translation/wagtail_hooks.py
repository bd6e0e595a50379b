"""Admin additions shared by the whole site: translation coverage, safe PO uploads, and
translators kept to their own languages."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from translation.coverage import get_translation_coverage
from translation.dashboard import translators_queue_panel
from translation.handoff import handle_translation_editor_post
from translation.translators import check_instance_locale, check_page_structure_change
from translation.views import upload_po_file


class TranslationCoverageView(ReportView):
    """Per language: how much is translated, and what is missing or outdated, with links to act."""

    template_name = "translation/coverage.html"
    page_title = _("Translation coverage")
    header_icon = "globe"
    index_url_name = "cms_translation_coverage"
    paginate_by = None
    export_filename = "translation-coverage"
    list_export = [
        "language_code",
        "name",
        "translated_count",
        "missing_count",
        "outdated_count",
        "total",
        "percentage_display",
    ]
    export_headings = {
        "language_code": _("Language code"),
        "name": _("Language"),
        "translated_count": _("Translated"),
        "missing_count": _("Missing"),
        "outdated_count": _("Outdated"),
        "total": _("Total"),
        "percentage_display": _("Coverage (%)"),
    }

    @cached_property
    def report(self):
        return get_translation_coverage()

    def get_queryset(self):
        # One row per language; the report is computed once per request.
        return self.report.locales

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = self.report
        return context


@hooks.register("register_admin_urls")
def register_translation_coverage_url():
    return [
        path(
            "reports/translation-coverage/",
            TranslationCoverageView.as_view(),
            name="cms_translation_coverage",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_coverage_menu_item():
    return MenuItem(
        _("Translation coverage"),
        reverse("cms_translation_coverage"),
        name="translation-coverage",
        icon_name="globe",
        order=1300,
    )


@hooks.register("register_admin_urls")
def register_safe_po_upload_url():
    # Listed before wagtail-localize's own URLs (this app comes first in INSTALLED_APPS), so the
    # translation editor's "Upload PO file" reaches the all-or-nothing import.
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_po_file,
            name="cms_upload_po_file",
        ),
    ]


@hooks.register("before_edit_snippet", order=-1)
def refuse_snippets_in_other_languages(request, instance):
    check_instance_locale(request.user, instance)


@hooks.register("before_delete_snippet", order=-1)
def refuse_deleting_snippets_in_other_languages(request, instances):
    for instance in instances:
        check_instance_locale(request.user, instance)


@hooks.register("before_delete_page")
def refuse_deleting_pages_to_translators(request, page):
    check_page_structure_change(request.user, [page])


@hooks.register("before_move_page")
def refuse_moving_pages_to_translators(request, page, destination):
    check_page_structure_change(request.user, [page])


@hooks.register("before_bulk_action")
def refuse_bulk_structure_changes_to_translators(request, action_type, objects, action):
    if action_type in ("delete", "move") and all(isinstance(obj, Page) for obj in objects):
        check_page_structure_change(request.user, objects)


@hooks.register("before_edit_page", order=-1)
def hand_off_translations(request, page):
    # Before wagtail-localize's own hook, which serves its translation editor in place of the
    # page editor: Submit for review, and the checks before publishing machine text.
    return handle_translation_editor_post(request, page)


@hooks.register("construct_homepage_panels")
def add_translation_queue_panel(request, panels):
    panel = translators_queue_panel(request.user)
    if panel is not None:
        panels.append(panel)
