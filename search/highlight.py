"""Search results' excerpts with the visitor's words marked (<mark>), everything else escaped.

A word is marked when it begins with a query word or, for words of five letters or more, with
that word less its last two letters: close to what stemming matched ("floods" for "flooded",
"tribunaux" for "tribunal"), without a stemmer of our own."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

EXCERPT_WORDS = 40
WORDS_BEFORE_MATCH = 8


def stem_of(word):
    return word[:-2] if len(word) >= 5 else word


def word_pattern(words):
    """A pattern for the words of the text that begin with one of `words`' stems."""
    stems = sorted({stem_of(word) for word in words if len(word) >= 2}, key=len, reverse=True)
    if not stems:
        return None
    alternatives = "|".join(re.escape(stem) for stem in stems)
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", flags=re.IGNORECASE)


def excerpt(text, words, length=EXCERPT_WORDS):
    """Up to `length` words of `text`, from a little before its first marked word, as safe HTML
    with the marked words in <mark>."""
    text = " ".join((text or "").split())
    pattern = word_pattern(words)
    all_words = text.split(" ")
    start = 0
    if pattern is not None:
        for position, word in enumerate(all_words):
            if pattern.search(word):
                start = max(0, position - WORDS_BEFORE_MATCH)
                break
    shown = " ".join(all_words[start : start + length])
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(all_words) else ""
    return mark_safe(prefix + marked(shown, pattern) + suffix)  # noqa: S308 (escaped below)


def marked(text, pattern):
    """`text` escaped, with each match of `pattern` in <mark>."""
    if pattern is None:
        return escape(text)
    parts = []
    position = 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)
