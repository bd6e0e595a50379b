"""Translators' queue on their dashboard: the translations into their languages that still
have texts to translate, or machine translations no person has checked."""

from django.contrib.admin.utils import quote
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core.machine_text import UNCHECKED_MACHINE_TEXT
from translation.translators import ALL_LOCALES, translatable_locale_ids

MAX_LISTED = 20


def _count(queryset):
    counted = queryset.values("source_id").annotate(count=Count("pk")).values("count")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def translation_queue(locale_ids):
    """Enabled translations into `locale_ids` with work left, most work first, each annotated
    with `untranslated` and `machine` (texts a machine translated and no person checked)."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    untranslated = segments.exclude(Exists(translated))
    machine = segments.filter(Exists(translated.filter(UNCHECKED_MACHINE_TEXT)))
    return (
        Translation.objects.filter(enabled=True, target_locale_id__in=locale_ids)
        .annotate(untranslated=_count(untranslated), machine=_count(machine))
        .filter(Q(untranslated__gt=0) | Q(machine__gt=0))
        .select_related("source", "target_locale")
    )


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])


class TranslationQueuePanel(Component):
    """On translators' dashboard: what is left to do in their languages."""

    name = "translation_queue"
    order = 70
    template_name = "translation/admin/translation_queue_panel.html"

    def __init__(self, items, total):
        self.items = items
        self.total = total

    def get_context_data(self, parent_context=None):
        return {"items": self.items, "total": self.total}


def translators_queue_panel(user):
    """The queue of a translator, or None: translators edit in some languages but not the
    default one (editors, moderators and story reviewers, who edit in every language, have their
    reviews and recent edits instead)."""
    locale_ids = translatable_locale_ids(user)
    if locale_ids is ALL_LOCALES or not locale_ids or Locale.get_default().pk in locale_ids:
        return None
    queue = sorted(
        translation_queue(locale_ids), key=lambda item: -(item.untranslated + item.machine)
    )
    items = []
    for translation in queue[:MAX_LISTED]:
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue
        items.append(
            {
                "title": str(target),
                "language": translation.target_locale.get_display_name(),
                "untranslated": translation.untranslated,
                "machine": translation.machine,
                "url": edit_url(target),
            }
        )
    return TranslationQueuePanel(items, len(queue))
