"""What a sign-up may say, the same for the form on pages and API v3: an address that can
receive mail, one to five lists, the consent wording shown, and where it was made."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from newsletter.addresses import validate_address
from newsletter.models import ConsentWording, MailingList

MAX_LISTS = 5


class AddressField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(max_length=254, **kwargs)

    def clean(self, value):
        return validate_address(super().clean(value))


class SignUpForm(forms.Form):
    email = AddressField(
        label=_("Email address"), error_messages={"required": _("Enter your email address.")}
    )
    lists = forms.ModelMultipleChoiceField(
        queryset=MailingList.objects.all(),
        error_messages={
            "required": _("Choose at least one list."),
            "invalid_choice": _("Choose among the lists shown."),
            "invalid_pk_value": _("Choose among the lists shown."),
        },
    )
    consent = forms.ModelChoiceField(queryset=ConsentWording.objects.all(), required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    website = forms.CharField(required=False, max_length=200)  # the honeypot: people leave it

    def clean_lists(self):
        lists = self.cleaned_data["lists"]
        if len(lists) > MAX_LISTS:
            raise ValidationError(_("Choose at most %(count)d lists.") % {"count": MAX_LISTS})
        return lists

    def clean_consent(self):
        wording = self.cleaned_data.get("consent") or ConsentWording.current()
        if wording is None:
            raise ValidationError(_("Sign-up is not open yet."))
        return wording

    def is_bot(self):
        return bool(self.data.get("website"))

    def signed_up_on(self):
        page_id = self.cleaned_data.get("page")
        page = Page.objects.live().public().filter(pk=page_id).first() if page_id else None
        return page.url if page else ""

    def errors_shown(self):
        return [error for errors in self.errors.values() for error in errors]
