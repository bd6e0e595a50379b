"""Uploaded images keep no metadata: no EXIF (GPS, camera, dates, thumbnails), XMP, IPTC, comments,
text chunks or embedded colour profiles, in the stored original or in any rendition.

The site publishes stories of people at risk: a photo's GPS position or camera serial number can
lead someone to them. So:

- Every new file of a Wagtail image, however it arrives (admin upload, multiple upload, chooser,
  API, code), is cleaned by `clean_new_image_file` (a `pre_save` receiver connected in
  `privacy/apps.py`) before it reaches storage. The EXIF orientation is applied to the pixels first,
  so the picture still looks right; width, height, file size and hash describe the clean file.
- Renditions are made through Willow's `auto_orient`, which Wagtail calls first for every
  rendition; `privacy/renditions.py` replaces it with one that also drops all metadata, since
  Willow copies EXIF into JPEG and PNG renditions and Pillow copies JPEG/GIF comments.
- `python manage.py strip_image_metadata` cleans images stored before this existed.

Colour profiles: an embedded ICC profile is applied (the pixels are converted to sRGB, which
browsers assume for untagged images) and then dropped, as a profile can name the device or the
editing software. Where it cannot be converted (unusual modes or a broken profile) it is dropped.

Formats: JPEG, PNG, WebP and AVIF keep their format (re-encoded by Pillow: JPEG with the original's
quantisation tables, WebP lossless stays lossless, animations keep their frames); GIF is cleaned
losslessly block by block; HEIC becomes JPEG (every browser shows it, Wagtail serves HEIC
renditions as JPEG anyway, and it is the robust encoder); other raster formats become PNG. A file
that is already clean is left byte for byte as it is, so cleaning twice changes nothing. What is
specific to each format (which blocks are harmless, encoder options) is in
`privacy/image_formats.py`.
"""

import io
import logging
import os
import re
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import ExifTags, ImageCms, ImageSequence, UnidentifiedImageError
from PIL import Image as PILImage
from wagtail.utils.file import hash_filelike

from privacy.image_formats import (
    CONTAINER_IS_CLEAN,
    EXTENSIONS,
    ImageMetadataError,
    encoding_options,
    gif_without_metadata,
)

logger = logging.getLogger(__name__)

try:  # Willow registers this opener too; registering it here makes this module self-sufficient.
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - pillow_heif is a dependency of the project
    pillow_heif = None
# AVIF is read and written by Pillow's own plugin (Pillow >= 11.2); pillow_heif's AVIF opener is
# not registered, as this pillow_heif build has no AVIF encoder and would shadow Pillow's.

# What a clean file may still carry in Pillow's `info`: nothing about the picture's origin.
HARMLESS_INFO = frozenset(
    {
        # JPEG: the JFIF header (density only), Adobe colour transform flag, coding details.
        "jfif",
        "jfif_version",
        "jfif_unit",
        "jfif_density",
        "dpi",
        "adobe",
        "adobe_transform",
        "progressive",
        "progression",
        # PNG, GIF, WebP, AVIF: transparency, animation, colour space without a profile.
        "transparency",
        "gamma",
        "chromaticity",
        "srgb",
        "aspect",
        "interlace",
        "loop",
        "duration",
        "timestamp",
        "background",
        "version",
        "disposal",
        "blend",
        "default_image",
        "bbox",
        "extension",  # GIF: the last application extension's name; checked block by block
    }
)
# Only this survives into the clean image objects (it is the picture, not metadata).
KEPT_INFO = frozenset({"transparency"})

TRANSPOSE = {
    2: PILImage.Transpose.FLIP_LEFT_RIGHT,
    3: PILImage.Transpose.ROTATE_180,
    4: PILImage.Transpose.FLIP_TOP_BOTTOM,
    5: PILImage.Transpose.TRANSPOSE,
    6: PILImage.Transpose.ROTATE_270,
    7: PILImage.Transpose.TRANSVERSE,
    8: PILImage.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    format: str  # Pillow's name: "JPEG", "PNG", "WEBP", "AVIF", "GIF"
    width: int
    height: int


# Pixels -------------------------------------------------------------------------------------


_srgb_profile = None


def _srgb():
    global _srgb_profile
    if _srgb_profile is None:
        _srgb_profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return _srgb_profile


def to_srgb(image, icc_profile):
    """`image` with its ICC profile applied (converted to sRGB); unchanged when there is none or
    it cannot be applied (the profile is dropped in any case)."""
    if not icc_profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, source, _srgb(), outputMode=output_mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        logger.info("Dropped an ICC profile that could not be applied")
        return image


def bare(image):
    """A copy of a Pillow image that carries nothing but its pixels (and transparency)."""
    clean = image.copy()  # a new object: no cached EXIF either
    clean.info = {key: value for key, value in image.info.items() if key in KEPT_INFO}
    return clean


# Is a file clean? ----------------------------------------------------------------------------


def has_metadata(data, image=None):
    """True when the file carries anything beyond its pixels, or is not in the orientation it is
    shown in; `image` is the file opened by Pillow, if already done."""
    image = image or PILImage.open(io.BytesIO(data))
    if image.format not in EXTENSIONS:  # HEIC, MPO (JPEG with second pictures), BMP, TIFF...
        return True
    if image.format != "GIF" and image.getexif().get(ExifTags.Base.Orientation, 1) not in (0, 1):
        return True
    if any(isinstance(key, str) and key not in HARMLESS_INFO for key in image.info):
        return True
    return not CONTAINER_IS_CLEAN[image.format](data)


# Cleaning a file -----------------------------------------------------------------------------


def _clean_frames(image, animated):
    """Each frame (only the first unless `animated`) oriented, in sRGB, bare; and durations."""
    orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
    icc_profile = image.info.get("icc_profile")
    frames, durations = [], []
    for frame in ImageSequence.Iterator(image) if animated else [image]:
        frame.load()
        durations.append(frame.info.get("duration", 100))
        clean = frame.transpose(TRANSPOSE[orientation]) if orientation in TRANSPOSE else frame
        frames.append(bare(to_srgb(clean, icc_profile)))
    image.seek(0)
    return frames, durations


def _encode(image, data):
    """Re-encode with Pillow, passing no metadata at all; (bytes, format)."""
    animated = getattr(image, "is_animated", False) and image.format in ("PNG", "WEBP", "AVIF")
    frames, durations = _clean_frames(image, animated)
    target, options = encoding_options(image, data, animated)
    if animated:
        options |= {
            "save_all": True,
            "append_images": frames[1:],
            "duration": durations,
            "loop": image.info.get("loop", 0),
        }
    output = io.BytesIO()
    _in_mode_for(target, frames[0]).save(output, target, **options)
    return output.getvalue(), target


def _in_mode_for(target, first):
    """The first frame in a mode the target format can store (JPEG has no transparency: such
    frames are laid on white)."""
    if target == "JPEG" and first.mode not in ("RGB", "L", "CMYK"):
        if first.mode in ("RGBA", "LA", "PA") or "transparency" in first.info:
            rgba = first.convert("RGBA")
            background = PILImage.new("RGB", rgba.size, (255, 255, 255))
            background.paste(rgba, mask=rgba.getchannel("A"))
            return background
        return bare(first.convert("RGB"))
    if target == "PNG" and first.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"):
        return bare(first.convert("RGBA" if "A" in first.getbands() else "RGB"))
    return first


def clean_image_data(data):
    """The file `data` without metadata, as a `CleanImage`; None when it has none (or is not a
    raster image, e.g. SVG, which Pillow cannot read). Raises ImageMetadataError when it cannot be
    cleaned."""
    try:
        image = PILImage.open(io.BytesIO(data))
    except UnidentifiedImageError:
        if re.match(rb"\s*<", data[:1024]):  # SVG: no raster metadata to remove
            return None
        raise ImageMetadataError("Not an image Pillow can read") from None
    try:
        if not has_metadata(data, image):
            return None
        if image.format == "GIF":
            content = gif_without_metadata(data)
            target = "GIF"
        else:
            content, target = _encode(image, data)
        with PILImage.open(io.BytesIO(content)) as check:
            width, height = check.size
            if has_metadata(content, check):  # never store a file the cleaning missed
                raise ImageMetadataError(f"Metadata left in the cleaned {target} file")
    except (OSError, SyntaxError, ValueError, EOFError, IndexError) as error:
        if isinstance(error, ImageMetadataError):
            raise
        raise ImageMetadataError(f"Could not clean the image: {error}") from error
    return CleanImage(content=content, format=target, width=width, height=height)


def name_for(name, image_format):
    """`name` with an extension that matches `image_format` (photo.heic -> photo.jpg)."""
    stem, extension = os.path.splitext(name)
    extensions = EXTENSIONS[image_format]
    return name if extension.lower() in extensions else stem + extensions[0]


# Wagtail images ------------------------------------------------------------------------------


def _read(field_file):
    if not field_file._committed:  # just assigned: not in storage yet
        content = field_file.file
        content.seek(0)
        data = content.read()
        content.seek(0)
        return data
    with field_file.storage.open(field_file.name, "rb") as stored:
        return stored.read()


def strip_image_file(image):
    """Clean the file of a Wagtail image object in place (without saving the object): the clean
    file replaces the one assigned (or is stored beside the stored one, which is deleted once the
    transaction commits) and width, height, size and hash follow. True if anything changed."""
    clean = clean_image_data(_read(image.file))
    if clean is None:
        return False
    name = name_for(os.path.basename(image.file.name), clean.format)
    if not image.file._committed:
        # The field's pre_save stores it (under original_images/, like any upload).
        image.file = ContentFile(clean.content, name=name)
    else:
        old_name, storage = image.file.name, image.file.storage
        image.file.save(name, ContentFile(clean.content), save=False)
        transaction.on_commit(lambda: storage.delete(old_name))
    image.width, image.height = clean.width, clean.height
    image.file_size = len(clean.content)
    image.file_hash = hash_filelike(io.BytesIO(clean.content))
    if image.has_focal_point() and (
        image.focal_point_x + image.focal_point_width / 2 > clean.width
        or image.focal_point_y + image.focal_point_height / 2 > clean.height
    ):
        image.focal_point_x = image.focal_point_y = None
        image.focal_point_width = image.focal_point_height = None
    return True


def _has_new_file(image):
    if not image.file._committed or image._state.adding:
        return True
    stored = type(image)._default_manager.filter(pk=image.pk).values_list("file", flat=True)
    return stored.first() != image.file.name


def clean_new_image_file(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save of Wagtail's image model: a new or replaced file loses its metadata before it is
    stored. Raises ImageMetadataError (nothing is saved) for a file that cannot be cleaned."""
    if raw or not instance.file:
        return
    if update_fields is not None and "file" not in update_fields:
        return
    if _has_new_file(instance):
        strip_image_file(instance)


def clean_stored_image(image, dry_run=False):
    """Clean an image stored earlier, delete its renditions (made from the file with metadata)
    and its old file. True if it had metadata."""
    if dry_run:
        return clean_image_data(_read(image.file)) is not None
    with transaction.atomic():
        if not strip_image_file(image):
            return False
        image.save()
        image.renditions.all().delete()  # Wagtail's post_delete handlers remove their files
    return True
