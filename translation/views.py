"""Admin views that make wagtail-localize's translation workflow safer."""

import os
import re
import tempfile

import polib
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import StringSegment, Translation

from translation.localize_patches import (
    TRANSLATION_ID_HEADER,
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
    user_can_edit_instance,
)
from translation.translators import (
    ALL_LOCALES,
    can_edit_in_locale,
    language_names,
    translatable_locale_ids,
)

MAX_LISTED_PROBLEMS = 5


class InvalidPOFile(ValueError):
    pass


QUOTED = r'"(?:[^"\\]|\\.)*"'
PO_LINE = re.compile(
    rf"^\s*(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{QUOTED}|{QUOTED})?\s*$"
)


def check_po_syntax(content):
    """polib forgives broken lines (an unclosed quote loses a character): refuse them instead."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidPOFile(_("This is not a valid PO file: it is not UTF-8 text.")) from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not PO_LINE.match(line):
            raise InvalidPOFile(
                _("This is not a valid PO file: line %(number)s is broken: %(line)s")
                % {"number": number, "line": line[:80]}
            )


def read_po_file(upload):
    """Parse an uploaded file with polib, which takes a path (never the content: polib would
    read a path written inside it)."""
    content = upload.read()
    check_po_syntax(content)
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as temporary:
        temporary.write(content)
    try:
        return polib.pofile(temporary.name)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise InvalidPOFile(
            _("This is not a valid PO file: %(error)s") % {"error": error}
        ) from None
    finally:
        os.unlink(temporary.name)


def check_po_file(po, translation):
    """Every reason not to import `po` into `translation`: an import is all or nothing."""
    if po.metadata.get(TRANSLATION_ID_HEADER) != str(translation.uuid):
        return [_("This PO file was exported from another translation, not from this one.")]
    known = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "context__path", "string__data"
        )
    )
    unknown = [
        entry for entry in po if not entry.obsolete and (entry.msgctxt, entry.msgid) not in known
    ]
    if not unknown:
        return []
    listed = "; ".join(
        f"{entry.msgctxt}: {entry.msgid[:60]!r}" for entry in unknown[:MAX_LISTED_PROBLEMS]
    )
    return [
        _(
            "%(count)s entries of this PO file are not in the source (it may have changed since "
            "the file was exported; download it again): %(entries)s"
        )
        % {"count": len(unknown), "entries": listed}
    ]


@require_POST
def upload_po_file(request, translation_id):
    """Import a translator's PO file, or nothing at all if any part of it is wrong."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    if not can_edit_in_locale(request.user, translation.target_locale_id):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
        return redirect(next_url)
    try:
        po = read_po_file(upload)
    except InvalidPOFile as error:
        messages.error(request, str(error))
        return redirect(next_url)
    problems = check_po_file(po, translation)
    if problems:
        for problem in problems:
            messages.error(request, problem)
        return redirect(next_url)
    with transaction.atomic():
        translation.import_po(po, user=request.user, tool_name="PO File")
    messages.success(request, _("Imported the translations from the PO file."))
    return redirect(next_url)


class OwnLanguagesMixin:
    """wagtail-localize's Translate form, offering only the languages the user translates into."""

    def get_form(self):
        form = super().get_form()
        locale_ids = translatable_locale_ids(self.request.user)
        if locale_ids is ALL_LOCALES:
            return form
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=locale_ids)
        field.error_messages["invalid_choice"] = _(
            "You translate into %(languages)s only: choose one of them."
        ) % {"languages": language_names(self.request.user) or "—"}
        if not field.queryset:
            field.help_text = _(
                "This is translated into every language you translate into, or you translate "
                "into none."
            )
        if len(field.queryset) < 2:
            form.fields["select_all"].widget = forms.HiddenInput()
        return form


class OwnLanguagesPageTranslationView(OwnLanguagesMixin, SubmitPageTranslationView):
    pass


class OwnLanguagesSnippetTranslationView(OwnLanguagesMixin, SubmitSnippetTranslationView):
    pass
