"""The resource library: reports, briefs, legal tools, videos, and the taxonomies that sort them."""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.alt_text import alt_text_field
from core.blocks import BodyBlock, DownloadBlock, VideoBlock
from core.localization import localized_objects
from core.models import SitePage
from core.pagination import paginated
from core.restrictions import restricted
from core.search_fields import SUMMARY_BOOST, taxonomy_names


class TaxonomySnippet(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(max_length=120, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=120,
        allow_unicode=True,
        help_text=_("Used in addresses and API filters; keep it short and stable."),
        verbose_name=_("slug"),
    )

    # Filtered by locale: the admin's chooser windows search within the edited page's language.
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    # One slug in every language, so that filters such as ?type=policy-brief work everywhere.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class ResourceType(TaxonomySnippet):
    """A kind of resource: research report, policy brief, bench book, video…; editors add more."""

    description = models.TextField(blank=True, verbose_name=_("description"))

    class Meta(TaxonomySnippet.Meta):
        verbose_name = _("resource type")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Topic(TaxonomySnippet):
    """A subject a resource or campaign is about, e.g. online sexual exploitation."""

    class Meta(TaxonomySnippet.Meta):
        verbose_name = _("topic")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Region(TaxonomySnippet):
    """A country or region, e.g. Kenya, Malawi, Global."""

    is_country = models.BooleanField(
        default=True,
        help_text=_("Untick for regions such as 'East Africa' or 'Global'."),
        verbose_name=_("is country"),
    )

    class Meta(TaxonomySnippet.Meta):
        verbose_name = _("region")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Partner(TranslatableMixin, index.Indexed, models.Model):
    """An organisation or coalition we work with, e.g. AUDRi."""

    name = models.CharField(max_length=160, verbose_name=_("name"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    url = models.URLField(
        blank=True, help_text=_("The partner's own website."), verbose_name=_("address")
    )
    join_url = models.URLField(
        blank=True,
        help_text=_("Where visitors can join, for coalitions."),
        verbose_name=_("join address"),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    logo_alt = alt_text_field(_("logo alt text"))

    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        ordering = ["name"]

    def __str__(self):
        return self.name


FEATURED_RESOURCES_SHOWN = 6


class TopicsAndRegionsMixin:
    """For pages with `topics` and `regions`: both read in the page's own language."""

    @property
    def localized_topics(self):
        return localized_objects(self.topics.all(), self.locale_id)

    @property
    def localized_regions(self):
        return localized_objects(self.regions.all(), self.locale_id)


class ResourceIndexPage(SitePage):
    """The resource library: every resource, newest first, a page at a time, filtered by type."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"], verbose_name=_("intro"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro", boost=SUMMARY_BOOST)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = (
            ResourcePage.objects.child_of(self)
            .live()
            .exclude(restricted())
            .select_related("resource_type", "cover_image")
            .order_by("-publication_date", "title")
        )
        resource_types = ResourceType.objects.filter(locale=self.locale)
        selected_type = request.GET.get("type", "")
        if selected_type:
            resources = resources.filter(resource_type__slug=selected_type)
        listing = paginated(request, resources)
        context.update(
            resources=listing["page_obj"],
            resource_types=resource_types,
            selected_type=selected_type,
            **listing,
        )
        return context

    class Meta:
        verbose_name = _("resource library")


class ResourcePage(TopicsAndRegionsMixin, SitePage):
    """One resource: a report, brief, legal tool, video or testimony, with its files."""

    resource_type = models.ForeignKey(
        ResourceType,
        on_delete=models.PROTECT,
        related_name="resources",
        verbose_name=_("resource type"),
    )
    summary = models.TextField(
        max_length=400,
        help_text=_("One or two sentences shown in lists and shared links."),
        verbose_name=_("summary"),
    )
    publication_date = models.DateField(verbose_name=_("publication date"))
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    cover_image_alt = alt_text_field(_("cover image alt text"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    downloads = StreamField(
        [("download", DownloadBlock(label=_("Download")))],
        blank=True,
        help_text=_("Files to download: the report itself, translations, annexes."),
        verbose_name=_("downloads"),
    )
    video = StreamField(
        [("video", VideoBlock(label=_("Video")))],
        blank=True,
        max_num=1,
        help_text=_("For video resources: the recording to watch."),
        verbose_name=_("video"),
    )
    topics = ParentalManyToManyField(
        Topic, blank=True, related_name="resources", verbose_name=_("topics")
    )
    regions = ParentalManyToManyField(
        Region, blank=True, related_name="resources", verbose_name=_("regions")
    )
    featured = models.BooleanField(
        default=False,
        help_text=format_lazy(
            _(
                "Featured resources are shown on the home page: only the {count} with the "
                "latest publication dates, newest first. Untick older ones to make room."
            ),
            count=FEATURED_RESOURCES_SHOWN,
        ),
        verbose_name=_("featured"),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("resource_type"), FieldPanel("publication_date"), FieldPanel("featured")],
            heading=_("About this resource"),
        ),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("cover_image_alt"),
        FieldPanel("body"),
        FieldPanel("downloads"),
        FieldPanel("video"),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("regions")], heading=_("Topics and regions")
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("body"),
        taxonomy_names("resource_type"),
        taxonomy_names("topics"),
        taxonomy_names("regions"),
        index.FilterField("publication_date"),
        index.FilterField("featured"),
    ]

    # A translation has its source's topics and regions, in its own language (SitePage.save).
    override_translatable_fields = [SynchronizedField("topics"), SynchronizedField("regions")]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    def get_meta_description(self):
        return self.search_description or self.summary

    share_image_field = "cover_image"

    class Meta:
        verbose_name = _("resource page")
