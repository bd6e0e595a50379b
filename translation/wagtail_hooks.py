"""Admin additions shared by the whole site: translation coverage, safe PO uploads, and
translators kept to their own languages."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, TranslatableMixin

from core.machine_text import synced_translation
from translation.coverage import get_translation_coverage
from translation.coverage_actions import coverage_for_user
from translation.dashboard import translators_queue_panel
from translation.handoff import handle_translation_editor_post
from translation.memory import carry_over_previous_translations
from translation.translators import instance_locale_refusal, page_structure_refusal
from translation.views import (
    OwnLanguagesPageTranslationView,
    OwnLanguagesSnippetTranslationView,
    upload_po_file,
)


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
        # Only the languages the user translates into, with the actions they may take.
        return coverage_for_user(get_translation_coverage(), self.request.user)

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
def register_safe_translation_urls():
    # Listed before wagtail-localize's own URLs (this app comes first in INSTALLED_APPS), so the
    # translation editor's "Upload PO file" reaches the all-or-nothing import.
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_po_file,
            name="cms_upload_po_file",
        ),
        # The Translate forms, offering only the user's languages.
        path(
            "localize/submit/page/<int:page_id>/",
            OwnLanguagesPageTranslationView.as_view(),
            name="cms_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            OwnLanguagesSnippetTranslationView.as_view(),
            name="cms_submit_snippet_translation",
        ),
    ]


@hooks.register("insert_editor_js")
def translation_editor_label_in_the_admin_language():
    # Rendered in the request, so in the admin language of whoever opens the editor.
    return format_html(
        '<script src="{}" data-translation-label="{}"></script>',
        versioned_static("translation/translation-editor.js"),
        gettext("%(source)s to %(target)s translation"),
    )


@hooks.register("insert_global_admin_css")
def translation_editor_source_texts_in_their_own_direction():
    return format_html(
        '<link rel="stylesheet" href="{}">', versioned_static("translation/translation-editor.css")
    )


# Each hook answers with a styled refusal (an error message on the dashboard) that Wagtail returns
# in place of the view.


@hooks.register("before_edit_snippet", order=-1)
def refuse_snippets_in_other_languages(request, instance):
    return instance_locale_refusal(request, instance)


@hooks.register("before_edit_snippet", order=-1)
def keep_previous_snippet_translations(request, instance):
    # After the refusal above: only for someone who may edit the translation.
    keep_previous_translations(request, instance)


@hooks.register("before_delete_snippet", order=-1)
def refuse_deleting_snippets_in_other_languages(request, instances):
    for instance in instances:
        if response := instance_locale_refusal(request, instance):
            return response
    return None


@hooks.register("before_delete_page")
def refuse_deleting_pages_to_translators(request, page):
    return page_structure_refusal(request, [page])


@hooks.register("before_move_page")
def refuse_moving_pages_to_translators(request, page, destination):
    return page_structure_refusal(request, [page])


@hooks.register("before_bulk_action")
def refuse_bulk_structure_changes_to_translators(request, action_type, objects, action):
    if action_type in ("delete", "move") and all(isinstance(obj, Page) for obj in objects):
        return page_structure_refusal(request, objects)
    return None


@hooks.register("before_edit_page", order=-1)
def hand_off_translations(request, page):
    # Before wagtail-localize's own hook, which serves its translation editor in place of the
    # page editor: Submit for review, and the checks before publishing machine text.
    return handle_translation_editor_post(request, page)


@hooks.register("before_edit_page", order=-1)
def keep_previous_page_translations(request, page):
    keep_previous_translations(request, page)


def keep_previous_translations(request, instance):
    # When wagtail-localize's translation editor opens: texts changed since the last sync start
    # from their previous translation (translation/memory.py).
    if not isinstance(instance, TranslatableMixin) or request.method != "GET":
        return
    if (translation := synced_translation(instance)) is not None:
        carry_over_previous_translations(translation)


@hooks.register("construct_homepage_panels")
def add_translation_queue_panel(request, panels):
    panel = translators_queue_panel(request.user)
    if panel is not None:
        panels.append(panel)
