"""What the translation coverage report (translation/coverage.py) is made from, each loaded in
bulk: the source objects of the default locale, their counterparts in the target locales, and
wagtail-localize's records of what it extracted from each source and what is translated."""

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.urls import reverse
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
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

PAGE_KIND = "page"


# Sources ---------------------------------------------------------------------------------------


@dataclass
class Source:
    """An object of the default locale, with the admin addresses the report links it to."""

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
        Source(
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
        Source(
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


@dataclass
class SourceGroup:
    """Source objects of one model (all pages are one), and their counterparts."""

    sources: list  # of Source
    targets: dict  # {(translation_key, locale_id): (pk, is_usable)}
    target_edit_url: Callable  # the admin address that edits a counterpart, given its pk


def source_groups(default_locale, target_locales, snippet_models):
    """The live pages of the default locale, then the objects of each of `snippet_models`."""
    page_queryset, page_sources = _page_sources(default_locale)
    groups = [
        SourceGroup(
            page_sources,
            _page_targets(page_queryset, target_locales),
            lambda pk: reverse("wagtailadmin_pages:edit", args=[pk]),
        )
    ]
    for model in snippet_models:
        queryset, sources = _snippet_sources(model, default_locale)
        groups.append(
            SourceGroup(
                sources,
                _snippet_targets(model, queryset, target_locales),
                lambda pk, model=model: _snippet_edit_url(model, pk),
            )
        )
    return groups


# wagtail-localize records ----------------------------------------------------------------------


class LocalizeRecords:
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
