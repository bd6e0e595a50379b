"""Survivor stories, told under a pseudonym. Consent records and publishing rules build on these."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.api.fields import (
    AgeRangeField,
    ImageField,
    RegionField,
    RelatedPageField,
    RichTextHTMLField,
    page_api_fields,
)
from cms.blocks import RICH_TEXT_FEATURES
from cms.models import SitePage


class StoryIndexPage(SitePage):
    """Lists the survivor stories, newest first."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = page_api_fields(APIField("intro", serializer=RichTextHTMLField()))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.SurvivorStoryPage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = (
            SurvivorStoryPage.objects.child_of(self)
            .live()
            .public()
            .select_related("country", "image")
            .order_by("-first_published_at")
        )
        return context


class SurvivorStoryPage(SitePage):
    """A survivor's story in their words: never a real name, never a place finer than a country."""

    AGE_RANGES = [
        ("", _("Not given")),
        ("under-18", _("Under 18 at the time")),
        ("18-25", _("18 to 25")),
        ("26-35", _("26 to 35")),
        ("36-50", _("36 to 50")),
        ("over-50", _("Over 50")),
    ]

    pseudonym = models.CharField(
        max_length=60,
        help_text=_("A name the survivor chose. Never the real name or a recognisable nickname."),
    )
    country = models.ForeignKey(
        "resources.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_country": True},
        help_text=_("A country at most: never a town, village or address."),
    )
    age_range = models.CharField(max_length=10, choices=AGE_RANGES, blank=True)
    content_warning = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Shown before the story, e.g. 'Mentions sexual violence and coercion.'"),
    )
    quote = models.TextField(max_length=400, help_text=_("A short quote shown in lists."))
    body = RichTextField(features=RICH_TEXT_FEATURES)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Never a photo in which the survivor or a place can be recognised."),
    )
    related_campaign = models.ForeignKey(
        "home.CampaignPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("pseudonym"), FieldPanel("country"), FieldPanel("age_range")],
            heading=_("Who is telling the story"),
        ),
        FieldPanel("content_warning"),
        FieldPanel("quote"),
        FieldPanel("body"),
        FieldPanel("image"),
        FieldPanel("related_campaign"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("quote"),
        index.SearchField("body"),
    ]
    # The content warning comes first, before anything of the story (as on the page).
    api_fields = page_api_fields(
        APIField("content_warning"),
        APIField("pseudonym"),
        APIField("country", serializer=RegionField()),
        APIField("age_range", serializer=AgeRangeField()),
        APIField("quote"),
        APIField("body", serializer=RichTextHTMLField()),
        APIField("image", serializer=ImageField()),
        APIField("related_campaign", serializer=RelatedPageField()),
    )

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    def get_meta_description(self):
        return self.search_description or self.quote

    @property
    def live_related_campaign(self):
        """The related campaign in this story's language, if it is live."""
        if not self.related_campaign_id:
            return None
        campaign = self.related_campaign.get_translation_or_none(self.locale)
        return campaign if campaign and campaign.live else None

    def get_share_image(self):
        return self.image
