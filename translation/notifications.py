"""Tell translators what changed when a source page or snippet they translate changes."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation as django_translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from translation.coverage import translatable_snippet_models
from translation.translators import translators_for_locale

logger = logging.getLogger(__name__)
MAX_LISTED_TEXTS = 20


def changed_texts(instance):
    """The texts of `instance` that its translations have not seen yet: new or edited segments
    since wagtail-localize last extracted the source."""
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    if source is None:
        return None, []
    known = set(
        StringSegment.objects.filter(source=source).values_list("context__path", "string__data")
    )
    current = [
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(getattr(segment, "string", None), StringValue)
    ]
    return source, [(path, text) for path, text in current if (path, text) not in known]


def notify_translators(instance):
    """Email the translators of every language this source is translated into."""
    if instance.locale_id != Locale.get_default().pk:
        return
    source, texts = changed_texts(instance)
    if not texts:
        return
    sync_url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "wagtail_localize:update_translations", args=[source.pk]
    )
    translations = Translation.objects.filter(source=source, enabled=True).select_related(
        "target_locale"
    )
    for translation in translations:
        recipients = list(
            translators_for_locale(translation.target_locale).values_list("email", flat=True)
        )
        if not recipients:
            continue
        with django_translation.override(translation.target_locale.language_code):
            subject = _("“%(title)s” changed: %(count)s texts to translate") % {
                "title": Truncator(str(instance)).chars(80),
                "count": len(texts),
            }
            lines = [
                _("The %(language)s source of “%(title)s” changed. New or edited texts:")
                % {"language": instance.locale.get_display_name(), "title": instance},
                "",
            ]
            lines += [
                f"- {path}: {Truncator(text).chars(200)}" for path, text in texts[:MAX_LISTED_TEXTS]
            ]
            lines += ["", _("Bring the translation up to date: %(url)s") % {"url": sync_url}]
        try:
            send_mail(subject, "\n".join(lines), None, recipients)
        except OSError:
            logger.exception("Could not email the translators of %s", instance)


def page_published(sender, instance, **kwargs):
    transaction.on_commit(lambda: notify_translators(instance))


def snippet_saved(sender, instance, created, raw=False, **kwargs):
    # Snippets are registered once the admin hooks have loaded: look them up when saved.
    if (
        not created
        and not raw
        and isinstance(instance, TranslatableMixin)
        and not isinstance(instance, Page)
        and type(instance) in translatable_snippet_models()
    ):
        transaction.on_commit(lambda: notify_translators(instance))
