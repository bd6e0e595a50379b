"""What every page type and every language shares: the abstract `SitePage` (shared-link
metadata, untranslated-child routing, headless preview), and the per-language site settings and
navigation snippets."""

import re
from collections import namedtuple

from django.core.validators import RegexValidator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, TranslatableMixin
from wagtail.url_routing import RouteResult
from wagtail_headless_preview.models import HeadlessPreviewMixin
from wagtail_localize.fields import SynchronizedField

from core.alt_text import alt_text_field, alt_text_of
from core.blocks import LinkBlock, SocialAccountBlock
from core.chosen import known, read_what_pages_choose
from core.donations import DonationSettings, donation_panel
from core.localization import (
    active_language_code,
    default_language_code,
    for_active_locale,
    keep_chosen_snippets_in_locale,
    locale_of,
    localized_pages_by_id,
    remember_active_locale,
    slug_of_translated_title,
)
from core.page_forms import LocalizedPageForm
from core.preview import preview_client_root_url
from core.renditions import own_images, prefetch_pictures
from core.representations import public_page_ids
from core.request_memo import remembered
from core.routing import live_descendant_at, untranslated_descendant_at
from core.scheduling import SchedulePublishingPanel

MenuLink = namedtuple("MenuLink", ["href", "text", "page_id"])

HASHTAG_HELP = _("Without spaces, e.g. #WorldDayAgainstTrafficking.")


class SitePage(HeadlessPreviewMixin, Page):
    """What every public page offers: a description and an image for shared links, a
    fallback to the original language for pages not translated yet, and a preview in the
    headless frontend when one is configured (core/preview.py). Its admin form offers the
    snippets of the page's own language (core/page_forms.py)."""

    base_form_class = LocalizedPageForm

    class Meta:
        abstract = True

    # Wagtail's, with publishing times to the minute in the site's time zone.
    settings_panels = [SchedulePublishingPanel(), *Page.settings_panels[1:]]

    def save(self, *args, update_fields=None, **kwargs):
        # Whatever saved it (the admin, wagtail-localize, a copy, a revision being published),
        # a page keeps to its own language's snippets, and a new translation to a slug of its
        # own language.
        if update_fields is None:
            keep_chosen_snippets_in_locale(self)
            self.slug = slug_of_translated_title(self) or self.slug
        return super().save(*args, update_fields=update_fields, **kwargs)

    def get_meta_description(self):
        """The editor's search description, else the page's own introduction, as plain text."""
        if self.search_description:
            return self.search_description
        intro = getattr(self, "intro", "")
        return Truncator(strip_tags(str(intro))).chars(300) if intro else ""

    # The field a card of the page shows as its summary; without one, its meta description.
    summary_field = None

    def get_summary(self):
        """What a card or a link to the page says of it (the APIs' page summaries)."""
        if self.summary_field:
            return getattr(self, self.summary_field)
        return self.get_meta_description()

    # The image field shown for the page in shared links and cards (its alt text beside it).
    share_image_field = ""

    def get_share_image(self):
        return getattr(self, self.share_image_field) if self.share_image_field else None

    def get_share_image_alt(self):
        """The share image's alt text for this page, in its language."""
        return alt_text_of(self, self.share_image_field) if self.share_image_field else ""

    def get_context(self, request, *args, **kwargs):
        from core.rich_text import prefetch_links  # Wagtail's link handlers need the models

        # Before the template converts each stream's blocks and expands each text's links.
        read_what_pages_choose([self])
        prefetch_links(self)
        remember_active_locale(self.locale)
        prefetch_pictures(*self.pages_shown(), images=self.images_shown())
        return super().get_context(request, *args, **kwargs)

    def images_shown(self):
        """The images the page shows itself: its image fields, those its streams choose (read
        by `read_what_pages_choose`) and the picture shared with its address."""
        images = [*own_images(self), *known(get_image_model()).values()]
        if self.get_share_image() is None:  # the site's default picture is shared instead
            settings = SiteSettings.for_active_locale()
            images.append(settings.default_share_image if settings else None)
        return images

    def pages_shown(self):
        """Other pages shown with their pictures (related pages' cards), whose renditions are
        read with the page's own."""
        return []

    def serve_preview(self, request, mode_name):
        """The draft in the headless frontend configured for this page's language (a preview
        token for /api/v2/page_preview/), else Wagtail's own rendering of the page."""
        if self.get_client_root_url(request) is None:
            return Page.serve_preview(self, request, mode_name)
        return super().serve_preview(request, mode_name)

    def get_client_root_url(self, request):
        return preview_client_root_url(self, request)

    def route(self, request, path_components):
        if path_components:
            # The page at the address, else (the shortcut of `untranslated_child` below) the
            # page not translated yet that this language shows there.
            page = live_descendant_at(self, path_components) or untranslated_descendant_at(
                self, path_components
            )
            if page is not None:
                return RouteResult(page)
        try:
            return super().route(request, path_components)
        except Http404:
            untranslated = self.untranslated_child(path_components)
            if untranslated is None:
                raise
            return untranslated.specific.route(request, path_components[1:])

    def untranslated_child(self, path_components):
        """A child of this page's original-language version that has no live translation into
        this page's language, found by its slug: shown under this page's address, in its own
        language, until it is translated (no alias pages that break when pages move)."""
        if not path_components:
            return None
        default_locale = locale_of(default_language_code())
        if self.locale_id == default_locale.pk:
            return None
        original = self.get_translation_or_none(default_locale)
        if original is None:
            return None
        child = original.get_children().live().filter(slug=path_components[0]).first()
        if child is None or child.get_translations().live().filter(locale=self.locale_id).exists():
            return None
        return child


class SiteSettings(TranslatableMixin, DonationSettings, models.Model):
    """Site-wide links and wording, one set per language (translated like any snippet); the
    donation fields are core/donations.py's."""

    site_name = models.CharField(
        max_length=80,
        help_text=_("Shown in the header and page titles."),
        verbose_name=_("site name"),
    )
    tagline = models.CharField(max_length=160, blank=True, verbose_name=_("tagline"))
    default_hashtag = models.CharField(
        max_length=80, blank=True, help_text=HASHTAG_HELP, verbose_name=_("default hashtag")
    )
    newsletter_heading = models.CharField(
        max_length=160, blank=True, verbose_name=_("newsletter heading")
    )
    newsletter_text = models.TextField(blank=True, verbose_name=_("newsletter text"))
    newsletter_url = models.URLField(
        blank=True, help_text=_("Where visitors sign up."), verbose_name=_("newsletter address")
    )
    quick_exit_url = models.URLField(
        default="https://www.bbc.com/weather",
        help_text=_("The neutral site the quick-exit button opens, e.g. a weather page."),
        verbose_name=_("quick exit address"),
    )
    social_accounts = StreamField(
        [("account", SocialAccountBlock(label=_("Account")))],
        blank=True,
        verbose_name=_("social accounts"),
    )
    browse_safely_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("browse safely page"),
        help_text=_(
            "A page on browsing safely (private browsing, clearing the history), linked beside "
            "the quick exit. Visitors see its translation in their language."
        ),
    )
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a page without its own image is shared on social networks."),
        verbose_name=_("default share image"),
    )
    default_share_image_alt = alt_text_field(_("default share image alt text"))

    override_translatable_fields = [
        SynchronizedField("default_hashtag", overridable=True),
        SynchronizedField("donate_currency", overridable=True),
        SynchronizedField("donate_amounts", overridable=True),
    ]

    panels = [
        FieldPanel("site_name"),
        FieldPanel("tagline"),
        FieldPanel("default_hashtag"),
        donation_panel(),
        MultiFieldPanel(
            [
                FieldPanel("newsletter_heading"),
                FieldPanel("newsletter_text"),
                FieldPanel("newsletter_url"),
            ],
            heading=_("Newsletter"),
        ),
        MultiFieldPanel(
            [FieldPanel("quick_exit_url"), FieldPanel("browse_safely_page")],
            heading=_("Quick exit"),
        ),
        FieldPanel("social_accounts"),
        FieldPanel("default_share_image"),
        FieldPanel("default_share_image_alt"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return f"{self.site_name} ({self.locale})"

    @property
    def default_share_image_alt_text(self):
        return alt_text_of(self, "default_share_image")

    @classmethod
    def for_active_locale(cls):
        """The settings of the active language (else the default one's), read once per request
        and language: templates, blocks and API fields ask for them again and again."""
        return remembered(
            ("site settings", active_language_code()),
            lambda: for_active_locale(
                cls.objects.select_related("browse_safely_page", "default_share_image")
            ),
        )

    @cached_property
    def browse_safely(self):
        """The browse-safely page in the active language (its live translation, else the page
        itself), or None when visitors cannot open it."""
        page = self.browse_safely_page
        if page is None:
            return None
        page = page.localized
        return page if page.live and page.pk in public_page_ids([page]) else None


PHONE_NUMBER = RegexValidator(
    r"^\+?\(?[0-9][0-9 ()-]{1,30}$",
    _("Enter a phone number of digits, spaces, dashes and brackets, e.g. +254 20 123 4567."),
)


class Helpline(TranslatableMixin, models.Model):
    """A helpline people can call, shown on stories and campaigns (the helplines block)."""

    country = models.CharField(
        max_length=80,
        help_text=_("Where the helpline answers, e.g. Kenya or International."),
        verbose_name=_("country"),
    )
    name = models.CharField(
        max_length=120, help_text=_("Who answers, as callers know them."), verbose_name=_("name")
    )
    phone = models.CharField(
        max_length=32,
        validators=[PHONE_NUMBER],
        help_text=_("The number as people dial it in the country; the same in every language."),
        verbose_name=_("phone"),
    )
    hours = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("When it answers, e.g. Every day, 24 hours."),
        verbose_name=_("hours"),
    )
    note = models.TextField(
        max_length=300,
        blank=True,
        help_text=_("What callers should know, e.g. free of charge, languages spoken."),
        verbose_name=_("note"),
    )

    override_translatable_fields = [SynchronizedField("phone", overridable=False)]

    panels = [
        FieldPanel("country"),
        FieldPanel("name"),
        FieldPanel("phone"),
        FieldPanel("hours"),
        FieldPanel("note"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("helpline")
        verbose_name_plural = _("helplines")
        ordering = ["country", "name"]

    def __str__(self):
        return f"{self.name} ({self.country})"

    @property
    def phone_link(self):
        """The number as a tel: address (digits and a leading plus only)."""
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone)


class NavigationMenu(TranslatableMixin, models.Model):
    """The main menu and footer of one language."""

    main_links = StreamField(
        [("link", LinkBlock(label=_("Link")))], blank=True, verbose_name=_("main links")
    )
    footer_links = StreamField(
        [("link", LinkBlock(label=_("Link")))], blank=True, verbose_name=_("footer links")
    )
    footer_text = RichTextField(
        blank=True, features=["bold", "italic", "link"], verbose_name=_("footer text")
    )

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

    @cached_property
    def linked_pages(self):
        """The live pages both menus link to, by the id the editor chose, each in the visitor's
        language (its live translation, else itself): one query for both menus."""
        links = [*self.main_links.raw_data, *self.footer_links.raw_data]
        return localized_pages_by_id([link["value"].get("page") for link in links])

    def resolve_links(self, stream):
        """The links of `stream` in the visitor's language, from the stream's stored values
        (which name pages by id: `linked_pages` reads them all at once)."""
        links = []
        for link in stream.raw_data:
            value = link["value"]
            if value.get("page"):
                page = self.linked_pages.get(value["page"])
                if page is not None:
                    href = page.url + (value.get("subpage") or "")
                    links.append(MenuLink(href, value.get("label") or page.title, page.pk))
            elif value.get("url"):
                links.append(MenuLink(value["url"], value.get("label") or value["url"], None))
        return links

    @classmethod
    def for_active_locale(cls):
        """The menus of the active language (else the default one's), read once per request."""
        return remembered(
            ("navigation", active_language_code()), lambda: for_active_locale(cls.objects.all())
        )
