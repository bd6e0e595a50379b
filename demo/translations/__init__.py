"""Written translations of every demo text, keyed by the English source text."""

from . import ar, es, fr, sw

TRANSLATIONS = {"fr": fr.STRINGS, "es": es.STRINGS, "sw": sw.STRINGS, "ar": ar.STRINGS}
