"""How much of the site is translated: per language, which English pages and snippets are
translated, missing or outdated, judged from wagtail-localize's own records.

For every locale but the default one, each source object (a live page of the default locale, or an
object of a translatable snippet model in the default locale) is:

- **missing** when the locale has no object with its translation key (for pages: no live page
  that is not a mere alias of the source);
- **outdated** when a synced wagtail-localize translation exists but the source moved on: its
  current content differs from what its TranslationSource last extracted, the source was
  re-extracted after the translation last wrote its target, or some string of the source has no
  translation into that locale;
- **translated** otherwise (a translation made without wagtail-localize, or whose synced
  translation was stopped, counts as translated).

What it is judged from is loaded in bulk (translation/coverage_records.py):
`get_translation_coverage()` runs a fixed number of queries whatever the number of objects,
except for loading the objects that StreamField chooser blocks point to while re-extracting
content (one query per block type and StreamField value, as when rendering the page).
"""

import math
from dataclasses import dataclass, field

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from translation.coverage_records import (
    PAGE_KIND,
    LocalizeRecords,
    current_segment_signatures,
    source_groups,
)

TRANSLATED = "translated"
MISSING = "missing"
OUTDATED = "outdated"
STATUSES = (TRANSLATED, MISSING, OUTDATED)

# Why a translation is outdated.
SOURCE_CHANGED = "source_changed"
SYNC_NOT_APPLIED = "sync_not_applied"
UNTRANSLATED_SEGMENTS = "untranslated_segments"
REASON_LABELS = {
    SOURCE_CHANGED: _("The source changed after it was last synced."),
    SYNC_NOT_APPLIED: _("The last sync has not been applied to this translation."),
    UNTRANSLATED_SEGMENTS: _("Some texts of the source are not translated."),
}


@dataclass(frozen=True)
class CoverageItem:
    """One source object as seen from one target locale."""

    object: models.Model  # the source, in the default locale
    kind: str  # "page", or the snippet model's verbose name
    title: str
    status: str
    edit_url: str  # edits the source
    action_url: str = ""  # the wagtail-localize action that fixes it (none when translated)
    translation_id: object = None  # the object in the target locale, when there is one
    translation_edit_url: str = ""
    reasons: tuple = ()  # for outdated items: codes from REASON_LABELS
    untranslated_segments: int = 0

    @property
    def id(self):
        return self.object.pk

    @property
    def is_page(self):
        return self.kind == PAGE_KIND

    @property
    def needs_sync(self):
        """Whether syncing (re-extracting the source) is part of the fix, rather than only
        translating the remaining texts."""
        return SOURCE_CHANGED in self.reasons or SYNC_NOT_APPLIED in self.reasons

    @property
    def reason_labels(self):
        return [REASON_LABELS[reason] for reason in self.reasons]

    def as_dict(self):
        return {"kind": self.kind, "id": self.id, "title": self.title}


@dataclass
class LocaleCoverage:
    """The coverage of one target locale."""

    locale: Locale
    translated: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    outdated: list = field(default_factory=list)

    @property
    def language_code(self):
        return self.locale.language_code

    @property
    def name(self):
        return self.locale.get_display_name()

    @property
    def translated_count(self):
        return len(self.translated)

    @property
    def missing_count(self):
        return len(self.missing)

    @property
    def outdated_count(self):
        return len(self.outdated)

    @property
    def total(self):
        return self.translated_count + self.missing_count + self.outdated_count

    @property
    def percentage(self):
        """Translated objects in percent of all source objects (100 when there are none)."""
        if not self.total:
            return 100.0
        return self.translated_count * 100 / self.total

    @property
    def percentage_display(self):
        return format_percentage(self.percentage)

    def add(self, item):
        getattr(self, item.status).append(item)

    def as_dict(self):
        return {
            "locale": self.language_code,
            "name": str(self.name),
            "translated": self.translated_count,
            "missing": self.missing_count,
            "outdated": self.outdated_count,
            "total": self.total,
            "coverage": round(self.percentage, 2),
            "missing_items": [item.as_dict() for item in self.missing],
            "outdated_items": [item.as_dict() for item in self.outdated],
        }


@dataclass
class CoverageReport:
    default_locale: Locale
    locales: list  # of LocaleCoverage, in the order of WAGTAIL_CONTENT_LANGUAGES

    def __getitem__(self, language_code):
        for coverage in self.locales:
            if coverage.language_code == language_code:
                return coverage
        raise KeyError(language_code)

    def below(self, threshold):
        """The locales whose coverage is under `threshold` percent."""
        return [coverage for coverage in self.locales if coverage.percentage < threshold]

    def as_dict(self):
        return {
            "default_locale": self.default_locale.language_code,
            "locales": {coverage.language_code: coverage.as_dict() for coverage in self.locales},
        }


def format_percentage(value):
    """One decimal, rounded down: 99.96 % shows as 99.9, never as a misleading 100.0."""
    return f"{math.floor(value * 10) / 10:.1f}"


def translatable_snippet_models():
    """Registered snippet models that are translated per locale."""
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


# The report ------------------------------------------------------------------------------------


def get_target_locales(default_locale=None):
    default_locale = default_locale or Locale.get_default()
    order = {code: index for index, code in enumerate(get_content_languages())}
    locales = Locale.objects.exclude(pk=default_locale.pk)
    return sorted(
        locales,
        key=lambda locale: (order.get(locale.language_code, len(order)), locale.language_code),
    )


def get_translation_coverage():
    """Translation coverage of every target locale, as a CoverageReport."""
    default_locale = Locale.get_default()
    target_locales = get_target_locales(default_locale)
    groups = source_groups(default_locale, target_locales, translatable_snippet_models())
    judge = _CoverageJudge(LocalizeRecords(default_locale, target_locales))
    report = CoverageReport(default_locale, [LocaleCoverage(locale) for locale in target_locales])
    for coverage in report.locales:
        for group in groups:
            for source in group.sources:
                coverage.add(judge.item(source, group, coverage.locale))
    return report


class _CoverageJudge:
    """Tells the status of each source in each locale from wagtail-localize's records, comparing
    each source's current content with its last extraction once, whatever the locales."""

    def __init__(self, records):
        self.records = records
        self.changed = {}  # translation source pk -> whether the content differs from its records

    def item(self, source, group, locale):
        key = source.object.translation_key
        target_pk, usable = group.targets.get((key, locale.pk), (None, False))
        common = {
            "object": source.object,
            "kind": source.kind,
            "title": source.title,
            "edit_url": source.edit_url,
            "translation_id": target_pk,
            "translation_edit_url": group.target_edit_url(target_pk) if target_pk else "",
        }
        if not usable:
            return CoverageItem(
                status=MISSING,
                action_url=f"{source.submit_url}?select_locale={locale.language_code}",
                **common,
            )
        translation_source = self.records.sources.get(key)
        translation = (
            self.records.translations.get((translation_source.pk, locale.pk))
            if translation_source
            else None
        )
        if translation is None:
            return CoverageItem(status=TRANSLATED, **common)
        untranslated = self.records.untranslated[translation_source.pk][locale.pk]
        reasons = self.outdated_reasons(source, translation_source, translation, untranslated)
        if not reasons:
            return CoverageItem(status=TRANSLATED, **common)
        return CoverageItem(
            status=OUTDATED,
            action_url=reverse(
                "wagtail_localize:update_translations", args=[translation_source.pk]
            ),
            reasons=reasons,
            untranslated_segments=untranslated,
            **common,
        )

    def outdated_reasons(self, source, translation_source, translation, untranslated):
        reasons = []
        if self.source_changed(source, translation_source):
            reasons.append(SOURCE_CHANGED)
        # wagtail-localize 1.14 never fills destination_last_updated_at (it stays NULL), so this
        # check only applies once a version of it records when targets are saved.
        written_at = translation.destination_last_updated_at
        if written_at is not None and translation_source.last_updated_at > written_at:
            reasons.append(SYNC_NOT_APPLIED)
        if untranslated:
            reasons.append(UNTRANSLATED_SEGMENTS)
        return tuple(reasons)

    def source_changed(self, source, translation_source):
        if translation_source.pk not in self.changed:
            self.changed[translation_source.pk] = (
                current_segment_signatures(source.object)
                != self.records.extracted[translation_source.pk]
            )
        return self.changed[translation_source.pk]
