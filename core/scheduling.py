"""Publishing times in the admin: to the minute, in the site's time zone, which the admin names
beside every publishing time and consent date."""

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.widgets import AdminDateTimeInput

# The picker lists times this many minutes apart (its default is whole hours); any other minute
# may still be typed.
PICKER_STEP_MINUTES = 15


def time_zone_label():
    """The site's time zone and its offset from UTC now, e.g. "Europe/Paris (UTC+02:00)"."""
    offset = timezone.localtime().strftime("%z")
    return f"{timezone.get_current_timezone_name()} (UTC{offset[:3]}:{offset[3:]})"


def _times_help():
    return gettext("Time in the site's time zone: %(zone)s. Any minute, e.g. 09:45.") % {
        "zone": time_zone_label()
    }


def _dates_help():
    return gettext("The day begins at midnight in the site's time zone: %(zone)s.") % {
        "zone": time_zone_label()
    }


# Lazy: read when a form is shown, in the editor's language and the time zone of the day.
times_help = lazy(_times_help, str)()
dates_help = lazy(_dates_help, str)()


class TimeZoneDatePanel(FieldPanel):
    """A date field's panel whose help ends by saying in which time zone its days begin."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            own = self.help_text
            self.help_text = format_lazy("{} {}", own, dates_help) if own else dates_help


class MinuteDateTimeInput(AdminDateTimeInput):
    """The schedule dialog's date and time field: the picker lists quarter hours and opens
    where it covers neither the next field nor "Save schedule" (schedule-picker.css: above the
    field on wide screens, at the top of the screen on narrow ones)."""

    def __init__(self, attrs=None, **kwargs):
        attrs = {**(attrs or {})}
        attrs["class"] = f"{attrs.get('class', '')} schedule-picker-input".strip()
        super().__init__(attrs=attrs, **kwargs)

    def get_config(self):
        # insideParent: the picker goes beside the input, in its field, where the stylesheet
        # can place it (by default it is laid over the dialog at a fixed position).
        return {**super().get_config(), "step": PICKER_STEP_MINUTES, "insideParent": True}

    @property
    def media(self):
        return super().media + forms.Media(
            css={"all": [versioned_static("core/schedule-picker.css")]}
        )


class SchedulePublishingPanel(PublishingPanel):
    """Wagtail's "Set publishing schedule" dialog, with minutes and the time zone."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.children = [self.minute_field(child) for child in self.children]

    @staticmethod
    def minute_field(panel):
        widget = panel.widget
        return FieldPanel(
            panel.field_name,
            widget=MinuteDateTimeInput(
                attrs=widget.attrs, js_overlay_parent_selector=widget.js_overlay_parent_selector
            ),
            help_text=times_help,
        )
