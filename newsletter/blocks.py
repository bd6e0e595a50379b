"""The sign-up box editors put on pages: a plain HTML form that works without JavaScript and
without cookies, so that the page showing it stays cacheable (newsletter/views.py says how it
is protected instead of a CSRF token)."""

import secrets

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import BodyBlock
from core.localization import localized_in_every_block
from newsletter import tokens
from newsletter.models import ConsentWording


class SignUpValue(blocks.StructValue):
    @cached_property
    def localized_lists(self):
        """The chosen lists in the active language, in the editor's order."""
        chosen = [mailing_list for mailing_list in self.get("lists") or [] if mailing_list]
        return localized_in_every_block(chosen)

    @cached_property
    def consent_wording(self):
        return ConsentWording.current()

    @cached_property
    def box_id(self):
        """Tells the ids of this box's fields from those of another box on the page."""
        return secrets.token_hex(4)

    @property
    def form_token(self):
        return tokens.form_token()

    @property
    def default_button_label(self):
        return _("Sign up")


class SignUpBlock(blocks.StructBlock):
    """A sign-up box for one or more mailing lists (the newsletter, early-access briefings)."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    lists = blocks.ListBlock(
        SnippetChooserBlock("newsletter.MailingList"),
        min_num=1,
        max_num=5,
        help_text=_("With more than one, visitors choose which they want."),
        label=_("Lists"),
    )
    button_label = blocks.CharBlock(
        required=False, max_length=60, help_text=_("'Sign up' when empty."), label=_("Button label")
    )

    class Meta:
        icon = "mail"
        template = "blocks/sign_up_block.html"
        value_class = SignUpValue
        label = _("Sign-up box")

    def get_api_representation(self, value, context=None):
        """The box's texts, its lists and the consent wording in the active language (the
        page's, in the API): what a frontend shows before POSTing to /api/v3/newsletter/sign-up/."""
        wording = value.consent_wording
        return {
            "heading": value.get("heading") or "",
            "text": value.get("text") or "",
            "button_label": str(value.get("button_label") or value.default_button_label),
            "lists": [list_value(mailing_list) for mailing_list in value.localized_lists],
            "consent_wording": consent_value(wording),
        }


def list_value(mailing_list):
    return {
        "id": mailing_list.pk,
        "name": mailing_list.name,
        "slug": mailing_list.slug,
        "description": mailing_list.description,
        "kind": mailing_list.kind,
    }


def consent_value(wording):
    if wording is None:
        return None
    return {"id": wording.pk, "version": wording.version, "text": wording.text}


class PageBodyBlock(BodyBlock):
    """The body of every page type (one shape in the APIs): the shared blocks and the sign-up
    box."""

    sign_up = SignUpBlock(label=_("Sign-up box"))
