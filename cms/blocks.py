"""StreamField blocks shared by every page type."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site (followed to its translation) or to another site."""

    page = blocks.PageChooserBlock(required=False, help_text=_("A page of this site."))
    url = blocks.URLBlock(required=False, help_text=_("Or an address on another site."))
    label = blocks.CharBlock(
        required=False, max_length=80, help_text=_("Shown text; the page title when empty.")
    )

    class Meta:
        icon = "link"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose a page or enter an address, not both."))
                }
            )
        return value


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


VIDEO_PROVIDERS = {"youtube.com": "YouTube", "youtu.be": "YouTube", "vimeo.com": "Vimeo"}


class VideoValue(blocks.StructValue):
    @property
    def provider_name(self):
        video = self.get("video")
        if not video:
            return ""
        host = (urlsplit(video.url).hostname or "").removeprefix("www.")
        return VIDEO_PROVIDERS.get(host, host)


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text=_("Address of the video, e.g. on YouTube or Vimeo."))
    title = blocks.CharBlock(max_length=200, help_text=_("What the video is about."))

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        value_class = VideoValue


class SectionBlock(blocks.StructBlock):
    """A titled part of a page, such as 'What's the issue?' or 'What can you do?'."""

    heading = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    image = ImageChooserBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/section_block.html"


class CallToActionBlock(blocks.StructBlock):
    """What a visitor can do now. Share and donate links come from the site settings."""

    KINDS = [
        ("share", _("Share with the hashtag")),
        ("coalition", _("Join a coalition")),
        ("newsletter", _("Newsletter sign-up")),
        ("donate", _("Donate")),
        ("briefings", _("Early-access briefings")),
    ]
    kind = blocks.ChoiceBlock(choices=KINDS)
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    button_label = blocks.CharBlock(required=False, max_length=60)
    link = blocks.URLBlock(
        required=False,
        help_text=_(
            "Where the button leads. Donate and newsletter use the site settings when empty."
        ),
    )

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=200, help_text=_("The document title when empty.")
    )

    class Meta:
        icon = "download"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")
    section = SectionBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()


class CallsToActionBlock(blocks.StreamBlock):
    call_to_action = CallToActionBlock()
