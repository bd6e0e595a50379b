"""Written translations of every demo text, keyed by the English source text."""

from . import ar, es, fr, newsletter, sw

TRANSLATIONS = {
    code: {**module.STRINGS, **newsletter.STRINGS[code]}
    for code, module in {"fr": fr, "es": es, "sw": sw, "ar": ar}.items()
}
