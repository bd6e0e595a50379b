"""Uploaded photos never leak where or with what they were taken: originals and renditions carry no
EXIF (GPS, camera), XMP, IPTC, comments, text chunks or colour profiles (privacy/images.py)."""

import hashlib
import io
import json
import re
import struct
from contextlib import contextmanager

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db.models.signals import pre_save
from django.urls import reverse
from PIL import ExifTags, ImageCms, ImageOps, features
from PIL import Image as PILImage
from PIL.PngImagePlugin import PngInfo
from wagtail.images import get_image_model
from wagtail.models import Collection

from privacy import images as image_privacy

try:
    import pillow_heif

    pillow_heif.register_heif_opener()
    CAN_WRITE_HEIC = bool(pillow_heif.libheif_info()["HEIF"])
except ImportError:  # pragma: no cover
    CAN_WRITE_HEIC = False
# AVIF is written by Pillow's own plugin: this pillow_heif build has no AVIF encoder.
CAN_WRITE_AVIF = features.check("avif")

needs_heic = pytest.mark.skipif(not CAN_WRITE_HEIC, reason="libheif has no HEVC encoder here")
needs_avif = pytest.mark.skipif(not CAN_WRITE_AVIF, reason="Pillow was built without AVIF")

Image = get_image_model()

CAMERA = "SECRET-CAMERA-XYZ"
XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="SECRET-XMP-CITY"/>'
    b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
# Anything in a clean file that would betray metadata (the test strings all contain "SECRET").
FORBIDDEN_BYTES = [
    b"SECRET",
    b"SecretMake",
    b"Exif",
    b"GPS",
    b"<x:xmpmeta",
    b"xpacket",
    b"Photoshop 3.0",
    b"8BIM",
    b"ICC_PROFILE",
]
FORBIDDEN_CHUNKS = {
    "PNG": [b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"iCCP"],
    "WEBP": [b"EXIF", b"XMP ", b"ICCP"],
    "GIF": [b"XMP DataXMP", b"\x21\xfe"],
}
FORBIDDEN_INFO = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile", "photoshop"}


# Test pictures: 40×20, blue top-left quarter, stored with orientation 6 (shown rotated 90°
# clockwise, i.e. 20×40 with the blue quarter at the top right).


def picture(mode="RGB"):
    image = PILImage.new(mode, (40, 20), (200, 30, 30, 255)[: len(mode)])
    image.paste((30, 30, 200, 255)[: len(mode)], (0, 0, 20, 10))
    return image


def exif(orientation=6):
    data = PILImage.Exif()
    data[ExifTags.Base.Make] = "SecretMake"
    data[ExifTags.Base.Model] = CAMERA
    data[ExifTags.Base.Orientation] = orientation
    gps = data.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 39.0)
    return data.tobytes()


def iptc_segment():
    """A JPEG APP13 segment: Photoshop 3.0 / 8BIM 0x0404 with IPTC City = SECRET-IPTC-CITY."""
    record = b"\x1c\x02\x5a" + struct.pack(">H", 16) + b"SECRET-IPTC-CITY"
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def jpeg_with_metadata():
    output = io.BytesIO()
    picture().save(
        output,
        "JPEG",
        quality=95,
        exif=exif(),
        xmp=XMP,
        comment=b"SECRET-COMMENT",
        extra=iptc_segment(),
    )
    return output.getvalue()


def png_with_metadata():
    info = PngInfo()
    info.add_text("Location", "SECRET-PNG-TEXT")
    info.add_text("Comment", "SECRET-PNG-ZTXT", zip=True)
    info.add_itxt("Author", "SECRET-PNG-ITXT", lang="en")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    output = io.BytesIO()
    picture().save(output, "PNG", pnginfo=info, exif=exif())
    return output.getvalue()


def webp_with_metadata():
    output = io.BytesIO()
    picture().save(output, "WEBP", quality=90, exif=exif(), xmp=XMP)
    return output.getvalue()


def heic_with_metadata():
    output = io.BytesIO()
    picture().save(output, "HEIF", quality=90, exif=exif(), xmp=XMP)
    return output.getvalue()


def avif_with_metadata():
    output = io.BytesIO()
    picture().save(output, "AVIF", quality=90, exif=exif(), xmp=XMP)
    return output.getvalue()


def gif_with_metadata():
    """An animated GIF with a comment and an XMP application extension."""
    frames = [picture().convert("P"), picture().transpose(PILImage.Transpose.ROTATE_180)]
    output = io.BytesIO()
    frames[0].save(
        output,
        "GIF",
        save_all=True,
        append_images=[frames[1].convert("P")],
        duration=200,
        loop=0,
        comment=b"SECRET-GIF-COMMENT",
    )
    data = output.getvalue()
    xmp_blocks = b"".join(
        bytes([len(chunk)]) + chunk for chunk in (XMP[i : i + 255] for i in range(0, len(XMP), 255))
    )
    extension = b"\x21\xff\x0bXMP DataXMP" + xmp_blocks + b"\x00"
    assert data.endswith(b"\x3b")
    return data[:-1] + extension + b"\x3b"


FORMATS = [
    pytest.param("photo.jpg", jpeg_with_metadata, "JPEG", ".jpg", id="jpeg"),
    pytest.param("photo.png", png_with_metadata, "PNG", ".png", id="png"),
    pytest.param("photo.webp", webp_with_metadata, "WEBP", ".webp", id="webp"),
    pytest.param("photo.heic", heic_with_metadata, "JPEG", ".jpg", id="heic", marks=needs_heic),
    pytest.param("photo.avif", avif_with_metadata, "AVIF", ".avif", id="avif", marks=needs_avif),
]


def assert_has_metadata(data):
    """The test pictures really carry what the cleaning must remove."""
    with PILImage.open(io.BytesIO(data)) as image:
        assert image.getexif().get(ExifTags.Base.Model) == CAMERA
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)


def assert_no_metadata(data):
    with PILImage.open(io.BytesIO(data)) as image:
        assert not image.getexif(), dict(image.getexif())
        assert not FORBIDDEN_INFO & set(image.info), image.info
        assert not [key for key in image.info if key not in image_privacy.HARMLESS_INFO]
        for value in image.info.values():
            assert "SECRET" not in str(value)
        image_format = image.format
    found = [marker for marker in FORBIDDEN_BYTES if marker in data]
    found += [chunk for chunk in FORBIDDEN_CHUNKS.get(image_format, []) if chunk in data]
    assert not found, f"{image_format} still contains {found}"
    return image_format


def assert_shown_as_taken(data):
    """20×40: the orientation was applied to the pixels, blue quarter at the top right."""
    with PILImage.open(io.BytesIO(data)) as image:
        assert image.size == (20, 40)
        rgb = image.convert("RGB")
        red, green, blue = rgb.getpixel((15, 5))
        assert blue > 150 and red < 80
        red, green, blue = rgb.getpixel((5, 30))
        assert red > 150 and blue < 80


def stored_bytes(field_file):
    with field_file.storage.open(field_file.name, "rb") as stored:
        return stored.read()


def assert_clean_image(image, expected_format, extension):
    image.refresh_from_db()
    data = stored_bytes(image.file)
    assert assert_no_metadata(data) == expected_format
    assert_shown_as_taken(data)
    assert image.file.name.startswith("original_images/")
    assert image.file.name.endswith(extension)
    assert (image.width, image.height) == (20, 40)
    assert image.file_size == len(data)
    assert image.file_hash == hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's own hash
    return data


@contextmanager
def cleaning_disconnected():
    """Store a file as it comes, as before this feature existed."""
    assert pre_save.disconnect(sender=Image, dispatch_uid="privacy_strip_image_metadata")
    try:
        yield
    finally:
        pre_save.connect(
            image_privacy.clean_new_image_file,
            sender=Image,
            dispatch_uid="privacy_strip_image_metadata",
        )


def image_with_metadata(name="dirty.jpg", make=jpeg_with_metadata):
    with cleaning_disconnected():
        image = Image.objects.create(title=f"Old upload {name}", file=ContentFile(make(), name))
    assert_has_metadata(stored_bytes(image.file))
    return image


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node()


# Uploads -------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "make", "expected_format", "extension"), FORMATS)
def test_an_image_created_in_code_is_stored_without_metadata(
    name, make, expected_format, extension
):
    data = make()
    assert_has_metadata(data)

    image = Image.objects.create(title="Survivor portrait", file=ContentFile(data, name=name))

    assert_clean_image(image, expected_format, extension)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "make", "expected_format", "extension"), FORMATS)
def test_an_image_uploaded_in_the_admin_is_stored_without_metadata(
    admin_client, root_collection, name, make, expected_format, extension
):
    title = f"Admin upload {name}"
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "collection": root_collection.pk,
            "file": SimpleUploadedFile(name, make()),
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    assert_clean_image(Image.objects.get(title=title), expected_format, extension)


@pytest.mark.django_db
def test_the_multiple_uploader_stores_images_without_metadata(admin_client, root_collection):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "collection": root_collection.pk,
            "files[]": SimpleUploadedFile("multi.jpg", jpeg_with_metadata()),
        },
    )

    result = json.loads(response.content)
    assert result["success"], result
    assert_clean_image(Image.objects.get(pk=result["image_id"]), "JPEG", ".jpg")


@pytest.mark.django_db
def test_the_choosers_upload_stores_images_without_metadata(admin_client, root_collection):
    response = admin_client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Chooser upload",
            "image-chooser-upload-collection": root_collection.pk,
            "image-chooser-upload-file": SimpleUploadedFile("chooser.png", png_with_metadata()),
        },
    )

    assert response.status_code == 200
    assert_clean_image(Image.objects.get(title="Chooser upload"), "PNG", ".png")


@pytest.mark.django_db
def test_replacing_the_file_of_an_image_cleans_the_new_file(admin_client, root_collection):
    image = Image.objects.create(title="Replaced", file=ContentFile(png_with_metadata(), "a.png"))

    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": "Replaced",
            "collection": root_collection.pk,
            "file": SimpleUploadedFile("b.webp", webp_with_metadata()),
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    assert_clean_image(image, "WEBP", ".webp")


@pytest.mark.django_db
def test_an_animated_gif_loses_comments_and_xmp_but_keeps_its_frames():
    data = gif_with_metadata()
    assert b"SECRET-GIF-COMMENT" in data and b"XMP DataXMP" in data

    image = Image.objects.create(title="Animated", file=ContentFile(data, name="anim.gif"))

    stored = stored_bytes(image.file)
    assert assert_no_metadata(stored) == "GIF"
    with PILImage.open(io.BytesIO(stored)) as cleaned, PILImage.open(io.BytesIO(data)) as source:
        assert cleaned.n_frames == source.n_frames == 2
        for frame in range(2):  # the cleaning is lossless: the same pixels, frame by frame
            cleaned.seek(frame)
            source.seek(frame)
            assert cleaned.convert("RGB").tobytes() == source.convert("RGB").tobytes()
    assert image.file_size == len(stored)


@pytest.mark.django_db
def test_an_embedded_colour_profile_is_applied_then_dropped():
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    output = io.BytesIO()
    picture().save(output, "JPEG", quality=95, icc_profile=profile)

    image = Image.objects.create(title="Profiled", file=ContentFile(output.getvalue(), "p.jpg"))

    stored = stored_bytes(image.file)
    assert_no_metadata(stored)
    with PILImage.open(io.BytesIO(stored)) as cleaned:
        red, green, blue = cleaned.convert("RGB").getpixel((30, 15))
    assert abs(red - 200) < 10 and abs(green - 30) < 10 and abs(blue - 30) < 10


@pytest.mark.django_db
def test_a_clean_upload_is_stored_byte_for_byte():
    output = io.BytesIO()
    picture().save(output, "PNG")

    image = Image.objects.create(title="Clean", file=ContentFile(output.getvalue(), "clean.png"))

    assert stored_bytes(image.file) == output.getvalue()
    assert (image.width, image.height) == (40, 20)


@pytest.mark.django_db
def test_a_file_the_cleaning_would_miss_is_not_stored(monkeypatch):
    monkeypatch.setattr(image_privacy, "_encode", lambda image, data: (data, image.format))
    count = Image.objects.count()

    with pytest.raises(image_privacy.ImageMetadataError, match="Metadata left"):
        Image.objects.create(title="Missed", file=ContentFile(png_with_metadata(), "missed.png"))

    assert Image.objects.count() == count


def test_files_pillow_cannot_read_are_refused_except_svg():
    with pytest.raises(image_privacy.ImageMetadataError):
        image_privacy.clean_image_data(b"\x00\x01 not an image")
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'
    assert image_privacy.clean_image_data(svg) is None


# Renditions ----------------------------------------------------------------------------------

RENDITION_FORMATS = [
    pytest.param("jpeg", "JPEG", id="jpeg"),
    pytest.param("png", "PNG", id="png"),
    pytest.param("webp", "WEBP", id="webp"),
    pytest.param("avif", "AVIF", id="avif", marks=needs_avif),
    pytest.param("gif", "GIF", id="gif"),
]


def assert_clean_rendition(image, spec, expected_format):
    rendition = image.get_rendition(spec)
    data = stored_bytes(rendition.file)
    assert assert_no_metadata(data) == expected_format
    with PILImage.open(io.BytesIO(data)) as picture_file:
        assert picture_file.size == (10, 20)  # oriented like the original


@pytest.mark.django_db
@pytest.mark.parametrize(("output", "expected_format"), RENDITION_FORMATS)
def test_renditions_of_a_cleaned_upload_carry_no_metadata(output, expected_format):
    image = Image.objects.create(title="Upload", file=ContentFile(jpeg_with_metadata(), "u.jpg"))

    assert_clean_rendition(image, f"width-10|format-{output}", expected_format)


@pytest.mark.django_db
@pytest.mark.parametrize(("output", "expected_format"), RENDITION_FORMATS)
@pytest.mark.parametrize(
    ("name", "make"),
    [
        pytest.param("old.jpg", jpeg_with_metadata, id="from-jpeg"),
        pytest.param("old.png", png_with_metadata, id="from-png"),
        pytest.param("old.webp", webp_with_metadata, id="from-webp"),
    ],
)
def test_renditions_of_an_old_image_with_metadata_carry_none(name, make, output, expected_format):
    """Willow copies EXIF into JPEG and PNG renditions, Pillow copies JPEG and GIF comments:
    the rendition pipeline drops it all, even for images stored before cleaning existed."""
    image = image_with_metadata(name, make)

    assert_clean_rendition(image, f"width-10|format-{output}", expected_format)


@pytest.mark.django_db
def test_a_rendition_in_the_original_format_carries_no_metadata():
    image = image_with_metadata()

    assert_clean_rendition(image, "width-10", "JPEG")


# Cleaning images stored before -----------------------------------------------------------------


def run_command(*args):
    output = io.StringIO()
    call_command("strip_image_metadata", *args, stdout=output)
    return output.getvalue()


def counts(output):
    match = re.search(
        r"Checked (\d+) images: (\d+) \w[\w ]*, (\d+) already clean, (\d+) failed", output
    )
    assert match, output
    return [int(number) for number in match.groups()]


@pytest.mark.django_db
def test_the_command_cleans_old_images_once(django_capture_on_commit_callbacks):
    image = image_with_metadata("old-story.jpg")
    old_name = image.file.name
    old_rendition = image.get_rendition("width-10")
    storage = image.file.storage
    checked = Image.objects.count()

    assert counts(run_command("--dry-run")) == [checked, 1, checked - 1, 0]
    assert_has_metadata(stored_bytes(image.file))

    with django_capture_on_commit_callbacks(execute=True):
        assert counts(run_command()) == [checked, 1, checked - 1, 0]

    assert_clean_image(image, "JPEG", ".jpg")
    assert image.file.name != old_name
    assert not storage.exists(old_name)
    # The worker's new renditions are made from the clean file (and may reuse the old key).
    assert not image.renditions.filter(file=old_rendition.file.name).exists()
    assert counts(run_command()) == [checked, 0, checked, 0]


@pytest.mark.django_db
def test_the_command_turns_old_heic_images_into_jpeg(django_capture_on_commit_callbacks):
    if not CAN_WRITE_HEIC:
        pytest.skip("libheif has no HEVC encoder here")
    image = image_with_metadata("old-phone-photo.heic", heic_with_metadata)

    with django_capture_on_commit_callbacks(execute=True):
        run_command()

    assert_clean_image(image, "JPEG", ".jpg")


@pytest.mark.django_db
def test_the_command_reports_images_it_cannot_read():
    image = image_with_metadata("missing.jpg")
    image.file.storage.delete(image.file.name)

    with pytest.raises(CommandError, match=f"could not be cleaned: {image.pk}"):
        run_command()


@pytest.mark.django_db
def test_pixels_match_pillows_exif_transpose():
    data = jpeg_with_metadata()
    image = Image.objects.create(title="Pixels", file=ContentFile(data, name="pixels.jpg"))

    with PILImage.open(io.BytesIO(data)) as source:
        expected = ImageOps.exif_transpose(source).convert("RGB")
    with PILImage.open(io.BytesIO(stored_bytes(image.file))) as cleaned:
        actual = cleaned.convert("RGB")
    assert actual.size == expected.size
    differences = [abs(a - b) for a, b in zip(actual.tobytes(), expected.tobytes(), strict=True)]
    # One more JPEG generation, with the original's quantisation tables: nearly no change.
    assert sum(differences) / len(differences) < 3
