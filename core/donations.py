"""Donations: the site settings' provider address and suggested amounts in each language, and
the links they make. Visitors give on the provider's site; no card data ever reaches this one."""

import string
from dataclasses import dataclass
from urllib.parse import quote

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from core.money import CURRENCIES, format_amount

AMOUNTS = RegexValidator(
    r"^\s*[1-9][0-9]{0,8}(\s*,\s*[1-9][0-9]{0,8}){0,5}\s*$",
    _("Enter up to six whole amounts above zero, separated by commas, e.g. 10, 25, 50."),
)


def validate_currency(value):
    if value not in dict(CURRENCIES):
        raise ValidationError(
            _("Choose one of these currencies: %(codes)s."),
            code="currency",
            params={"codes": ", ".join(dict(CURRENCIES))},
        )


PLACEHOLDERS = {"amount", "currency"}
FORMAT = string.Formatter().parse


def validate_amount_url(value):
    """The provider's address for one amount: `{amount}` in it, no other placeholder."""
    try:
        fields = [(name, spec, conversion) for _text, name, spec, conversion in FORMAT(value)]
    except ValueError:  # an unpaired brace
        fields = [(None, "", None)]
    fields = [field for field in fields if field != (None, None, None)]  # plain text
    names = {name for name, _spec, _conversion in fields}
    well_formed = all(
        name in PLACEHOLDERS and not spec and not conversion for name, spec, conversion in fields
    )
    if not well_formed or "amount" not in names:
        raise ValidationError(
            _("Write {amount} (and {currency}, if the provider asks for it) where they go."),
            code="placeholders",
        )


def donation_panel():
    return MultiFieldPanel(
        [
            FieldPanel("donate_url"),
            FieldPanel("donate_currency", widget=forms.Select(choices=CURRENCIES)),
            FieldPanel("donate_amounts"),
            FieldPanel("donate_amount_url"),
        ],
        heading=_("Donations"),
    )


@dataclass(frozen=True)
class DonationOption:
    amount: int
    currency: str
    label: str
    url: str


class DonationSettings(models.Model):
    """The site settings' fields for donations (core.models.SiteSettings)."""

    donate_url = models.URLField(
        blank=True,
        help_text=_("The donation page for this language."),
        verbose_name=_("donate address"),
    )
    # Not a field with choices: wagtail-localize would then keep every language's currency to the
    # original's, with no way for a translation to give its own.
    donate_currency = models.CharField(
        max_length=3,
        default="USD",
        validators=[validate_currency],
        help_text=_("The currency of the suggested amounts in this language."),
        verbose_name=_("donation currency"),
    )
    donate_amounts = models.CharField(
        max_length=80,
        blank=True,
        validators=[AMOUNTS],
        help_text=_(
            "Whole amounts in that currency, separated by commas, e.g. 10, 25, 50: one button "
            "each, written as this language writes money."
        ),
        verbose_name=_("suggested amounts"),
    )
    donate_amount_url = models.URLField(
        max_length=500,
        blank=True,
        validators=[validate_amount_url],
        help_text=_(
            "The provider's address for one amount, with {amount} and {currency} where it "
            "expects them, e.g. https://donate.example.org/?amount={amount}&currency={currency}. "
            "The suggested amounts are shown only when it is set."
        ),
        verbose_name=_("donation address for an amount"),
    )

    class Meta:
        abstract = True

    @property
    def suggested_amounts(self):
        if not self.donate_amounts:
            return []
        return [int(amount) for amount in self.donate_amounts.split(",") if amount.strip()]

    def donation_options(self):
        """A link to the provider for each suggested amount, labelled as the active language
        writes money; none without the provider's address for an amount."""
        if not self.donate_amount_url:
            return []
        currency = quote(self.donate_currency, safe="")
        return [
            DonationOption(
                amount=amount,
                currency=self.donate_currency,
                label=format_amount(amount, self.donate_currency),
                url=self.donate_amount_url.format(amount=amount, currency=currency),
            )
            for amount in self.suggested_amounts
        ]
