"""The campaign page's admin form: its awareness day is a day and a month, without a year, since
it comes back every year."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from core.page_forms import LocalizedPageForm

# The year an awareness day is stored with when an editor gives one: a leap year, so that
# 29 February is a day like any other. Pages keep the year they have while the day stays.
YEARLESS = 2000


class DayAndMonthWidget(forms.MultiWidget):
    def __init__(self, attrs=None):
        days = [("", _("Day"))] + [(day, day) for day in range(1, 32)]
        months = [("", _("Month"))] + list(MONTHS.items())
        super().__init__(
            [
                forms.Select(choices=days, attrs={"aria-label": _("Day")}),
                forms.Select(choices=months, attrs={"aria-label": _("Month")}),
            ],
            attrs,
        )

    def decompress(self, value):
        return [value.day, value.month] if value else [None, None]


class DayAndMonthField(forms.MultiValueField):
    """A day of the year, e.g. 30 July, as a date in YEARLESS."""

    widget = DayAndMonthWidget

    def __init__(self, **kwargs):
        fields = [
            forms.TypedChoiceField(
                coerce=int, choices=[(d, d) for d in range(1, 32)], required=False
            ),
            forms.TypedChoiceField(coerce=int, choices=list(MONTHS.items()), required=False),
        ]
        super().__init__(fields, require_all_fields=False, required=False, **kwargs)

    def compress(self, data_list):
        day, month = (data_list + [None, None])[:2]
        if day in self.empty_values and month in self.empty_values:
            return None
        if day in self.empty_values or month in self.empty_values:
            raise ValidationError(
                _("Choose both the day and the month, e.g. 30 July, or neither."),
                code="incomplete",
            )
        try:
            return datetime.date(YEARLESS, month, day)
        except ValueError:
            raise ValidationError(
                _("%(month)s has no day %(day)s: choose another day."),
                code="invalid_date",
                params={"month": MONTHS[month], "day": day},
            ) from None


class CampaignPageForm(LocalizedPageForm):
    awareness_date = DayAndMonthField(
        label=_("Awareness day"),
        help_text=_("The day it is marked every year, e.g. 30 July; no year needed."),
    )

    def clean_awareness_date(self):
        day = self.cleaned_data["awareness_date"]
        current = self.instance.awareness_date
        if day and current and (current.month, current.day) == (day.month, day.day):
            return current
        return day
