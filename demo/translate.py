"""Translating the demo content through wagtail-localize, from texts written for each language.

Each object is translated the way a translator would do it in the admin: a translation source is
extracted from the English object, every segment gets a written translation, and the translated
object is created from them. Later edits to the English source can then be synced."""

import json

from django.utils.text import slugify
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .translations import TRANSLATIONS


class MissingDemoTranslation(Exception):
    pass


def translated_text(text, language):
    try:
        return TRANSLATIONS[language][text]
    except KeyError:
        raise MissingDemoTranslation(
            f"No {language} translation for {text!r}: add it to demo/translations/{language}.py"
        ) from None


def translate_object(instance, locale, overrides=None):
    """Create (or bring up to date) the translation of `instance` into `locale`; `overrides`
    ({field: value}) are the fields this language gives differently, overridden as a translator
    does in the editor (kept on later synchronisations)."""
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    language = locale.language_code
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    title = None
    if isinstance(instance, Page):
        title = translated_text(instance.title, language)
    for segment in segments:
        if segment.context.path == "slug" and title is not None:
            text = slugify(title, allow_unicode=True)
        else:
            text = translated_text(segment.string.data, language)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    override_segments(source, locale, overrides or {})
    translation.save_target(publish=True)
    return instance.get_translation(locale)


def override_segments(source, locale, overrides):
    segments = OverridableSegment.objects.filter(
        source=source, context__path__in=overrides
    ).select_related("context")
    for segment in segments:
        SegmentOverride.objects.update_or_create(
            locale=locale,
            context=segment.context,
            defaults={"data_json": json.dumps(overrides[segment.context.path])},
        )
