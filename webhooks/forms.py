from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from webhooks.models import EVENT_CHOICES, EVENTS


class WebhookEndpointForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=EVENT_CHOICES,
        initial=EVENTS,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What this endpoint is told about."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "secret" in self.fields:
            self.fields["secret"].widget.attrs.update(
                {"autocomplete": "off", "spellcheck": "false", "style": "font-family: monospace"}
            )
