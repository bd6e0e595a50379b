"""A changed text keeps its previous translation, for the translator to check.

wagtail-localize keys a translation on the exact source text: when an editor changes a paragraph
and the translation is synced, the new text has no translation and the translator would start
again from nothing. wagtail-localize has no translation memory, but it keeps the translations of
the old texts. So, when the translation editor opens, each untranslated text is given the
translation of the text it replaced (same field or block, the most similar old text), or else
the translation of the very same text elsewhere (a block made anew, a sentence used on another
page), flagged as an error: the editor shows it pre-filled, with a warning that quotes the old
source, and it is not used on the page (nor counted as translated) until a person saves it.
"""

from collections import Counter
from difflib import SequenceMatcher

from django.db.models import Exists, OuterRef
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail_localize.models import StringSegment, StringTranslation

# Below this similarity an old text is taken to be another text, not the changed one, unless the
# field or block holds a single text (a title, a heading): then the old text is its predecessor.
MIN_SIMILARITY = 0.4
QUOTED_LENGTH = 300


def similarity(old, new):
    return SequenceMatcher(None, old, new).ratio()


def untranslated_segments(translation):
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
    )
    return (
        StringSegment.objects.filter(source_id=translation.source_id)
        .exclude(Exists(translated))
        .select_related("string")
        .order_by("order")
    )


def previous_translations(translation, context_ids):
    """{context id: [translations of texts no longer in the source]}, newest first."""
    current = StringSegment.objects.filter(
        source_id=translation.source_id, context_id=OuterRef("context_id")
    ).filter(string_id=OuterRef("translation_of_id"))
    old = (
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id, context_id__in=context_ids, has_error=False
        )
        .exclude(Exists(current))
        .select_related("translation_of")
        .order_by("-updated_at")
    )
    by_context = {}
    for string_translation in old:
        by_context.setdefault(string_translation.context_id, []).append(string_translation)
    return by_context


def best_previous(segment, candidates, single_text):
    scored = [(similarity(old.translation_of.data, segment.string.data), old) for old in candidates]
    if not scored:
        return None
    score, best = max(scored, key=lambda pair: pair[0])  # max keeps the newest of equals
    return best if single_text or score >= MIN_SIMILARITY else None


def same_text_elsewhere(translation, segments):
    """{string id: the newest translation of that very text in another field, block or page}."""
    found = {}
    for string_translation in StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        translation_of_id__in=[segment.string_id for segment in segments],
        has_error=False,
    ).order_by("updated_at"):
        found[string_translation.translation_of_id] = string_translation
    return found


def carry_over(segment, previous, locale_id):
    if previous.translation_of_id == segment.string_id:
        warning = _(
            "This text is translated this way elsewhere on the site: check it fits here, then "
            "save it."
        )
    else:
        old_source = Truncator(previous.translation_of.data).chars(QUOTED_LENGTH)
        warning = _(
            "The source text changed. It was: “%(old)s”. This is the translation of that "
            "text: check it against the new text, then save it."
        ) % {"old": old_source}
    return StringTranslation(
        translation_of_id=segment.string_id,
        context_id=segment.context_id,
        locale_id=locale_id,
        data=previous.data,
        translation_type=previous.translation_type,
        tool_name=previous.tool_name,
        last_translated_by_id=previous.last_translated_by_id,
        has_error=True,
        field_error=warning,
    )


def carry_over_previous_translations(translation):
    """Give each untranslated text of `translation` its previous translation to check; returns
    how many it gave."""
    segments = list(untranslated_segments(translation))
    if not segments:
        return 0
    context_ids = {segment.context_id for segment in segments}
    candidates = previous_translations(translation, context_ids)
    texts_per_context = Counter(
        StringSegment.objects.filter(
            source_id=translation.source_id, context_id__in=context_ids
        ).values_list("context_id", flat=True)
    )
    elsewhere = same_text_elsewhere(translation, segments)
    carried = []
    for segment in segments:
        remaining = candidates.get(segment.context_id, [])
        previous = best_previous(segment, remaining, texts_per_context[segment.context_id] == 1)
        if previous is not None:
            remaining.remove(previous)
        else:
            previous = elsewhere.get(segment.string_id)
        if previous is not None:
            carried.append(carry_over(segment, previous, translation.target_locale_id))
    # Without save()'s signal, which would set a page's draft title: a carried-over title is
    # already the translation's title.
    StringTranslation.objects.bulk_create(carried)
    return len(carried)
