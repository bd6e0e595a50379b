from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page


class SitePage(Page):
    """What every public page offers its templates: a description and an image for shared links."""

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
