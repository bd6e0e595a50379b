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
that is already clean is left byte for byte as it is, so cleaning twice changes nothing.
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

logger = logging.getLogger(__name__)

try:  # Willow registers this opener too; registering it here makes this module self-sufficient.
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - pillow_heif is a dependency of the project
    pillow_heif = None
# AVIF is read and written by Pillow's own plugin (Pillow >= 11.2); pillow_heif's AVIF opener is
# not registered, as this pillow_heif build has no AVIF encoder and would shadow Pillow's.

JPEG_QUALITY = 90  # only when the source has no quantisation tables to reuse (HEIC, ...)
WEBP_QUALITY = 90
AVIF_QUALITY = 85

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

EXTENSIONS = {
    "JPEG": (".jpg", ".jpeg"),
    "PNG": (".png",),
    "WEBP": (".webp",),
    "AVIF": (".avif",),
    "GIF": (".gif",),
}
SAFE_PNG_CHUNKS = frozenset(
    {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"pHYs", b"sBIT"}
    | {b"bKGD", b"acTL", b"fcTL", b"fdAT"}
)
SAFE_WEBP_CHUNKS = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"})
SAFE_GIF_APPLICATIONS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")  # animation loop count only
TRANSPOSE = {
    2: PILImage.Transpose.FLIP_LEFT_RIGHT,
    3: PILImage.Transpose.ROTATE_180,
    4: PILImage.Transpose.FLIP_TOP_BOTTOM,
    5: PILImage.Transpose.TRANSPOSE,
    6: PILImage.Transpose.ROTATE_270,
    7: PILImage.Transpose.TRANSVERSE,
    8: PILImage.Transpose.ROTATE_90,
}
# The next JPEG marker after entropy-coded data (0xFF00 is a stuffed byte, RSTn are in-scan).
JPEG_NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


class ImageMetadataError(ValueError):
    """The file could not be read well enough to remove its metadata: it is not stored."""


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


def _jpeg_is_clean(data):
    """Only the JFIF header (without thumbnail), the Adobe colour flag and the picture itself, and
    nothing after the end of the image (phones append depth maps, second pictures, trailers)."""
    if not data.startswith(b"\xff\xd8"):
        return False
    position, end = 2, len(data)
    while position + 1 < end:
        if data[position] != 0xFF:
            return False
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        position += 2
        if marker == 0xD9:  # end of image
            return not data[position:].strip(b"\x00")
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length
            continue
        length = int.from_bytes(data[position : position + 2], "big")
        segment = data[position + 2 : position + length]
        if marker == 0xE0:
            # JFIF, without a thumbnail (its size is the last two bytes of the header)
            if not (segment.startswith(b"JFIF\x00") and segment[12:14] == b"\x00\x00"):
                return False
        elif marker == 0xEE:
            if not segment.startswith(b"Adobe"):
                return False
        elif 0xE1 <= marker <= 0xEF or marker == 0xFE:  # APPn (EXIF, XMP, ICC, IPTC...), COM
            return False
        position += length
        if marker == 0xDA:  # start of scan: skip the entropy-coded data
            found = JPEG_NEXT_MARKER.search(data, position)
            if found is None:
                return False
            position = found.start()
    return False


def _png_is_clean(data):
    position = 8
    while position + 8 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        if kind not in SAFE_PNG_CHUNKS:  # tEXt, zTXt, iTXt, eXIf, iCCP, tIME, caBX, private...
            return False
        position += 12 + length
        if kind == b"IEND":
            return position >= len(data)
    return False


def _webp_chunks(data):
    """The kinds of a WebP file's top-level chunks, and whether they end the file exactly."""
    kinds, position = [], 12
    while position + 8 <= len(data):
        kinds.append(data[position : position + 4])
        length = int.from_bytes(data[position + 4 : position + 8], "little")
        position += 8 + length + (length & 1)
    return kinds, position == len(data)


def _webp_is_clean(data):
    kinds, exact = _webp_chunks(data)
    return exact and all(kind in SAFE_WEBP_CHUNKS for kind in kinds)  # no EXIF, XMP, ICCP...


def _gif_blocks(data):
    """The GIF's blocks as (start, end, harmless); harmless is False for comments, application
    extensions other than the animation loop (XMP, ICC...), unknown blocks and trailing data."""
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        raise ImageMetadataError("Not a GIF file")

    def sub_blocks_end(position):
        while True:
            size = data[position]
            position += 1
            if size == 0:
                return position
            position += size

    flags = data[10]
    position = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    yield 0, position, True  # header, screen descriptor, global colour table
    try:
        while position < len(data):
            start, block = position, data[position]
            if block == 0x3B:  # trailer
                yield start, start + 1, True
                if data[start + 1 :].strip(b"\x00"):
                    yield start + 1, len(data), False
                return
            if block == 0x21:  # extension
                label = data[position + 1]
                if label == 0xFF:
                    harmless = data[position + 3 : position + 14] in SAFE_GIF_APPLICATIONS
                else:
                    harmless = label in (0xF9, 0x01)  # graphic control, plain text (drawn)
                position = sub_blocks_end(position + 2)
                yield start, position, harmless
            elif block == 0x2C:  # image
                flags = data[position + 9]
                position += 10 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
                position = sub_blocks_end(position + 1)  # after the LZW code size
                yield start, position, True
            else:
                yield start, len(data), False
                return
    except IndexError:
        raise ImageMetadataError("Truncated GIF file") from None
    raise ImageMetadataError("GIF file without a trailer")


def _gif_is_clean(data):
    return all(harmless for _start, _end, harmless in _gif_blocks(data))


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
    return not {
        "JPEG": _jpeg_is_clean,
        "PNG": _png_is_clean,
        "WEBP": _webp_is_clean,
        "GIF": _gif_is_clean,
        "AVIF": lambda data: True,  # libavif reports EXIF, XMP and ICC in `info`, checked above
    }[image.format](data)


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
    source_format = image.format
    animated = getattr(image, "is_animated", False) and source_format in ("PNG", "WEBP", "AVIF")
    frames, durations = _clean_frames(image, animated)
    first = frames[0]
    output = io.BytesIO()
    options = {}
    if animated:
        options = {
            "save_all": True,
            "append_images": frames[1:],
            "duration": durations,
            "loop": image.info.get("loop", 0),
        }

    if source_format in ("JPEG", "MPO"):
        target = "JPEG"
        quantization = getattr(image, "quantization", None)
        if quantization:  # the original's compression: no visible loss from re-encoding
            options["qtables"] = quantization
            from PIL.JpegImagePlugin import get_sampling

            if (sampling := get_sampling(image)) != -1:
                options["subsampling"] = sampling
        else:
            options["quality"] = JPEG_QUALITY
        info = image.info
        options["progressive"] = bool(info.get("progressive") or info.get("progression"))
        options["optimize"] = True
    elif source_format == "WEBP":
        target = "WEBP"
        kinds, _exact = _webp_chunks(data)
        if b"VP8L" in kinds or (animated and b"VP8L" in data):  # lossless stays lossless
            options["lossless"] = True
        else:
            options["quality"] = WEBP_QUALITY
    elif source_format == "AVIF":
        target = "AVIF"
        options["quality"] = AVIF_QUALITY
    elif source_format == "HEIF":
        target = "JPEG"
        options["quality"] = JPEG_QUALITY
    else:  # PNG, and any other raster format Pillow reads
        target = "PNG"

    if target == "JPEG" and first.mode not in ("RGB", "L", "CMYK"):
        if first.mode in ("RGBA", "LA", "PA") or "transparency" in first.info:
            rgba = first.convert("RGBA")
            background = PILImage.new("RGB", rgba.size, (255, 255, 255))
            background.paste(rgba, mask=rgba.getchannel("A"))
            first = background
        else:
            first = bare(first.convert("RGB"))

    elif target == "PNG" and first.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"):
        first = bare(first.convert("RGBA" if "A" in first.getbands() else "RGB"))

    first.save(output, target, **options)
    return output.getvalue(), target


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
            content = b"".join(data[s:e] for s, e, harmless in _gif_blocks(data) if harmless)
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
