"""Pictures with more pixels than a worker can render within its memory are refused at upload,
with a message that says what to do; one just under the limit is accepted. (Peak memory per
size: see WAGTAILIMAGES_MAX_IMAGE_PIXELS in cms/settings/files.py.)"""

import io
import json

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from core.media_collections import ensure_site_media_collection

LIMIT = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def solid_png(width, height, name="big.png"):
    """A plain colour compresses to a few kilobytes, whatever the size."""
    output = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 90, 160)).save(output, "PNG")
    return SimpleUploadedFile(name, output.getvalue(), "image/png")


def just_over():
    width = 4000
    return solid_png(width, LIMIT // width + 1)


def just_under():
    width = 4000
    return solid_png(width, LIMIT // width)


@pytest.fixture
def site_media(db):
    return ensure_site_media_collection()


def test_the_limit_keeps_phone_photos_and_refuses_heavy_pictures():
    assert 4000 * 3000 <= LIMIT < 50_000_000


@pytest.mark.django_db
def test_an_image_over_the_limit_is_refused_with_a_message(admin_client, site_media):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Too big", "collection": site_media.pk, "file": just_over()},
    )

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors == [
        f"This image has too many pixels: the site takes pictures of up to {LIMIT // 10**6} "
        "megapixels, such as 4000 × 3000 pixels. Make it smaller and upload it again."
    ]
    assert not get_image_model().objects.filter(title="Too big").exists()


@pytest.mark.django_db
def test_the_message_is_in_the_editors_language(admin_client, admin_user, site_media):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()

    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Trop grande", "collection": site_media.pk, "file": just_over()},
    )

    assert "mégapixels" in response.context["form"].errors["file"][0]


@pytest.mark.django_db
def test_the_multiple_uploader_refuses_an_image_over_the_limit(admin_client, site_media):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"), {"collection": site_media.pk, "files[]": just_over()}
    )

    result = json.loads(response.content)
    assert not result["success"]
    assert "too many pixels" in result["error_message"]


@pytest.mark.django_db
def test_an_image_just_under_the_limit_is_accepted(admin_client, site_media):
    single = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Just fits", "collection": site_media.pk, "file": just_under()},
    )
    multiple = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": site_media.pk, "files[]": just_under()},
    )

    assert single.status_code == 302
    image = get_image_model().objects.get(title="Just fits")
    assert image.width * image.height <= LIMIT
    assert json.loads(multiple.content)["success"]
