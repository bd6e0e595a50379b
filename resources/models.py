"""The resource library: reports, briefs, legal tools, videos, and the taxonomies that sort them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.alt_text import alt_text_field
from core.blocks import DownloadBlock, VideoBlock
from core.localization import localized_objects
from core.models import SitePage
from core.search_fields import SUMMARY_BOOST, taxonomy_names
from newsletter.blocks import PageBodyBlock


class TaxonomySnippet(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(max_length=120, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=120,
        allow_unicode=True,
        help_text=_("Used in addresses and API filters; keep it short and stable."),
        verbose_name=_("slug"),
    )
    description = models.TextField(
        blank=True,
        help_text=_("Shown at the top of its page in the resource library."),
        verbose_name=_("description"),
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
    slug = models.SlugField(
        max_length=160,
        allow_unicode=True,
        blank=True,
        help_text=_(
            "Used in the resource library's addresses and API filters; keep it stable. "
            "Made from the name when left empty."
        ),
        verbose_name=_("slug"),
    )
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
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:160]
        return super().save(*args, **kwargs)


FEATURED_RESOURCES_SHOWN = 6


class TopicsAndRegionsMixin:
    """For pages with `topics` and `regions`: both read in the page's own language."""

    @property
    def localized_topics(self):
        return localized_objects(self.topics.all(), self.locale_id)

    @property
    def localized_regions(self):
        return localized_objects(self.regions.all(), self.locale_id)


class ResourceIndexPage(RoutablePageMixin, SitePage):
    """The resource library: every resource, newest first, a page at a time, with filters,
    search and facet counts (resources/listing.py), and a landing page per resource type
    (`<slug>/`), topic (`topics/<slug>/`) and region (`regions/<slug>/`)."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"], verbose_name=_("intro"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro", boost=SUMMARY_BOOST)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count_per_parent = 1

    def route(self, request, path_components):
        # A resource wins over a landing page at the same address (a resource slugged like a
        # type): its address was given first. `topics` and `regions` are not resources' slugs
        # (ResourcePage.clean).
        if path_components:
            try:
                return SitePage.route(self, request, path_components)
            except Http404:
                pass
        return RoutablePageMixin.route(self, request, path_components)

    def serve(self, request, view=None, args=None, kwargs=None):
        # Routing from an ancestor (core.routing) finds the library at its address without
        # calling its `route`: that is the library itself.
        return super().serve(request, view or self.library_view, args, kwargs)

    @path("")
    def library_view(self, request):
        return self.library_response(request)

    @re_path(r"^topics/(?P<slug>[-\w]+)/$", name="topic")
    def topic_view(self, request, slug):
        return self.library_response(request, "topic", slug)

    @re_path(r"^regions/(?P<slug>[-\w]+)/$", name="region")
    def region_view(self, request, slug):
        return self.library_response(request, "region", slug)

    @re_path(r"^(?P<slug>[-\w]+)/$", name="type")
    def type_view(self, request, slug):
        return self.library_response(request, "type", slug)

    def library_response(self, request, kind=None, slug=None):
        from resources.listing import landing_for, library_context

        landing = landing_for(self, kind, slug) if kind else None
        context = library_context(self, request, landing)
        if landing is not None:
            context["subpage"] = landing
        response = self.render(request, context_overrides=context)
        if context["problem"]:
            response.status_code = 400
        return response

    def landing_pages(self):
        """The addresses below the library of its landing pages in its language."""
        from resources.listing import LANDING_PREFIXES

        return [
            f"{prefix}{slug}/"
            for kind, prefix in LANDING_PREFIXES.items()
            for slug in LANDING_MODELS[kind]
            .objects.filter(locale_id=self.locale_id)
            .order_by("slug")
            .values_list("slug", flat=True)
        ]

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base, lastmod = urls[0]["location"], urls[0]["lastmod"]
        return urls + [
            {"location": base + suffix, "lastmod": lastmod} for suffix in self.landing_pages()
        ]

    class Meta:
        verbose_name = _("resource library")


LANDING_MODELS = {"type": ResourceType, "topic": Topic, "region": Region}
RESERVED_SLUGS = ("topics", "regions")


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
    body = StreamField(PageBodyBlock(), blank=True, verbose_name=_("body"))
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
    partners = ParentalManyToManyField(
        Partner,
        blank=True,
        related_name="resources",
        help_text=_("The organisations that made or published it with us."),
        verbose_name=_("partners"),
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
            [FieldPanel("topics"), FieldPanel("regions"), FieldPanel("partners")],
            heading=_("Topics, regions and partners"),
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

    # A translation has its source's topics, regions and partners, in its own language
    # (SitePage.save).
    override_translatable_fields = [
        SynchronizedField("topics"),
        SynchronizedField("regions"),
        SynchronizedField("partners"),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    def get_meta_description(self):
        return self.search_description or self.summary

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This address is the library's own: choose another slug.")}
            )

    share_image_field = "cover_image"

    class Meta:
        verbose_name = _("resource page")
