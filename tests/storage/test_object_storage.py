"""Images and documents on S3-compatible object storage, against a real S3 server (moto's, on a
loopback port, for the whole module): images and renditions land in the public bucket without
metadata, documents in the private one, leaving only through Wagtail's document view after its
privacy check; deletions remove the objects; `strip_image_metadata` cleans stored objects."""

import io
import json
import urllib.error
import urllib.request

import boto3
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from moto.server import ThreadedMotoServer
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from backup.files import file_roots
from cms.settings.object_storage import object_storage_settings
from core.media_collections import ensure_site_media_collection
from core.renditions import site_filter_specs
from demo.media import make_pdf_file
from stories.publishing import STORY_CUSTODIANS_GROUP, ensure_consent_forms_collection
from tests.privacy.test_image_metadata import (
    assert_has_metadata,
    assert_no_metadata,
    cleaning_disconnected,
    jpeg_with_metadata,
)

pytestmark = pytest.mark.same_on_every_database

MEDIA_BUCKET = "site-media"
DOCUMENTS_BUCKET = "site-documents"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret"}
SECRET = "SIGNED-FORM-7731"


def public_read_policy(bucket, prefixes=("original_images/", "images/")):
    """The policy the README gives: anyone may read images and their renditions, nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [f"arn:aws:s3:::{bucket}/{prefix}*" for prefix in prefixes],
            }
        ],
    }


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = s3_client(endpoint)
    for bucket in (MEDIA_BUCKET, DOCUMENTS_BUCKET):
        client.create_bucket(Bucket=bucket)
    client.put_bucket_policy(
        Bucket=MEDIA_BUCKET, Policy=json.dumps(public_read_policy(MEDIA_BUCKET))
    )
    yield endpoint
    server.stop()


def s3_client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


def storage_settings(endpoint, **environ):
    """The settings the operator's environment gives (cms/settings/object_storage.py)."""
    return object_storage_settings(
        {
            "AWS_STORAGE_BUCKET_NAME": MEDIA_BUCKET,
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
            **CREDENTIALS,
            **environ,
        }
    )


@pytest.fixture(scope="module")
def configured_storage(s3_endpoint):
    """Images in MEDIA_BUCKET and documents in DOCUMENTS_BUCKET, for the module's tests."""
    configured = storage_settings(s3_endpoint, AWS_DOCUMENTS_BUCKET_NAME=DOCUMENTS_BUCKET)
    with override_settings(
        STORAGES={**settings.STORAGES, **configured["STORAGES"]}, MEDIA_URL=configured["MEDIA_URL"]
    ):
        yield


@pytest.fixture
def object_storage(configured_storage, s3_endpoint):
    """A client of the S3 server; the buckets are emptied after each test, as the database is."""
    client = s3_client(s3_endpoint)
    yield client
    for bucket in (MEDIA_BUCKET, DOCUMENTS_BUCKET):
        for key in keys(client, bucket):
            client.delete_object(Bucket=bucket, Key=key)


def keys(client, bucket, prefix=""):
    listing = client.list_objects_v2(Bucket=bucket, Prefix=prefix)
    return {entry["Key"] for entry in listing.get("Contents", [])}


def stored_object(client, bucket, key):
    return client.get_object(Bucket=bucket, Key=key)["Body"].read()


def anonymous_get(url):
    """Status and body of an unsigned GET, as a visitor's browser makes it."""
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 - the test's own server
            return response.status, response.read()
    except urllib.error.HTTPError as refused:
        return refused.code, b""


def upload_image(admin_client, title="Survivor portrait"):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "collection": ensure_site_media_collection().pk,
            "file": SimpleUploadedFile("portrait.jpg", jpeg_with_metadata()),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return get_image_model().objects.get(title=title)


@pytest.mark.django_db
def test_an_uploaded_image_lands_in_the_public_bucket_without_metadata(
    object_storage, admin_client, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):  # the worker makes its renditions
        image = upload_image(admin_client)

    assert image.file.name in keys(object_storage, MEDIA_BUCKET, "original_images/")
    assert_no_metadata(stored_object(object_storage, MEDIA_BUCKET, image.file.name))
    assert image.file.url.startswith(settings.MEDIA_URL)
    status, body = anonymous_get(image.file.url)
    assert status == 200
    assert_no_metadata(body)
    renditions = list(image.renditions.all())
    assert len(renditions) == len(site_filter_specs())
    assert {rendition.file.name for rendition in renditions} <= keys(
        object_storage, MEDIA_BUCKET, "images/"
    )


@pytest.mark.django_db
def test_a_rendition_is_made_in_the_bucket_and_shown_from_its_public_address(
    object_storage, settings
):
    image = get_image_model().objects.create(
        title="Campaign banner", file=ContentFile(jpeg_with_metadata(), name="banner.jpg")
    )

    rendition = image.get_rendition("width-10|format-jpeg")

    assert rendition.file.name in keys(object_storage, MEDIA_BUCKET, "images/")
    assert rendition.url.startswith(settings.MEDIA_URL)
    assert "Signature" not in rendition.url and "?" not in rendition.url
    status, body = anonymous_get(rendition.url)
    assert status == 200
    assert_no_metadata(body)


@pytest.fixture
def consent_form(object_storage, db):
    return get_document_model().objects.create(
        title=f"Signed consent form – {SECRET}",
        collection=ensure_consent_forms_collection(),
        file=ContentFile(make_pdf_file(SECRET, ["Signed."]), name="consent-amani.pdf"),
    )


def downloaded(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
def test_a_private_document_is_kept_in_the_private_bucket_with_no_address(
    object_storage, s3_endpoint, consent_form
):
    key = consent_form.file.name

    assert keys(object_storage, DOCUMENTS_BUCKET) == {key}
    assert not keys(object_storage, MEDIA_BUCKET, "documents/")
    assert stored_object(object_storage, DOCUMENTS_BUCKET, key).startswith(b"%PDF")
    assert anonymous_get(f"{s3_endpoint}/{DOCUMENTS_BUCKET}/{key}")[0] == 403
    with pytest.raises(NotImplementedError):
        consent_form.file.url  # noqa: B018
    assert consent_form.url == f"/documents/{consent_form.pk}/{consent_form.filename}"


# Even were Wagtail told to redirect, it would have no bucket address to redirect to.
@pytest.mark.django_db
@pytest.mark.parametrize("serve_method", ["serve_view", "redirect"])
def test_the_document_view_streams_a_private_document_to_custodians_only(
    object_storage, client, django_user_model, consent_form, settings, serve_method
):
    settings.WAGTAILDOCS_SERVE_METHOD = serve_method
    refused = client.get(consent_form.url)
    assert refused.status_code == 302
    assert "/login/?next=" in refused["Location"]

    custodian = django_user_model.objects.create_user("custodian-7731", password="x")
    custodian.groups.add(Group.objects.get(name=STORY_CUSTODIANS_GROUP))
    client.force_login(custodian)
    response = client.get(consent_form.url)

    assert response.status_code == 200
    assert downloaded(response) == stored_object(
        object_storage, DOCUMENTS_BUCKET, consent_form.file.name
    )
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Location" not in response


@pytest.mark.django_db
def test_deleting_an_image_or_a_document_removes_its_objects(
    object_storage, consent_form, django_capture_on_commit_callbacks
):
    image = get_image_model().objects.create(
        title="Withdrawn photo", file=ContentFile(jpeg_with_metadata(), name="withdrawn.jpg")
    )
    rendition = image.get_rendition("width-10")
    names = {image.file.name, rendition.file.name}
    assert names <= keys(object_storage, MEDIA_BUCKET)

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
        consent_form.delete()

    assert not names & keys(object_storage, MEDIA_BUCKET)
    assert not keys(object_storage, DOCUMENTS_BUCKET)


@pytest.mark.django_db
def test_strip_image_metadata_cleans_images_stored_in_the_bucket(
    object_storage, django_capture_on_commit_callbacks
):
    with cleaning_disconnected():
        image = get_image_model().objects.create(
            title="Uploaded before cleaning", file=ContentFile(jpeg_with_metadata(), "old.jpg")
        )
    old_name = image.file.name
    assert_has_metadata(stored_object(object_storage, MEDIA_BUCKET, old_name))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("strip_image_metadata", stdout=io.StringIO())

    image.refresh_from_db()
    assert image.file.name != old_name
    assert old_name not in keys(object_storage, MEDIA_BUCKET)
    assert_no_metadata(stored_object(object_storage, MEDIA_BUCKET, image.file.name))


@pytest.mark.django_db
def test_documents_beside_images_in_one_bucket_stay_private(object_storage, s3_endpoint, settings):
    settings.STORAGES = {**settings.STORAGES, **storage_settings(s3_endpoint)["STORAGES"]}
    report = get_document_model().objects.create(
        title="Annual report",
        collection=ensure_site_media_collection(),
        file=ContentFile(make_pdf_file("Annual report", ["Read me."]), name="report.pdf"),
    )
    image = get_image_model().objects.create(
        title="Report cover", file=ContentFile(jpeg_with_metadata(), name="cover.jpg")
    )

    assert report.file.name.startswith("documents/")
    assert report.file.name in keys(object_storage, MEDIA_BUCKET, "documents/")
    assert anonymous_get(f"{s3_endpoint}/{MEDIA_BUCKET}/{report.file.name}")[0] == 403
    assert anonymous_get(image.file.url)[0] == 200


def test_a_backup_names_both_buckets_as_left_out_for_their_versioning(object_storage):
    media, documents = file_roots()

    assert (media.path, documents.path) == (None, None)
    assert "kept in S3Storage" in media.why_not_included()
    assert "kept in PrivateS3DocumentStorage" in documents.why_not_included()


@pytest.mark.django_db
def test_a_document_whose_object_is_gone_answers_not_found_after_the_privacy_check(
    object_storage, client, django_user_model, consent_form
):
    object_storage.delete_object(Bucket=DOCUMENTS_BUCKET, Key=consent_form.file.name)

    assert client.get(consent_form.url).status_code == 302  # still the login page first
    custodian = django_user_model.objects.create_user("custodian-7732", password="x")
    custodian.groups.add(Group.objects.get(name=STORY_CUSTODIANS_GROUP))
    client.force_login(custodian)
    assert client.get(consent_form.url).status_code == 404
