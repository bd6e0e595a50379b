import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from core.models import Helpline, NavigationMenu, SiteSettings
from home.models import CampaignIndexPage, CampaignPage, HomePage, StandardPage
from resources.models import Partner, Region, ResourceIndexPage, ResourcePage, ResourceType, Topic
from stories.models import ConsentRecord, StoryIndexPage, SurvivorStoryPage


class LocaleFactory(DjangoModelFactory):
    language_code = "en"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class TranslatableFactory(DjangoModelFactory):
    locale = factory.LazyFunction(lambda: LocaleFactory(language_code="en"))


class ResourceTypeFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"Resource type {n}")
    slug = factory.Sequence(lambda n: f"resource-type-{n}")

    class Meta:
        model = ResourceType


class TopicFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = Topic


class RegionFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")

    class Meta:
        model = Region


class PartnerFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"Partner {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    url = "https://partner.example.org/"

    class Meta:
        model = Partner


class SiteSettingsFactory(TranslatableFactory):
    site_name = "Test Collective"
    donate_url = "https://donate.example.org/"
    default_hashtag = "#TestDay"
    newsletter_url = "https://lists.example.org/"

    class Meta:
        model = SiteSettings


class HelplineFactory(TranslatableFactory):
    country = "Kenya"
    name = "Support line"
    phone = "+254 000 000 111"
    hours = "Every day, 24 hours"
    note = "Free of charge."

    class Meta:
        model = Helpline


class NavigationMenuFactory(TranslatableFactory):
    class Meta:
        model = NavigationMenu


class PageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    locale = factory.LazyFunction(lambda: LocaleFactory(language_code="en"))

    class Meta:
        abstract = True


class HomePageFactory(PageFactory):
    title = "Home"
    hero_heading = "Nobody should be bought or sold"

    class Meta:
        model = HomePage


class StandardPageFactory(PageFactory):
    intro = "What this page is about."

    class Meta:
        model = StandardPage


class CampaignIndexPageFactory(PageFactory):
    class Meta:
        model = CampaignIndexPage


class CampaignPageFactory(PageFactory):
    intro = "Why this campaign matters."
    awareness_date = datetime.date(2026, 7, 30)
    hashtag = "#WorldDayAgainstTrafficking"

    class Meta:
        model = CampaignPage


class ResourceIndexPageFactory(PageFactory):
    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(PageFactory):
    resource_type = factory.SubFactory(ResourceTypeFactory)
    summary = "A short summary of the resource."
    publication_date = datetime.date(2026, 3, 1)

    class Meta:
        model = ResourcePage


class StoryIndexPageFactory(PageFactory):
    class Meta:
        model = StoryIndexPage


class SurvivorStoryPageFactory(PageFactory):
    """A story with valid consent for the web and translations, live unless `live=False`.
    `consent=False` gives a draft story without a consent record; `consent__<field>=…`
    changes the record."""

    pseudonym = "Amani"
    quote = "I was promised a job."
    body = "<p>The story.</p>"
    content_warning_topics = ["coercion"]
    content_warning = "Mentions coercion."

    class Meta:
        model = SurvivorStoryPage
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        wants_live = kwargs.get("live", True)
        # Saved as a draft first: a story goes live only once its consent is recorded.
        kwargs["live"] = False
        page = super()._create(model_class, *args, **kwargs)
        page._factory_wants_live = wants_live
        return page

    @factory.post_generation
    def consent(page, create, extracted, **fields):
        if not create or extracted is False:
            return
        ConsentRecordFactory(story=page, **fields)
        if page._factory_wants_live:
            page.save_revision().publish()
            page.refresh_from_db()


class ConsentRecordFactory(DjangoModelFactory):
    given_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=10))
    covers_web = True
    covers_translation = True
    expires_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=365))

    class Meta:
        model = ConsentRecord


def site_media():
    from core.media_collections import ensure_site_media_collection

    return ensure_site_media_collection()


class ImageFactory(wagtail_factories.ImageFactory):
    # Where editors keep the site's files (wagtail-factories would make a new root collection).
    collection = factory.LazyFunction(site_media)


class DocumentFactory(wagtail_factories.DocumentFactory):
    collection = factory.LazyFunction(site_media)


def translate(instance, language_code, texts=None):
    """`instance` translated into a language the way a translator does it with wagtail-localize:
    a translation source, every segment translated (by `texts`, else "[fr] original"), the
    translated object created and, for pages, published."""
    from django.test import TestCase
    from wagtail.models import Page
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    texts = texts or {}
    locale = LocaleFactory(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        original = segment.string.data
        text = texts.get(original, f"[{language_code}] {original}")
        if segment.context.path == "slug":
            text = texts.get(original, original)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    # wagtail-localize publishes a page once the transaction commits, which a test's never does.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    translated = instance.get_translation(locale)
    return translated.specific if isinstance(translated, Page) else translated
