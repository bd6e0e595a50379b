from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from webhooks.models import CONTENT_EVENTS, EVENT_CHOICES


class WebhookEndpointForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=EVENT_CHOICES,
        initial=CONTENT_EVENTS,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "What this endpoint is told about. Subscription events send subscribers' email "
            "addresses: tick them only for a system allowed to hold them."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "secret" in self.fields:
            self.fields["secret"].widget.attrs.update(
                {"autocomplete": "off", "spellcheck": "false", "style": "font-family: monospace"}
            )
