"""StreamField blocks shared by every page type."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from core.alt_text import alt_text_block
from core.calls_to_action import CallToActionValue, call_to_action_representation
from core.chosen import ChosenForTheRequest
from core.localization import localized_in_every_block
from core.navigation import page_offers, subpage_choices
from core.representations import document_value, helpline_value, image_value, public_page_ids

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class ImageChooser(ChosenForTheRequest, ImageChooserBlock):
    """Wagtail's image chooser, its images read with every other block's (core/chosen.py)."""


class DocumentChooser(ChosenForTheRequest, DocumentChooserBlock):
    """Wagtail's document chooser, its documents read with every other block's."""


class RichTextBlock(blocks.RichTextBlock):
    """Wagtail's rich text block, shown in the APIs as the page's rich text fields are
    (core/rich_text.py): page links lead to their translation in Markdown too."""

    def get_api_representation(self, value, context=None):
        from core.rich_text import rich_text_for_api

        request = (context or {}).get("request")
        return rich_text_for_api(value.source, request, features=self.features)


# Migrations name them as Wagtail's blocks, which store the same values (see Wagtail's
# `Block.canonical_module_path`): choosing them changed no StreamField's definition.
DECONSTRUCT_ALIASES = {
    ImageChooser: "wagtail.images.blocks.ImageChooserBlock",
    DocumentChooser: "wagtail.documents.blocks.DocumentChooserBlock",
    RichTextBlock: "wagtail.blocks.RichTextBlock",
}


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site (followed to its translation), or to a part below it such
    as a topic of the resource library, or to another site."""

    page = blocks.PageChooserBlock(
        required=False, help_text=_("A page of this site."), label=_("Page")
    )
    subpage = blocks.ChoiceBlock(
        choices=subpage_choices,
        required=False,
        help_text=_(
            "A part of the chosen page, e.g. one topic, region or resource type of the resource "
            "library (choose the library as the page)."
        ),
        label=_("Part of the page"),
    )
    url = blocks.URLBlock(
        required=False, help_text=_("Or an address on another site."), label=_("Address")
    )
    label = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text=_("Shown text; the page title when empty."),
        label=_("Label"),
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
        if value.get("subpage"):
            self.check_subpage(value)
        return value

    def check_subpage(self, value):
        errors = {}
        if not value.get("page") or not page_offers(value["page"], value["subpage"]):
            errors["subpage"] = ValidationError(_("The chosen page has no such part."))
        elif not value.get("label"):
            errors["label"] = ValidationError(_("Give a link to a part of a page its label."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)

    def get_api_representation(self, value, context=None):
        """{url, text, page_id}: a page in the active language (its translation when live), or
        no address when visitors may not see it."""
        page = value.get("page")
        if page:
            page = page.localized
            url = page.get_full_url() if page.pk in public_page_ids([page]) else None
            if url and value.get("subpage"):
                url += value["subpage"]
            return {"url": url, "text": value.get("label") or page.title, "page_id": page.pk}
        url = value.get("url") or None
        return {"url": url, "text": value.get("label") or url or "", "page_id": None}


class ImageBlock(blocks.StructBlock):
    image = ImageChooser(label=_("Image"))
    alt = alt_text_block()
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"

    def get_api_representation(self, value, context=None):
        image = image_value(value.get("image"), value.get("alt"))
        return {"image": image, "caption": value.get("caption") or ""}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=120, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"

    def get_api_representation(self, value, context=None):
        return {"quote": value.get("quote") or "", "attribution": value.get("attribution") or ""}


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
    video = EmbedBlock(
        help_text=_("Address of the video, e.g. on YouTube or Vimeo."), label=_("Video")
    )
    title = blocks.CharBlock(
        max_length=200, help_text=_("What the video is about."), label=_("Title")
    )

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        value_class = VideoValue

    def get_api_representation(self, value, context=None):
        """The video's site and address: a link, never an embedded player (no oEmbed fetch)."""
        video = value.get("video")
        return {
            "provider": value.provider_name,
            "url": video.url if video else "",
            "title": value.get("title") or "",
        }


class SectionBlock(blocks.StructBlock):
    """A titled part of a page, such as 'What's the issue?' or 'What can you do?'."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    body = RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Body"))
    image = ImageChooser(required=False, label=_("Image"))
    image_alt = alt_text_block()

    class Meta:
        icon = "doc-full"
        template = "blocks/section_block.html"

    def get_api_representation(self, value, context=None):
        representation = super().get_api_representation(value, context)
        representation.pop("image_alt", None)  # it is the image's `alt`
        representation["image"] = image_value(value.get("image"), value.get("image_alt"))
        return representation


class CallToActionBlock(blocks.StructBlock):
    """What a visitor can do now: share the page with the hashtag, join a coalition (a
    partner), sign up, or give (the site settings' donation page and suggested amounts)."""

    KINDS = [
        ("share", _("Share with the hashtag")),
        ("coalition", _("Join a coalition")),
        ("newsletter", _("Newsletter sign-up")),
        ("donate", _("Donate")),
        ("briefings", _("Early-access briefings")),
    ]
    kind = blocks.ChoiceBlock(choices=KINDS, label=_("Kind"))
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    button_label = blocks.CharBlock(required=False, max_length=60, label=_("Button label"))
    partner = SnippetChooserBlock(
        "resources.Partner",
        required=False,
        help_text=_("For a coalition: the partner to join; the button leads to its join address."),
        label=_("Coalition"),
    )
    link = blocks.URLBlock(
        required=False,
        help_text=_(
            "Where the button leads. When empty: donate and newsletter use the site settings, "
            "a coalition its partner's join address. For share: the address shared, this "
            "page's when empty (add campaign parameters here only if you want them)."
        ),
        label=_("Link"),
    )

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        value_class = CallToActionValue

    def clean(self, value):
        value = super().clean(value)
        if value.get("kind") == "coalition" and not (value.get("partner") or value.get("link")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "partner": ValidationError(_("Choose the coalition or enter its address."))
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        """See core/calls_to_action.py: in the active language (the page's, in the API)."""
        return call_to_action_representation(value, context)


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooser(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=_("The document title when empty."),
        label=_("Title"),
    )

    class Meta:
        icon = "download"

    def get_api_representation(self, value, context=None):
        """The document, or nothing at all when visitors may not download it (a document in a
        restricted collection, such as a signed consent form)."""
        document = document_value(value.get("document"))
        if document is None:
            return {"document": None, "title": ""}
        return {"document": document, "title": value.get("title") or document["title"]}


class HelplinesValue(blocks.StructValue):
    @property
    def default_heading(self):
        return _("Where to find help")

    @property
    def localized_helplines(self):
        """The chosen helplines in the active language (each one's translation where it has
        one), in the editor's order, read in one query."""
        chosen = [helpline for helpline in self.get("helplines") or [] if helpline is not None]
        return localized_in_every_block(chosen)


class HelplinesBlock(blocks.StructBlock):
    """Helplines a reader can call now, chosen from the Helpline snippets."""

    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("'Where to find help' when empty."),
        label=_("Heading"),
    )
    helplines = blocks.ListBlock(
        SnippetChooserBlock("core.Helpline"), min_num=1, label=_("Helplines")
    )

    class Meta:
        icon = "help"
        template = "blocks/helplines_block.html"
        value_class = HelplinesValue

    def get_api_representation(self, value, context=None):
        """The heading and the helplines in the active language (the page's, in the API)."""
        return {
            "heading": str(value.get("heading") or value.default_heading),
            "helplines": [helpline_value(helpline) for helpline in value.localized_helplines],
        }


class BodyBlock(blocks.StreamBlock):
    paragraph = RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Paragraph"))
    section = SectionBlock(label=_("Section"))
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    video = VideoBlock(label=_("Video"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
    helplines = HelplinesBlock(label=_("Helplines"))


class CallsToActionBlock(blocks.StreamBlock):
    call_to_action = CallToActionBlock(label=_("Call to action"))


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
    network = blocks.ChoiceBlock(choices=NETWORKS, label=_("Network"))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "site"
        value_class = SocialAccountValue
