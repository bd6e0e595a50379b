"""“Did you mean …?”: the nearest words of the site's own vocabulary for a query's unknown words.

The vocabulary of a language is the words of the titles of its live, public resources, campaigns
and pages (never stories': a title may hold a survivor's words) and the names of its resource
types, topics and regions: at most MAX_VOCABULARY words, the most frequent first. It is kept in
the cache for VOCABULARY_TIMEOUT seconds, forgotten sooner when a page is published or
unpublished. A suggestion compares each query word only with words of about its length."""

import difflib
from collections import Counter, defaultdict

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page

from resources.models import Region, ResourceType, Topic
from search.query import kind_content_types, search_words

MAX_VOCABULARY = 20_000
MAX_TITLES = 5_000
VOCABULARY_TIMEOUT = 3600
SIMILARITY = 0.75
LENGTH_SLACK = 2
MIN_WORD_LENGTH = 3


def cache_key(language_code):
    return f"search-vocabulary:{language_code}"


def forget_vocabularies(**kwargs):
    """Signal receiver: every language's vocabulary is read again at its next use."""
    cache.delete_many([cache_key(code) for code, _name in settings.LANGUAGES])


def build_vocabulary(locale):
    """{word length: [words]} of the language of `locale`."""
    story = kind_content_types()["story"]
    titles = (
        Page.objects.live()
        .public()
        .filter(locale=locale)
        .exclude(content_type=story)
        .order_by("-last_published_at")
        .values_list("title", flat=True)[:MAX_TITLES]
    )
    names = [
        name
        for model in (ResourceType, Topic, Region)
        for name in model.objects.filter(locale=locale).values_list("name", flat=True)
    ]
    counts = Counter(
        word
        for text in [*titles, *names]
        for word in search_words(text)
        if len(word) >= MIN_WORD_LENGTH and not word.isdigit()
    )
    by_length = defaultdict(list)
    for word, _count in counts.most_common(MAX_VOCABULARY):
        by_length[len(word)].append(word)
    return dict(by_length)


def vocabulary(locale):
    key = cache_key(locale.language_code)
    words = cache.get(key)
    if words is None:
        words = build_vocabulary(locale)
        cache.set(key, words, VOCABULARY_TIMEOUT)
    return words


def nearest_word(word, words_by_length):
    """The vocabulary's word nearest to `word`; `word` itself when it is known or has none."""
    if len(word) < MIN_WORD_LENGTH or word in words_by_length.get(len(word), ()):
        return word
    candidates = [
        candidate
        for length in range(len(word) - LENGTH_SLACK, len(word) + LENGTH_SLACK + 1)
        for candidate in words_by_length.get(length, ())
    ]
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=SIMILARITY)
    return matches[0] if matches else word


def did_you_mean(words, locale):
    """The query with each unknown word replaced by the nearest known one, or None when no word
    changes."""
    words_by_length = vocabulary(locale)
    suggested = [nearest_word(word, words_by_length) for word in words]
    return " ".join(suggested) if suggested != list(words) else None
