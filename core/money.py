"""Amounts of money as each of the site's languages writes them: where the currency stands, its
symbol, how digits are grouped and which digits are used, after the Unicode CLDR's data for
en, fr, es, sw and ar (what Babel would give for whole amounts). Suggested donations are whole
amounts, so no decimals are written."""

from dataclasses import dataclass, field

from django.utils import numberformat, translation
from django.utils.translation import gettext_lazy as _

CURRENCIES = [
    ("USD", _("US dollar")),
    ("EUR", _("Euro")),
    ("GBP", _("British pound")),
    ("KES", _("Kenyan shilling")),
    ("MWK", _("Malawian kwacha")),
    ("TZS", _("Tanzanian shilling")),
    ("UGX", _("Ugandan shilling")),
    ("EGP", _("Egyptian pound")),
]

NUMBER = "#"
SYMBOL = "¤"
NO_BREAK_SPACE = "\u00a0"
NARROW_NO_BREAK_SPACE = "\u202f"
ARABIC_INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass(frozen=True)
class Conventions:
    """How one language writes an amount: `pattern` places the number (#) and the symbol (¤)."""

    pattern: str
    group: str
    symbols: dict = field(default_factory=dict)
    # Digits a number needs before it is grouped at all (Spanish writes 1000 but 10.000).
    grouping_from: int = 4
    digits: dict | None = None


CONVENTIONS = {
    "en": Conventions("¤#", ",", {"USD": "$", "EUR": "€", "GBP": "£"}),
    "fr": Conventions("#\u00a0¤", NARROW_NO_BREAK_SPACE, {"USD": "$US", "EUR": "€", "GBP": "£GB"}),
    "es": Conventions("#\u00a0¤", ".", {"USD": "US$", "EUR": "€"}, grouping_from=5),
    "sw": Conventions(
        "¤\u00a0#",
        ",",
        {"USD": "US$", "EUR": "€", "GBP": "£", "KES": "Ksh", "TZS": "TSh", "UGX": "USh"},
    ),
    "ar": Conventions(
        "#\u00a0¤",
        "٬",
        {"USD": "US$", "EUR": "€", "GBP": "UK£", "EGP": "ج.م.\u200f"},
        digits=ARABIC_INDIC_DIGITS,
    ),
}


def format_amount(amount, currency, language=None):
    """`amount` (a whole number) of `currency` (an ISO 4217 code) as `language` (the active one
    by default) writes it, e.g. "$1,000", "1 000 €" (no-break spaces), "Ksh 1,000", "١٠ US$"."""
    conventions = CONVENTIONS.get((language or translation.get_language() or "en")[:2])
    conventions = conventions or CONVENTIONS["en"]
    grouped = len(str(abs(amount))) >= conventions.grouping_from
    number = numberformat.format(
        amount,
        decimal_sep=".",
        decimal_pos=0,
        grouping=3 if grouped else 0,
        thousand_sep=conventions.group,
        force_grouping=grouped,
        use_l10n=False,
    )
    if conventions.digits:
        number = number.translate(conventions.digits)
    symbol = conventions.symbols.get(currency, currency)
    pattern = conventions.pattern
    if pattern == SYMBOL + NUMBER and symbol[-1].isalpha():
        pattern = SYMBOL + NO_BREAK_SPACE + NUMBER  # "KES 500", as CLDR spaces a code
    return pattern.replace(NUMBER, number).replace(SYMBOL, symbol)
