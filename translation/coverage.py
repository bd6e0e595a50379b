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

`get_translation_coverage()` runs a fixed number of queries whatever the number of objects,
except for loading the objects that StreamField chooser blocks point to while re-extracting
content (one query per block type and StreamField value, as when rendering the page).
"""

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.admin.utils import quote
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_content_languages
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

TRANSLATED = "translated"
MISSING = "missing"
OUTDATED = "outdated"
STATUSES = (TRANSLATED, MISSING, OUTDATED)

PAGE_KIND = "page"

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


# Sources ---------------------------------------------------------------------------------------


@dataclass
class _Source:
    object: models.Model
    kind: str
    title: str
    edit_url: str
    submit_url: str


def _page_sources(default_locale):
    queryset = Page.objects.live().filter(locale=default_locale, depth__gt=1)
    pages = list(queryset.order_by("path").specific())
    _prefetch_for_extraction(pages)
    sources = [
        _Source(
            page,
            PAGE_KIND,
            page.title,
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        )
        for page in pages
    ]
    return queryset, sources


def _snippet_edit_url(model, pk):
    return reverse(model.snippet_viewset.get_url_name("edit"), args=[quote(pk)])


def _snippet_sources(model, default_locale):
    queryset = model._default_manager.filter(locale=default_locale)
    if issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    objects = list(queryset.select_related("locale"))
    _prefetch_for_extraction(objects)
    meta = model._meta
    kind = str(meta.verbose_name)
    sources = [
        _Source(
            obj,
            kind,
            str(obj),
            _snippet_edit_url(model, obj.pk),
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, quote(obj.pk)],
            ),
        )
        for obj in objects
    ]
    return queryset, sources


def _prefetch_for_extraction(instances):
    """Load, in one query per relation, the related objects `extract_segments` reads."""
    by_model = defaultdict(list)
    for instance in instances:
        by_model[type(instance)].append(instance)
    for model, objects in by_model.items():
        names = []
        for translatable_field in get_translatable_fields(model):
            try:
                model_field = translatable_field.get_field(model)
            except FieldDoesNotExist:
                continue
            if isinstance(model_field, models.ForeignKey):
                names.append(model_field.name)
            elif isinstance(model_field, models.ManyToOneRel) and issubclass(
                model_field.related_model, TranslatableMixin
            ):
                names.append(model_field.get_accessor_name())
        if names:
            prefetch_related_objects(objects, *names)


# Targets ---------------------------------------------------------------------------------------


def _page_targets(source_queryset, target_locales):
    """{(translation_key, locale_id): (pk, is_usable)} for pages in the target locales; a page is
    usable when it is live and not an alias of the source."""
    rows = Page.objects.filter(
        locale__in=target_locales,
        translation_key__in=source_queryset.values("translation_key"),
    ).values_list("translation_key", "locale_id", "pk", "live", "alias_of_id")
    targets = {}
    for key, locale_id, pk, live, alias_of_id in rows:
        usable = live and alias_of_id is None
        previous = targets.get((key, locale_id))
        if previous is None or (usable and not previous[1]):
            targets[(key, locale_id)] = (pk, usable)
    return targets


def _snippet_targets(model, source_queryset, target_locales):
    queryset = model._default_manager.filter(
        locale__in=target_locales,
        translation_key__in=source_queryset.values("translation_key"),
    )
    live = issubclass(model, DraftStateMixin)
    fields = ["translation_key", "locale_id", "pk"] + (["live"] if live else [])
    targets = {}
    for row in queryset.values_list(*fields):
        targets[(row[0], row[1])] = (row[2], row[3] if live else True)
    return targets


# wagtail-localize records ----------------------------------------------------------------------


class _LocalizeRecords:
    """What wagtail-localize knows about the sources of the default locale, loaded in bulk."""

    def __init__(self, default_locale, target_locales):
        self.sources = {
            source.object_id: source
            for source in TranslationSource.objects.filter(locale=default_locale).only(
                "id", "object_id", "last_updated_at"
            )
        }
        self.translations = {
            (translation.source_id, translation.target_locale_id): translation
            for translation in Translation.objects.filter(
                source__locale=default_locale, target_locale__in=target_locales, enabled=True
            ).only("id", "source_id", "target_locale_id", "destination_last_updated_at")
        }
        self.extracted = defaultdict(Counter)  # source id -> signatures of its stored segments
        self.untranslated = defaultdict(Counter)  # source id -> {locale id: untranslated count}

        flags = {
            f"translated_{locale.pk}": Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=locale.pk,
                    has_error=False,
                )
            )
            for locale in target_locales
        }
        string_rows = (
            StringSegment.objects.filter(source__locale=default_locale)
            .annotate(**flags)
            .values_list("source_id", "context__path", "string__data", *flags)
        )
        for source_id, path, data, *translated in string_rows:
            self.extracted[source_id][("string", path, data)] += 1
            for locale, is_translated in zip(target_locales, translated, strict=True):
                if not is_translated:
                    self.untranslated[source_id][locale.pk] += 1

        for source_id, path, template_format, template in TemplateSegment.objects.filter(
            source__locale=default_locale
        ).values_list(
            "source_id", "context__path", "template__template_format", "template__template"
        ):
            self.extracted[source_id][("template", path, template_format, template)] += 1
        for source_id, path, object_id in RelatedObjectSegment.objects.filter(
            source__locale=default_locale
        ).values_list("source_id", "context__path", "object_id"):
            self.extracted[source_id][("related", path, str(object_id))] += 1
        for source_id, path, data_json in OverridableSegment.objects.filter(
            source__locale=default_locale
        ).values_list("source_id", "context__path", "data_json"):
            self.extracted[source_id][("overridable", path, _normalise_json(data_json))] += 1


def _normalise_json(data_json):
    return json.dumps(json.loads(data_json), sort_keys=True)


def _segment_signature(segment):
    if isinstance(segment, StringSegmentValue):
        return ("string", segment.path, segment.string.data)
    if isinstance(segment, TemplateSegmentValue):
        return ("template", segment.path, segment.format, segment.template)
    if isinstance(segment, RelatedObjectSegmentValue):
        return ("related", segment.path, str(segment.translation_key))
    if isinstance(segment, OverridableSegmentValue):
        data_json = json.dumps(segment.data, cls=DjangoJSONEncoder)
        return ("overridable", segment.path, _normalise_json(data_json))
    return ("other", segment.path, repr(segment))


def current_segment_signatures(instance):
    """What wagtail-localize would extract from `instance` now, comparable with its records."""
    return Counter(_segment_signature(segment) for segment in extract_segments(instance))


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

    groups = []  # (sources, targets, edit_url(pk) for targets)
    page_queryset, page_sources = _page_sources(default_locale)
    groups.append(
        (
            page_sources,
            _page_targets(page_queryset, target_locales),
            lambda pk: reverse("wagtailadmin_pages:edit", args=[pk]),
        )
    )
    for model in translatable_snippet_models():
        queryset, sources = _snippet_sources(model, default_locale)
        groups.append(
            (
                sources,
                _snippet_targets(model, queryset, target_locales),
                lambda pk, model=model: _snippet_edit_url(model, pk),
            )
        )

    records = _LocalizeRecords(default_locale, target_locales)
    changed = {}  # source pk -> whether the current content differs from the last extraction

    def source_changed(source, translation_source):
        if translation_source.pk not in changed:
            changed[translation_source.pk] = (
                current_segment_signatures(source.object)
                != records.extracted[translation_source.pk]
            )
        return changed[translation_source.pk]

    report = CoverageReport(default_locale, [LocaleCoverage(locale) for locale in target_locales])
    for coverage in report.locales:
        locale = coverage.locale
        for sources, targets, target_edit_url in groups:
            for source in sources:
                key = source.object.translation_key
                target_pk, usable = targets.get((key, locale.pk), (None, False))
                common = {
                    "object": source.object,
                    "kind": source.kind,
                    "title": source.title,
                    "edit_url": source.edit_url,
                    "translation_id": target_pk,
                    "translation_edit_url": target_edit_url(target_pk) if target_pk else "",
                }
                if not usable:
                    coverage.add(
                        CoverageItem(
                            status=MISSING,
                            action_url=f"{source.submit_url}?select_locale={locale.language_code}",
                            **common,
                        )
                    )
                    continue

                translation_source = records.sources.get(key)
                translation = (
                    records.translations.get((translation_source.pk, locale.pk))
                    if translation_source
                    else None
                )
                if translation is None:
                    coverage.add(CoverageItem(status=TRANSLATED, **common))
                    continue

                reasons = []
                if source_changed(source, translation_source):
                    reasons.append(SOURCE_CHANGED)
                # wagtail-localize 1.14 never fills destination_last_updated_at (it stays NULL),
                # so this check only applies once a version of it records when targets are saved.
                written_at = translation.destination_last_updated_at
                if written_at is not None and translation_source.last_updated_at > written_at:
                    reasons.append(SYNC_NOT_APPLIED)
                untranslated = records.untranslated[translation_source.pk][locale.pk]
                if untranslated:
                    reasons.append(UNTRANSLATED_SEGMENTS)
                if reasons:
                    coverage.add(
                        CoverageItem(
                            status=OUTDATED,
                            action_url=reverse(
                                "wagtail_localize:update_translations",
                                args=[translation_source.pk],
                            ),
                            reasons=tuple(reasons),
                            untranslated_segments=untranslated,
                            **common,
                        )
                    )
                else:
                    coverage.add(CoverageItem(status=TRANSLATED, **common))
    return report
