"""Renditions carry no metadata and cost one decoded original each.

Wagtail makes every rendition by opening the original, calling Willow's `auto_orient`, cropping
and resizing; it makes several at once in up to three threads, each keeping its decoded original
until its rendition is saved. `register_willow_operation` replaces `auto_orient` with one that
drops all metadata (Willow would copy EXIF into JPEG and PNG renditions, Pillow JPEG/GIF comments)
and copies no pixels, so that the memory a worker needs stays within what
`WAGTAILIMAGES_MAX_IMAGE_PIXELS` allows for (see cms/settings/files.py).
"""

from django.utils.functional import cached_property
from PIL import Image as PILImage
from PIL import ImageOps
from willow.image import BadImageOperationError
from willow.plugins.pillow import PillowImage

from privacy.images import KEPT_INFO, bare, to_srgb


def auto_orient_without_metadata(willow_image):
    """Willow's `auto_orient` for Pillow images, which also drops every piece of metadata, so that
    no rendition (JPEG, PNG, WebP, AVIF, GIF, HEIC) can carry any. The pixels are oriented and
    stripped in place rather than copied (Wagtail opened this original for this rendition only),
    and the crop that follows is left to the resize: a rendition holds one decoded original in
    memory, not four."""
    image = willow_image.image
    icc_profile = image.info.get("icc_profile")
    ImageOps.exif_transpose(image, in_place=True)
    converted = to_srgb(image, icc_profile)
    if converted is not image:
        return StrippedPillowImage(bare(converted))
    image.info = {key: value for key, value in image.info.items() if key in KEPT_INFO}
    return StrippedPillowImage(image)


class StrippedPillowImage(PillowImage):
    """A Willow image without metadata whose crop costs nothing: Wagtail crops, then resizes, and
    the crop box is handed to Pillow's resize instead of copying the cropped pixels first. Any
    other use of a cropped image makes the crop for real."""

    def __init__(self, image, box=None):
        self.source, self.box = image, box

    @cached_property
    def image(self):
        return self.source if self.box is None else self.source.crop(self.box)

    def crop(self, rect):
        if self.box is not None:
            return PillowImage(self.image).crop(rect)
        left, top, right, bottom = rect
        width, height = self.source.size
        if left >= min(right, width) or top >= min(bottom, height) or right <= 0 or bottom <= 0:
            raise BadImageOperationError(f"Invalid crop dimensions: {rect!r}")
        box = (max(0, left), max(0, top), min(right, width), min(bottom, height))
        return self if box == (0, 0, width, height) else StrippedPillowImage(self.source, box)

    def resize(self, size):
        if self.box is None or self.source.mode in ("1", "P"):
            return super().resize(size)
        return PillowImage(self.source.resize(size, PILImage.Resampling.LANCZOS, box=self.box))


def register_willow_operation():
    """Make every Wagtail rendition go through `auto_orient_without_metadata`."""
    from willow.registry import registry

    registry.register_operation(PillowImage, "auto_orient", auto_orient_without_metadata)
