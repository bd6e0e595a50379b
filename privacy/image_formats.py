"""What each image format needs for metadata removal (privacy/images.py): which blocks of a JPEG,
PNG, WebP or GIF file carry nothing but the picture, and how each format is re-encoded by Pillow
without any metadata."""

import re

from PIL.JpegImagePlugin import get_sampling

JPEG_QUALITY = 90  # only when the source has no quantisation tables to reuse (HEIC, ...)
WEBP_QUALITY = 90
AVIF_QUALITY = 85

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
# The next JPEG marker after entropy-coded data (0xFF00 is a stuffed byte, RSTn are in-scan).
JPEG_NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


class ImageMetadataError(ValueError):
    """The file could not be read well enough to remove its metadata: it is not stored."""


# Is a file's container clean? ----------------------------------------------------------------


def jpeg_is_clean(data):
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


def png_is_clean(data):
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


def webp_chunks(data):
    """The kinds of a WebP file's top-level chunks, and whether they end the file exactly."""
    kinds, position = [], 12
    while position + 8 <= len(data):
        kinds.append(data[position : position + 4])
        length = int.from_bytes(data[position + 4 : position + 8], "little")
        position += 8 + length + (length & 1)
    return kinds, position == len(data)


def webp_is_clean(data):
    kinds, exact = webp_chunks(data)
    return exact and all(kind in SAFE_WEBP_CHUNKS for kind in kinds)  # no EXIF, XMP, ICCP...


def gif_blocks(data):
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


def gif_is_clean(data):
    return all(harmless for _start, _end, harmless in gif_blocks(data))


def gif_without_metadata(data):
    """The GIF with its harmful blocks left out: lossless, the picture's bytes are untouched."""
    return b"".join(data[start:end] for start, end, harmless in gif_blocks(data) if harmless)


CONTAINER_IS_CLEAN = {
    "JPEG": jpeg_is_clean,
    "PNG": png_is_clean,
    "WEBP": webp_is_clean,
    "GIF": gif_is_clean,
    "AVIF": lambda data: True,  # libavif reports EXIF, XMP and ICC in `info`, checked there
}


# Re-encoding ---------------------------------------------------------------------------------


def encoding_options(image, data, animated):
    """The format a file of Pillow's `image.format` is re-encoded in, and Pillow's options for it
    (without the frames of an animation)."""
    source_format = image.format
    if source_format in ("JPEG", "MPO"):
        return "JPEG", _jpeg_options(image)
    if source_format == "WEBP":
        kinds, _exact = webp_chunks(data)
        if b"VP8L" in kinds or (animated and b"VP8L" in data):  # lossless stays lossless
            return "WEBP", {"lossless": True}
        return "WEBP", {"quality": WEBP_QUALITY}
    if source_format == "AVIF":
        return "AVIF", {"quality": AVIF_QUALITY}
    if source_format == "HEIF":
        return "JPEG", {"quality": JPEG_QUALITY}
    return "PNG", {}  # PNG, and any other raster format Pillow reads


def _jpeg_options(image):
    options = {}
    quantization = getattr(image, "quantization", None)
    if quantization:  # the original's compression: no visible loss from re-encoding
        options["qtables"] = quantization
        if (sampling := get_sampling(image)) != -1:
            options["subsampling"] = sampling
    else:
        options["quality"] = JPEG_QUALITY
    info = image.info
    options["progressive"] = bool(info.get("progressive") or info.get("progression"))
    options["optimize"] = True
    return options
