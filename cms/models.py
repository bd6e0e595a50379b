from wagtail.models import Page


class SitePage(Page):
    """What every public page offers its templates: a description and an image for shared links."""

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description

    def get_share_image(self):
        return None
