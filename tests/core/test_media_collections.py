"""Nothing stays in the Root collection, however it is saved: files land in "Site media", where
editors work and visitors download them. (Root cannot be made private: Wagtail's collection
privacy reaches every collection inside it.)"""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from core.media_collections import SITE_MEDIA_COLLECTION
from demo.media import make_image_file, make_pdf_file

Document = get_document_model()
Image = get_image_model()


@pytest.fixture
def root(db):
    return Collection.get_first_root_node()


def pdf(name="root-probe.pdf"):
    return SimpleUploadedFile(name, make_pdf_file("Root probe", ["Probe."]), "application/pdf")


def jpeg(name="root-probe.jpg"):
    return SimpleUploadedFile(name, make_image_file("root-probe", 40, 30), "image/jpeg")


@pytest.mark.django_db
def test_a_superusers_document_upload_into_root_lands_in_site_media(admin_client, root):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Uploaded into root", "collection": root.pk, "file": pdf()},
    )

    assert response.status_code == 302
    assert Document.objects.get(title="Uploaded into root").collection.name == SITE_MEDIA_COLLECTION


@pytest.mark.django_db
def test_a_superusers_image_uploads_into_root_land_in_site_media(admin_client, root):
    single = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Image into root", "collection": root.pk, "file": jpeg()},
    )
    multiple = admin_client.post(
        reverse("wagtailimages:add_multiple"), {"collection": root.pk, "files[]": jpeg()}
    )

    assert single.status_code == 302
    assert Image.objects.get(title="Image into root").collection.name == SITE_MEDIA_COLLECTION
    image_id = json.loads(multiple.content)["image_id"]
    assert Image.objects.get(pk=image_id).collection.name == SITE_MEDIA_COLLECTION


@pytest.mark.django_db
def test_files_made_without_a_collection_are_public_in_site_media(client, root):
    document = Document.objects.create(
        title="Made in code", file=ContentFile(make_pdf_file("Code", ["x"]), name="code.pdf")
    )
    image = Image.objects.create(
        title="Made in code", file=ContentFile(make_image_file("code", 40, 30), name="code.jpg")
    )

    assert not Document.objects.filter(collection=root).exists()
    assert not Image.objects.filter(collection=root).exists()
    assert document.collection.name == image.collection.name == SITE_MEDIA_COLLECTION
    for url in ("/api/v2/documents/?limit=100", "/api/v3/documents/?limit=100"):
        assert document.filename in client.get(url).content.decode(), url
    for url in ("/api/v2/images/?limit=100", "/api/v3/images/?limit=100"):
        ids = [item["id"] for item in client.get(url).json()["items"]]
        assert image.pk in ids, url
    assert client.get(document.url).status_code == 200


@pytest.mark.django_db
def test_setup_roles_moves_files_left_in_root_into_site_media(root):
    document = Document.objects.create(
        title="Left in root", file=ContentFile(make_pdf_file("Old", ["x"]), name="old.pdf")
    )
    Document.objects.filter(pk=document.pk).update(collection=root)  # as stored before the rule
    output = io.StringIO()

    call_command("setup_roles", stdout=output, stderr=io.StringIO())

    assert "Moved 1 images and documents from the root collection" in output.getvalue()
    document.refresh_from_db()
    assert document.collection.name == SITE_MEDIA_COLLECTION
