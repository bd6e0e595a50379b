"""The words of the benchmark's content: the demo's own texts and their written translations,
recombined. Each text is chosen by a random generator seeded with the page's number, the same in
every language, so that a page and its translations say the same thing."""

import random
import unicodedata
from functools import cache

from django.conf import settings
from django.utils.text import slugify

from demo import content
from demo.translations import TRANSLATIONS

# Pseudonyms, as survivors choose them: names that appear in no demo story.
PSEUDONYMS = [
    "Achieng", "Aisha", "Ama", "Imani", "Leila", "Lerato", "Makena", "Mercy", "Nadia", "Nia",
    "Rosa", "Salma", "Sofia", "Tamar", "Thandiwe", "Wanjiru", "Yasmin", "Zawadi", "Zeynep", "Ines",
]  # fmt: skip
FIRST_YEAR, LAST_YEAR = 2010, 2026


def translated(text, language):
    """`text` (English, from demo/content.py) in `language`."""
    if language == settings.LANGUAGE_CODE:
        return text
    return TRANSLATIONS[language][text]


@cache
def sentences():
    """Longer texts about the subject, each translated into every language."""
    texts = [resource["body"] for resource in content.RESOURCES]
    texts += [content.CAMPAIGN["intro"]]
    texts += [item for _heading, items in content.CAMPAIGN["sections"] for item in items]
    texts += [paragraph for story in content.STORIES for paragraph in story["paragraphs"]]
    texts += [text for page in content.STANDARD_PAGES for text in page["paragraphs"]]
    return [text for text in texts if all(text in strings for strings in TRANSLATIONS.values())]


class Texts:
    """Texts for page number `number` of a kind, in one language."""

    def __init__(self, kind, number, language):
        self.rng = random.Random(f"{kind}:{number}")
        self.number = number
        self.language = language

    def pick(self, choices):
        return self.rng.choice(choices)

    def sample(self, choices, low, high):
        return self.rng.sample(choices, self.rng.randint(low, min(high, len(choices))))

    def say(self, text):
        return translated(text, self.language)

    def year(self):
        return self.rng.randint(FIRST_YEAR, LAST_YEAR)

    def paragraphs(self, low=2, high=4):
        """HTML paragraphs of two to four sentences each."""
        return "".join(
            "<p>" + " ".join(self.say(text) for text in self.sample(sentences(), 2, 4)) + "</p>"
            for _ in range(self.rng.randint(low, high))
        )

    def slug(self, title):
        """The title as an address, numbered: bench titles repeat, addresses may not."""
        words = slugify(unicodedata.normalize("NFKC", title), allow_unicode=True)
        return f"{words[:80].rstrip('-')}-{self.number}"
