from django.http import Http404
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Locale, Page
from wagtail_headless_preview.models import HeadlessPreviewMixin


class SitePage(HeadlessPreviewMixin, Page):
    """What every public page offers: a description and an image for shared links, a
    fallback to the original language for pages not translated yet, and a preview in the
    headless frontend when one is configured (cms/headless_preview.py)."""

    class Meta:
        abstract = True

    def get_meta_description(self):
        """The editor's search description, else the page's own introduction, as plain text."""
        if self.search_description:
            return self.search_description
        intro = getattr(self, "intro", "")
        return Truncator(strip_tags(str(intro))).chars(300) if intro else ""

    def get_share_image(self):
        return None

    def serve_preview(self, request, mode_name):
        """The draft in the headless frontend configured for this page's language (a preview
        token for /api/v2/page_preview/), else Wagtail's own rendering of the page."""
        if self.get_client_root_url(request) is None:
            return Page.serve_preview(self, request, mode_name)
        return super().serve_preview(request, mode_name)

    def get_client_root_url(self, request):
        from cms.headless_preview import preview_client_root_url

        return preview_client_root_url(self, request)

    def route(self, request, path_components):
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
        default_locale = Locale.get_default()
        if self.locale_id == default_locale.pk:
            return None
        original = self.get_translation_or_none(default_locale)
        if original is None:
            return None
        child = original.get_children().live().filter(slug=path_components[0]).first()
        if child is None or child.get_translations().live().filter(locale=self.locale_id).exists():
            return None
        return child
