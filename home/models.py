"""The site's shell: home page, standard pages, campaigns, navigation and per-language settings."""

import datetime
from collections import namedtuple

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.api.fields import (
    DateField,
    ImageField,
    PageListField,
    PartnersField,
    RegionsField,
    RelatedPageField,
    RichTextHTMLField,
    TopicsField,
    page_api_fields,
    stream_field,
)
from cms.blocks import BodyBlock, CallsToActionBlock, LinkBlock
from cms.localization import for_active_locale, localized_objects, localized_pages
from cms.models import SitePage
from resources.models import ResourcePage, TopicsAndRegionsMixin
from stories.models import SurvivorStoryPage

MenuLink = namedtuple("MenuLink", ["href", "text", "page_id"])

HASHTAG_HELP = _("Without spaces, e.g. #WorldDayAgainstTrafficking.")


class HomePage(SitePage):
    """The front page of one language: hero, featured campaign, resources and stories."""

    hero_heading = models.CharField(max_length=160)
    hero_text = models.TextField(blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    featured_campaign = models.ForeignKey(
        "home.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown under the hero; its translation is used in other languages."),
    )
    signup_heading = models.CharField(max_length=160, blank=True)
    signup_text = models.TextField(blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("featured_campaign"),
        MultiFieldPanel(
            [FieldPanel("signup_heading"), FieldPanel("signup_text")],
            heading=_("Newsletter call"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text")]

    api_fields = page_api_fields(
        APIField("hero_heading"),
        APIField("hero_text"),
        APIField("hero_image", serializer=ImageField()),
        APIField("featured_campaign", serializer=RelatedPageField()),
        APIField("featured_resources", serializer=PageListField("api_featured_resources")),
        APIField("latest_stories", serializer=PageListField("api_latest_stories")),
        APIField("signup_heading"),
        APIField("signup_text"),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.CampaignIndexPage",
        "resources.ResourceIndexPage",
        "stories.StoryIndexPage",
    ]

    def get_meta_description(self):
        return self.search_description or self.hero_text

    def get_share_image(self):
        return self.hero_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaign = self.featured_campaign
        if campaign:
            campaign = campaign.get_translation_or_none(self.locale)
        context["featured_campaign"] = campaign if campaign and campaign.live else None
        context["featured_resources"] = (
            ResourcePage.objects.live()
            .public()
            .filter(locale=self.locale, featured=True)
            .select_related("resource_type", "cover_image")
            .order_by("-publication_date")[:6]
        )
        context["latest_stories"] = (
            SurvivorStoryPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .select_related("country")
            .order_by("-first_published_at")[:3]
        )
        return context

    def api_featured_resources(self):
        """For the API: the featured resources of the home page's language, as on the page."""
        return (
            ResourcePage.objects.live()
            .public()
            .filter(locale=self.locale, featured=True)
            .select_related("locale", "resource_type", "cover_image")
            .order_by("-publication_date")[:6]
        )

    def api_latest_stories(self):
        """For the API: the latest stories of the home page's language, as on the page."""
        return (
            SurvivorStoryPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .select_related("locale", "image")
            .order_by("-first_published_at")[:3]
        )


class StandardPage(SitePage):
    """A plain page such as 'About us' or the privacy policy."""

    intro = models.TextField(blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = page_api_fields(
        APIField("intro", writable=True),
        APIField("body", serializer=stream_field("StandardPageBody", body.stream_block)),
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]


class CampaignIndexPage(SitePage):
    """Lists the campaigns, the next awareness day first."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = page_api_fields(APIField("intro", serializer=RichTextHTMLField()))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.CampaignPage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns"] = (
            CampaignPage.objects.child_of(self).live().public().select_related("hero_image")
        )
        return context


class CampaignPage(TopicsAndRegionsMixin, SitePage):
    """A campaign around an awareness day, e.g. World Day Against Trafficking in Persons."""

    awareness_date = models.DateField(
        null=True,
        blank=True,
        help_text=_("The awareness day, e.g. 30 July. Its day and month recur every year."),
    )
    hashtag = models.CharField(max_length=80, blank=True, help_text=HASHTAG_HELP)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    intro = models.TextField(help_text=_("Why this campaign matters, in two or three sentences."))
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text=_("Sections: the issue, why it matters now, what we do, what you can do."),
    )
    calls_to_action = StreamField(CallsToActionBlock(), blank=True)
    related_pages = StreamField(
        [
            (
                "page",
                blocks.PageChooserBlock(
                    page_type=["resources.ResourcePage", "stories.SurvivorStoryPage"]
                ),
            )
        ],
        blank=True,
        verbose_name=_("related resources and stories"),
    )
    partners = ParentalManyToManyField("resources.Partner", blank=True, related_name="campaigns")
    topics = ParentalManyToManyField("resources.Topic", blank=True, related_name="campaigns")
    regions = ParentalManyToManyField("resources.Region", blank=True, related_name="campaigns")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("awareness_date"), FieldPanel("hashtag")], heading=_("Awareness day")
        ),
        FieldPanel("hero_image"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("calls_to_action"),
        FieldPanel("related_pages"),
        MultiFieldPanel(
            [FieldPanel("partners"), FieldPanel("topics"), FieldPanel("regions")],
            heading=_("Partners, topics and regions"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("hashtag"),
    ]

    override_translatable_fields = [SynchronizedField("hashtag", overridable=True)]

    api_fields = page_api_fields(
        APIField("awareness_date"),
        APIField("next_awareness_day", serializer=DateField("next_awareness_day")),
        APIField("hashtag", writable=True),
        APIField("hero_image", serializer=ImageField()),
        APIField("intro", writable=True),
        APIField("body", serializer=stream_field("CampaignPageBody", body.stream_block)),
        APIField(
            "calls_to_action",
            serializer=stream_field("CampaignPageCallsToAction", calls_to_action.stream_block),
        ),
        APIField("related_pages", serializer=PageListField("related_live_pages")),
        APIField("partners", serializer=PartnersField()),
        APIField("topics", serializer=TopicsField()),
        APIField("regions", serializer=RegionsField()),
    )

    parent_page_types = ["home.CampaignIndexPage"]
    subpage_types = []

    def get_share_image(self):
        return self.hero_image

    def next_awareness_day(self, today=None):
        if not self.awareness_date:
            return None
        today = today or datetime.date.today()
        day = self.awareness_date.replace(year=today.year)
        return day if day >= today else day.replace(year=today.year + 1)

    @cached_property
    def related_live_pages(self):
        """Related resources and stories in this page's language, live and public ones only."""
        keys = [block.value.translation_key for block in self.related_pages if block.value]
        pages = {
            page.translation_key: page
            for page in Page.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
            .live()
            .public()
            .specific()
        }
        return [pages[key] for key in keys if key in pages]

    @property
    def localized_partners(self):
        return localized_objects(self.partners.all(), self.locale)


class SocialAccountValue(blocks.StructValue):
    @property
    def network_name(self):
        return dict(SocialAccountBlock.NETWORKS).get(self.get("network"), self.get("network"))


class SocialAccountBlock(blocks.StructBlock):
    NETWORKS = [
        ("bluesky", "Bluesky"),
        ("facebook", "Facebook"),
        ("instagram", "Instagram"),
        ("linkedin", "LinkedIn"),
        ("mastodon", "Mastodon"),
        ("tiktok", "TikTok"),
        ("x", "X"),
        ("youtube", "YouTube"),
    ]
    network = blocks.ChoiceBlock(choices=NETWORKS)
    url = blocks.URLBlock()

    class Meta:
        icon = "site"
        value_class = SocialAccountValue


class SiteSettings(TranslatableMixin, models.Model):
    """Site-wide links and wording, one set per language (translated like any snippet)."""

    site_name = models.CharField(max_length=80, help_text=_("Shown in the header and page titles."))
    tagline = models.CharField(max_length=160, blank=True)
    donate_url = models.URLField(blank=True, help_text=_("The donation page for this language."))
    default_hashtag = models.CharField(max_length=80, blank=True, help_text=HASHTAG_HELP)
    newsletter_heading = models.CharField(max_length=160, blank=True)
    newsletter_text = models.TextField(blank=True)
    newsletter_url = models.URLField(blank=True, help_text=_("Where visitors sign up."))
    quick_exit_url = models.URLField(
        default="https://www.bbc.com/weather",
        help_text=_("The neutral site the quick-exit button opens, e.g. a weather page."),
    )
    social_accounts = StreamField([("account", SocialAccountBlock())], blank=True)
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a page without its own image is shared on social networks."),
    )

    override_translatable_fields = [SynchronizedField("default_hashtag", overridable=True)]

    panels = [
        FieldPanel("site_name"),
        FieldPanel("tagline"),
        FieldPanel("donate_url"),
        FieldPanel("default_hashtag"),
        MultiFieldPanel(
            [
                FieldPanel("newsletter_heading"),
                FieldPanel("newsletter_text"),
                FieldPanel("newsletter_url"),
            ],
            heading=_("Newsletter"),
        ),
        FieldPanel("quick_exit_url"),
        FieldPanel("social_accounts"),
        FieldPanel("default_share_image"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return f"{self.site_name} ({self.locale})"

    @classmethod
    def for_active_locale(cls):
        return for_active_locale(cls.objects.all())


class NavigationMenu(TranslatableMixin, models.Model):
    """The main menu and footer of one language."""

    main_links = StreamField([("link", LinkBlock())], blank=True)
    footer_links = StreamField([("link", LinkBlock())], blank=True)
    footer_text = RichTextField(blank=True, features=["bold", "italic", "link"])

    panels = [FieldPanel("main_links"), FieldPanel("footer_links"), FieldPanel("footer_text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation")
        verbose_name_plural = _("navigation")

    def __str__(self):
        return str(_("Navigation (%(locale)s)") % {"locale": self.locale})

    @cached_property
    def main_menu(self):
        return self.resolve_links(self.main_links)

    @cached_property
    def footer_menu(self):
        return self.resolve_links(self.footer_links)

    @staticmethod
    def resolve_links(stream):
        """The links of `stream` in the visitor's language, pages looked up in one query."""
        values = [block.value for block in stream]
        pages = {
            page.translation_key: page
            for page in localized_pages([value["page"] for value in values], Locale.get_active())
        }
        links = []
        for value in values:
            if value["page"]:
                page = pages.get(value["page"].translation_key)
                if page is None:
                    continue
                links.append(MenuLink(page.url, value["label"] or page.title, page.pk))
            elif value["url"]:
                links.append(MenuLink(value["url"], value["label"] or value["url"], None))
        return links

    @classmethod
    def for_active_locale(cls):
        return for_active_locale(cls.objects.all())
