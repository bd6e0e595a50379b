"""The coverage report as one user may act on it: only the languages they translate into, and in
each only the links to what their permissions let them do (translators do not see *Edit source*
on the English pages they may not edit, nor *Translate into Spanish* when they translate into
French)."""

from dataclasses import replace

from django.contrib.auth import get_permission_codename
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry

from translation.coverage import CoverageReport, LocaleCoverage
from translation.translators import can_edit_in_locale


class Permitted:
    """What `user` may do with the coverage report's objects."""

    def __init__(self, user):
        self.user = user
        self.default_locale = Locale.get_default()
        self.submits = user.has_perm("wagtail_localize.submit_translation")
        self.editable_page_ids = (
            None
            if user.is_superuser
            else set(
                policy_registry.get_by_type(Page)
                .instances_user_has_permission_for(user, "change")
                .values_list("pk", flat=True)
            )
        )

    def edits(self, item, pk, locale):
        if pk is None:
            return False
        if item.is_page:
            return self.editable_page_ids is None or pk in self.editable_page_ids
        model = type(item.object)
        codename = get_permission_codename("change", model._meta)
        return self.user.has_perm(f"{model._meta.app_label}.{codename}") and can_edit_in_locale(
            self.user, locale.pk
        )

    def item(self, item, locale):
        """`item` with the addresses of what `user` may not do left empty."""
        return replace(
            item,
            edit_url=item.edit_url if self.edits(item, item.id, self.default_locale) else "",
            action_url=item.action_url if self.submits else "",
            translation_edit_url=(
                item.translation_edit_url if self.edits(item, item.translation_id, locale) else ""
            ),
        )


def coverage_for_user(report, user):
    permitted = Permitted(user)

    def locale_coverage(coverage):
        locale = coverage.locale
        return LocaleCoverage(
            locale,
            translated=coverage.translated,
            missing=[permitted.item(item, locale) for item in coverage.missing],
            outdated=[permitted.item(item, locale) for item in coverage.outdated],
        )

    return CoverageReport(
        report.default_locale,
        [
            locale_coverage(coverage)
            for coverage in report.locales
            if can_edit_in_locale(user, coverage.locale.pk)
        ],
    )
