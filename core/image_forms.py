"""The admin's image form (also behind the multiple upload, the chooser's upload and API v3
image writes): Wagtail's, with a refusal of oversized pictures that says what to do, and a
description that says it is the picture's alt text."""

import math

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


def example_size(pixels):
    """A 4:3 size in round hundreds within `pixels`, e.g. 4000 × 3000 for 12 megapixels."""
    hundreds = math.isqrt(pixels // (12 * 100 * 100))
    return f"{hundreds * 400} × {hundreds * 300}"


DESCRIPTION_HELP = _(
    "Read aloud to visitors who cannot see the picture (its alt text), wherever a page gives "
    "it no alt text of its own: say what it shows, e.g. 'Campaigners with banners outside a "
    "court'. Leave it empty for a purely decorative picture."
)


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].help_text = DESCRIPTION_HELP
        if "file" in self.fields:
            limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
            # Wagtail formats this message with "%" and its own values: ours has none left.
            message = gettext(
                "This image has too many pixels: the site takes pictures of up to %(megapixels)s "
                "megapixels, such as %(example)s pixels. Make it smaller and upload it again."
            ) % {"megapixels": limit // 1_000_000, "example": example_size(limit)}
            self.fields["file"].error_messages["file_too_many_pixels"] = message.replace("%", "%%")
