"""The alt text of a picture where a page, snippet or block shows it.

Each use of an image has its own alt text, written beside the image field in a field named
`<image field>_alt` (a block: `alt` beside `image`, or `image_alt`), so that it is in the page's
language: wagtail-localize extracts it as a text to translate like any other. When it is empty,
the image's own description stands in (the upload form calls it the alt text). An image without
either is decorative: `alt=""`, never its title, which is often a file name."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

ALT_TEXT_HELP = _(
    "Read aloud to visitors who cannot see the picture here, in this page's language. Empty: "
    "the image's own description (if it has none, the picture is treated as decoration)."
)


def alt_text_field(verbose_name):
    """The alt text of one image field of a page or snippet, named `<image field>_alt`."""
    return models.CharField(
        max_length=255, blank=True, help_text=ALT_TEXT_HELP, verbose_name=verbose_name
    )


def alt_text_block():
    # Empty in blocks stored before it existed (rather than None, which wagtail-localize refuses).
    return blocks.CharBlock(
        required=False, default="", max_length=255, help_text=ALT_TEXT_HELP, label=_("Alt text")
    )


def alt_text(image, written=""):
    """What is read aloud for `image` where `written` is its alt text for that use."""
    if image is None:
        return ""
    return written or image.description or ""


def alt_text_of(obj, image_field):
    """The alt text of the image in `obj`'s field `image_field`, as `obj` shows it."""
    return alt_text(getattr(obj, image_field), getattr(obj, f"{image_field}_alt", ""))
