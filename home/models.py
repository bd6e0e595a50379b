"""The site's shell: home page, standard pages, campaigns, navigation and per-language settings."""

import calendar
import datetime

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.alt_text import alt_text_field
from core.localization import localized_objects
from core.models import HASHTAG_HELP, SitePage
from core.pagination import paginated
from core.renditions import prefetch_pictures
from core.restrictions import is_public, restricted
from core.search_fields import SUMMARY_BOOST, taxonomy_names
from core.tree import children_of
from home.blocks import CampaignCallsToActionBlock, HomeSignUpBlock, PageBodyBlock
from home.page_forms import CampaignPageForm
from resources.models import FEATURED_RESOURCES_SHOWN, ResourcePage, TopicsAndRegionsMixin
from stories.models import SurvivorStoryPage


def yearly_day(date, year):
    """`date`'s day and month in `year`; 29 February is marked on the 28th in other years."""
    if (date.month, date.day) == (2, 29) and not calendar.isleap(year):
        return datetime.date(year, 2, 28)
    return date.replace(year=year)


class HomePage(SitePage):
    """The front page of one language: hero, featured campaign, resources and stories."""

    hero_heading = models.CharField(max_length=160, verbose_name=_("hero heading"))
    hero_text = models.TextField(blank=True, verbose_name=_("hero text"))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_image_alt = alt_text_field(_("hero image alt text"))
    featured_campaign = models.ForeignKey(
        "home.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown under the hero; its translation is used in other languages."),
        verbose_name=_("featured campaign"),
    )
    signup_heading = models.CharField(max_length=160, blank=True, verbose_name=_("signup heading"))
    signup_text = models.TextField(blank=True, verbose_name=_("signup text"))
    sign_up = StreamField(
        HomeSignUpBlock(),
        blank=True,
        help_text=_("A sign-up box for the newsletter or briefings, under the newsletter call."),
        verbose_name=_("sign-up box"),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("featured_campaign"),
        MultiFieldPanel(
            [FieldPanel("signup_heading"), FieldPanel("signup_text"), FieldPanel("sign_up")],
            heading=_("Newsletter call"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text", boost=SUMMARY_BOOST)]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.CampaignIndexPage",
        "resources.ResourceIndexPage",
        "stories.StoryIndexPage",
    ]

    def get_meta_description(self):
        return self.search_description or self.hero_text

    share_image_field = "hero_image"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaign = self.featured_campaign
        if campaign:
            campaign = campaign.get_translation_or_none(self.locale)
        context["featured_campaign"] = campaign if campaign and campaign.live else None
        context["featured_resources"] = list(
            ResourcePage.objects.live()
            .exclude(restricted())
            .filter(locale=self.locale, featured=True)
            .select_related("resource_type", "cover_image")
            .order_by("-publication_date")[:FEATURED_RESOURCES_SHOWN]
        )
        context["latest_stories"] = (
            SurvivorStoryPage.objects.live()
            .exclude(restricted())
            .filter(locale=self.locale)
            .select_related("country")
            .order_by("-first_published_at")[:3]
        )
        campaign = context["featured_campaign"]
        prefetch_pictures(
            *context["featured_resources"], images=[campaign.hero_image] if campaign else []
        )
        return context

    def api_featured_resources(self):
        """For the API: the featured resources of the home page's language, as on the page."""
        return (
            ResourcePage.objects.live()
            .exclude(restricted())
            .filter(locale=self.locale, featured=True)
            .select_related("locale", "resource_type", "cover_image")
            .order_by("-publication_date")[:FEATURED_RESOURCES_SHOWN]
        )

    def api_latest_stories(self):
        """For the API: the latest stories of the home page's language, as on the page."""
        return (
            SurvivorStoryPage.objects.live()
            .exclude(restricted())
            .filter(locale=self.locale)
            .select_related("locale", "image")
            .order_by("-first_published_at")[:3]
        )

    class Meta:
        verbose_name = _("home page")


class StandardPage(SitePage):
    """A plain page such as 'About us' or the privacy policy."""

    intro = models.TextField(blank=True, verbose_name=_("intro"))
    body = StreamField(PageBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=SUMMARY_BOOST),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class CampaignIndexPage(SitePage):
    """Lists the campaigns, the next awareness day first."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"], verbose_name=_("intro"))

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.CampaignPage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = (
            children_of(CampaignPage.objects, self)
            .live()
            .exclude(restricted())
            .select_related("hero_image")
        )
        listing = paginated(request, campaigns)
        context.update(campaigns=listing["page_obj"], **listing)
        return context

    class Meta:
        verbose_name = _("campaign index page")


class CampaignPage(TopicsAndRegionsMixin, SitePage):
    """A campaign around an awareness day, e.g. World Day Against Trafficking in Persons."""

    base_form_class = CampaignPageForm

    awareness_date = models.DateField(
        null=True,
        blank=True,
        help_text=_("The awareness day, e.g. 30 July. Its day and month recur every year."),
        verbose_name=_("awareness date"),
    )
    hashtag = models.CharField(
        max_length=80, blank=True, help_text=HASHTAG_HELP, verbose_name=_("hashtag")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_image_alt = alt_text_field(_("hero image alt text"))
    intro = models.TextField(
        help_text=_("Why this campaign matters, in two or three sentences."),
        verbose_name=_("intro"),
    )
    body = StreamField(
        PageBodyBlock(),
        blank=True,
        help_text=_("Sections: the issue, why it matters now, what we do, what you can do."),
        verbose_name=_("body"),
    )
    calls_to_action = StreamField(
        CampaignCallsToActionBlock(), blank=True, verbose_name=_("calls to action")
    )
    related_pages = StreamField(
        [
            (
                "page",
                blocks.PageChooserBlock(
                    page_type=["resources.ResourcePage", "stories.SurvivorStoryPage"],
                    label=_("Page"),
                ),
            )
        ],
        blank=True,
        verbose_name=_("related resources and stories"),
    )
    partners = ParentalManyToManyField(
        "resources.Partner", blank=True, related_name="campaigns", verbose_name=_("partners")
    )
    topics = ParentalManyToManyField(
        "resources.Topic", blank=True, related_name="campaigns", verbose_name=_("topics")
    )
    regions = ParentalManyToManyField(
        "resources.Region", blank=True, related_name="campaigns", verbose_name=_("regions")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("awareness_date"), FieldPanel("hashtag")], heading=_("Awareness day")
        ),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
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
        index.SearchField("intro", boost=SUMMARY_BOOST),
        index.SearchField("body"),
        index.SearchField("hashtag", boost=SUMMARY_BOOST),
        taxonomy_names("topics"),
        taxonomy_names("regions"),
    ]

    override_translatable_fields = [
        SynchronizedField("hashtag", overridable=True),
        # A translation has its source's choices, in its own language (SitePage.save).
        SynchronizedField("partners"),
        SynchronizedField("topics"),
        SynchronizedField("regions"),
    ]

    parent_page_types = ["home.CampaignIndexPage"]
    subpage_types = []

    share_image_field = "hero_image"

    def next_awareness_day(self, today=None):
        if not self.awareness_date:
            return None
        today = today or datetime.date.today()
        day = yearly_day(self.awareness_date, today.year)
        return day if day >= today else yearly_day(self.awareness_date, today.year + 1)

    def pages_shown(self):
        return self.related_live_pages

    @cached_property
    def related_live_pages(self):
        """Related resources and stories in this page's language, live and public ones only."""
        return related_live_pages_of([self])[self.pk]

    @classmethod
    def prefetch_related_live_pages(cls, campaigns):
        """`related_live_pages` of every campaign of a list, read together."""
        related = related_live_pages_of(campaigns)
        for campaign in campaigns:
            campaign.__dict__["related_live_pages"] = related[campaign.pk]

    @property
    def localized_partners(self):
        return localized_objects(self.partners.all(), self.locale_id)

    class Meta:
        verbose_name = _("campaign page")


def related_live_pages_of(campaigns):
    """{campaign id: its related resources and stories in its language, live and public}, in
    the order chosen, with one query per page type whatever the number of campaigns: the pages
    chosen (for their translation keys) and their translations into the campaigns' languages."""
    chosen = {
        campaign.pk: [block["value"] for block in campaign.related_pages.raw_data]
        for campaign in campaigns
    }
    ids = {pk for pks in chosen.values() for pk in pks if pk}
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    locales = {campaign.locale_id for campaign in campaigns}
    key_of, visible = {}, {}
    # By type rather than Page.specific(), to join what their cards show.
    for model, shown in (
        (ResourcePage, ["locale", "resource_type", "cover_image"]),
        (SurvivorStoryPage, ["locale", "country", "image"]),
    ):
        # The chosen pages and their translations, found by their keys' index (with the keys
        # on one side of an OR only, SQLite would scan every page of the type).
        candidates = model.objects.filter(translation_key__in=keys).order_by()
        candidates = candidates.filter(models.Q(pk__in=ids) | models.Q(locale_id__in=locales))
        for page in candidates.annotate(public=is_public()).select_related(*shown):
            if page.pk in ids:
                key_of[page.pk] = page.translation_key
            if page.public:
                visible[page.translation_key, page.locale_id] = page
    return {
        campaign.pk: [
            visible[key_of[pk], campaign.locale_id]
            for pk in chosen[campaign.pk]
            if (key_of.get(pk), campaign.locale_id) in visible
        ]
        for campaign in campaigns
    }
