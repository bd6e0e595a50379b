"""Which texts of a translation a machine wrote and no person has checked yet.

wagtail-localize records how each text was translated (`StringTranslation.translation_type`):
"machine" when a machine translator filled it in, "manual" once a person saves it in the
translation editor, changed or not (saving it unchanged is how a person confirms it). So a
machine text stays marked until a person edits or confirms it. A text with an error (invalid
markup, or a previous translation waiting to be checked: translation/memory.py) is not used on
the page, so it is not counted here: it is left to translate.
"""

from django.db.models import Exists, OuterRef, Q
from wagtail_localize.models import StringSegment, StringTranslation, Translation

# A text a machine translated, which would be used on the page, and no person has checked.
UNCHECKED_MACHINE_TEXT = Q(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE) & Q(
    has_error=False
)


def synced_translation(instance):
    """wagtail-localize's synced translation whose target is `instance`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )


def unchecked_machine_texts(instance, translation=None):
    """The machine-made translations of the source's current texts into `instance`'s language
    that no person has edited or confirmed, in the order of the source (none for objects that
    are not the target of a synced translation)."""
    translation = translation or synced_translation(instance)
    if translation is None:
        return StringTranslation.objects.none()
    segments = StringSegment.objects.filter(
        source=translation.source,
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
    )
    return (
        StringTranslation.objects.filter(UNCHECKED_MACHINE_TEXT)
        .filter(locale_id=translation.target_locale_id)
        .filter(Exists(segments))
        .select_related("context")
        .order_by("context__path")
    )
