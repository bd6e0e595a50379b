"""seed_bench's work: the demo site grown to a benchmark's scale, the same on every run.

Page number n of a kind has the same translation key on every run (`bench_key`), so a run finds
what earlier runs made under each language's index page, makes what is missing and removes the
pages numbered beyond the count asked for: the counts of a run are those it was given."""

import datetime
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from caching.generation import invalidate
from core.media_collections import ensure_site_media_collection
from core.models import Helpline
from core.renditions import make_site_renditions
from demo.bench.kinds import KINDS, Snippets, Sources
from demo.bench.tree import add_live_children
from demo.seeding import DemoObjects
from resources.models import Partner, Region, ResourceType, Topic
from stories.models import ConsentRecord, SurvivorStoryPage

# A kind's code and a page's number, readable in the key: 0000be9c-0001-4000-8000-00000000002a.
KEY_FORMAT = "0000be9c-{code:04x}-4000-8000-{number:012x}"
BATCH_SIZE = 500
IMAGES, DOCUMENTS = 12, 6  # shared by the pages, as a real library reuses its pictures


def batched(items, size):
    """`items` in lists of at most `size` (itertools.batched is Python 3.12's)."""
    items = list(items)
    return [items[start : start + size] for start in range(0, len(items), size)]


def bench_key(kind, number):
    return uuid.UUID(KEY_FORMAT.format(code=kind.code, number=number))


def bench_number(kind, key):
    """The number of the bench page of `kind` with translation key `key`, or None."""
    prefix = bench_key(kind, 0).hex[:20]
    key = uuid.UUID(str(key))
    return int(key.hex[20:], 16) if key.hex[:20] == prefix else None


def snippets_of(locale):
    def ordered(model, **filters):
        return list(model.objects.filter(locale=locale, **filters).order_by("translation_key"))

    return Snippets(
        resource_types=ordered(ResourceType),
        topics=ordered(Topic),
        regions=ordered(Region),
        countries=ordered(Region, is_country=True),
        partners=ordered(Partner),
        helplines=ordered(Helpline),
    )


@dataclass
class Tally:
    created: int = 0
    removed: int = 0
    # Live bench pages after the run, by kind name, in every language together.
    pages: dict = field(default_factory=dict)


class BenchSeeder:
    """Brings each kind of bench page to `counts[kind.name]` in every language."""

    def __init__(self, counts, renditions=True):
        self.counts = counts
        self.renditions = renditions
        self.tally = Tally()

    def run(self):
        self.english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        # English last: pages removed lose their consent records (kept on the English story)
        # after their translations are gone, so that no translation is left without consent.
        locales = [
            Locale.objects.get(language_code=code)
            for code, _name in settings.LANGUAGES
            if code != settings.LANGUAGE_CODE
        ] + [self.english]
        image_ids, document_ids = self.media()
        if self.renditions:
            make_missing_renditions()
        sources = {
            locale: Sources(snippets_of(locale), image_ids, document_ids) for locale in locales
        }
        for kind in KINDS:
            for locale in locales:
                self.seed(kind, locale, sources[locale])
        # Bulk inserts send no signals: the response cache learns of the change here.
        invalidate()
        return self.tally

    def media(self):
        """The pictures and reports the bench pages share, in a "Bench" collection."""
        site_media = ensure_site_media_collection()
        collection = Collection.objects.filter(name="Bench").first() or site_media.add_child(
            name="Bench"
        )
        objects = DemoObjects(self.english, collection)
        images = [
            objects.image(f"bench-{n}", f"Bench picture {n + 1}", "").pk for n in range(IMAGES)
        ]
        documents = [
            objects.document(f"bench-{n}", f"Bench report {n + 1}", ["Benchmark document."]).pk
            for n in range(DOCUMENTS)
        ]
        return images, documents

    def seed(self, kind, locale, sources):
        parent = kind.parent_model.objects.filter(locale=locale).order_by("path").first()
        if parent is None:
            raise LookupError(f"No {kind.parent_model.__name__} in {locale}: run seed_demo.")
        count = self.counts[kind.name]
        existing = self.existing(kind, parent)
        self.remove([pk for number, pk in existing.items() if number >= count])
        pages = {number: pk for number, pk in existing.items() if number < count}
        sources.pages[kind.name] = pages
        missing = [number for number in range(count) if number not in pages]
        for numbers in batched(missing, BATCH_SIZE):
            with transaction.atomic():
                new_pages = [kind.new_page(n, locale.language_code, sources) for n in numbers]
                for number, new in zip(numbers, new_pages, strict=True):
                    new.page.translation_key = bench_key(kind, number)
                add_live_children(parent, kind.model, new_pages)
                if kind.model is SurvivorStoryPage and locale == self.english:
                    record_consent([new.page for new in new_pages])
            pages.update(zip(numbers, (new.page.pk for new in new_pages), strict=True))
            self.tally.created += len(numbers)
        self.tally.pages[kind.name] = self.tally.pages.get(kind.name, 0) + len(pages)

    def existing(self, kind, parent):
        children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        numbers = {}
        for key, pk in children.values_list("translation_key", "pk"):
            number = bench_number(kind, key)
            if number is not None:
                numbers[number] = pk
        return numbers

    def remove(self, page_ids):
        for ids in batched(page_ids, BATCH_SIZE):
            with transaction.atomic():
                ConsentRecord.objects.filter(story_id__in=ids).delete()
                Page.objects.filter(pk__in=ids).delete()
            self.tally.removed += len(ids)


def make_missing_renditions():
    """Every picture the site shows, made ahead as the site's worker makes them on upload (the
    benchmark runs no worker): otherwise the first visitors would pay for them."""
    for image in get_image_model().objects.all():
        make_site_renditions(image)


def record_consent(stories):
    """Consent as a custodian records it, for the stories told in English (their translations
    share it)."""
    today = timezone.localdate()
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            story_id=story.pk,
            given_on=today - datetime.timedelta(days=30),
            covers_web=True,
            covers_translation=True,
            covers_social_media=True,
            expires_on=today + datetime.timedelta(days=3 * 365),
            custodian_notes="Benchmark record.",
        )
        for story in stories
    )
