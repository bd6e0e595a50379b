"""What the environment's AWS_* variables make of the storages (cms/settings/object_storage.py):
nothing without a bucket, public images and private documents with one, and a refusal to start on
a half configuration."""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cms.settings.object_storage import object_storage_settings
from documents.object_storage import PrivateS3DocumentStorage

pytestmark = pytest.mark.same_on_every_database

KEYS = {"AWS_ACCESS_KEY_ID": "key", "AWS_SECRET_ACCESS_KEY": "secret"}


def test_without_a_bucket_uploads_stay_on_this_servers_disk():
    assert object_storage_settings({}) == {}
    assert settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert settings.STORAGES["documents"]["BACKEND"] == "documents.storage.PrivateDocumentStorage"
    assert settings.MEDIA_URL == "/media/"


@pytest.mark.parametrize(
    ("environ", "media_url"),
    [
        ({"AWS_S3_REGION_NAME": "eu-west-3"}, "https://site-media.s3.eu-west-3.amazonaws.com/"),
        ({}, "https://site-media.s3.amazonaws.com/"),
        (
            {"AWS_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud"},
            "https://s3.fr-par.scw.cloud/site-media/",
        ),
        (
            {
                "AWS_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud",
                "AWS_S3_CUSTOM_DOMAIN": "cdn.example.org",
            },
            "https://cdn.example.org/",
        ),
    ],
)
def test_images_are_shown_from_the_buckets_public_address_or_the_cdn(environ, media_url):
    configured = object_storage_settings(
        {"AWS_STORAGE_BUCKET_NAME": "site-media", **KEYS, **environ}
    )

    images = configured["STORAGES"]["default"]
    assert images["BACKEND"] == "storages.backends.s3.S3Storage"
    assert images["OPTIONS"]["querystring_auth"] is False
    assert configured["MEDIA_URL"] == media_url
    assert (
        f"{images['OPTIONS']['url_protocol']}//{images['OPTIONS']['custom_domain']}/" == media_url
    )


def test_documents_go_to_their_own_private_bucket_or_beside_the_images():
    environ = {"AWS_STORAGE_BUCKET_NAME": "site-media", **KEYS}

    beside = object_storage_settings(environ)["STORAGES"]["documents"]
    apart = object_storage_settings({**environ, "AWS_DOCUMENTS_BUCKET_NAME": "site-documents"})

    assert beside["BACKEND"] == "documents.object_storage.PrivateS3DocumentStorage"
    assert beside["OPTIONS"]["bucket_name"] == "site-media"
    assert apart["STORAGES"]["documents"]["OPTIONS"]["bucket_name"] == "site-documents"
    assert "custom_domain" not in apart["STORAGES"]["documents"]["OPTIONS"]


def test_documents_never_get_a_public_acl_or_an_address():
    storage = PrivateS3DocumentStorage(
        bucket_name="site-documents",
        default_acl="public-read",
        object_parameters={"ACL": "public-read", "GrantRead": "uri=AllUsers", "CacheControl": "x"},
    )

    assert storage.default_acl is None
    assert storage.object_parameters == {"CacheControl": "x"}
    with pytest.raises(NotImplementedError):
        storage.url("documents/consent.pdf")


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"AWS_DOCUMENTS_BUCKET_NAME": "site-documents"}, "without AWS_STORAGE_BUCKET_NAME"),
        ({"AWS_S3_ENDPOINT_URL": "https://s3.example.org"}, "without AWS_STORAGE_BUCKET_NAME"),
        ({"AWS_S3_CUSTOM_DOMAIN": "cdn.example.org"}, "without AWS_STORAGE_BUCKET_NAME"),
        ({"AWS_STORAGE_BUCKET_NAME": "b", "AWS_ACCESS_KEY_ID": "key"}, "both AWS_ACCESS_KEY_ID"),
        ({"AWS_STORAGE_BUCKET_NAME": "b", "AWS_SECRET_ACCESS_KEY": "x"}, "both AWS_ACCESS_KEY_ID"),
        ({"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_ENDPOINT_URL": "s3.example.org"}, "http(s)"),
    ],
)
def test_a_half_configuration_is_refused_with_what_to_set(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message.replace("(", r"\(").replace(")", r"\)")):
        object_storage_settings(environ)


PRODUCTION = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "a.org"}
SHOW_POLICIES = (
    "from django.conf import settings as s; "
    "print(s.MEDIA_URL); "
    "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']); "
    "print(s.CSP_ADMIN_DIRECTIVES['img-src'])"
)


def test_production_refuses_a_bucket_without_credentials_unless_a_role_gives_them(run_python):
    bucket = {**PRODUCTION, "AWS_STORAGE_BUCKET_NAME": "site-media"}

    refused = run_python("pass", "cms.settings.production", **bucket)
    with_role = run_python("pass", "cms.settings.production", **bucket, AWS_S3_USE_IAM_ROLE="true")

    assert refused.returncode != 0
    assert "AWS_S3_USE_IAM_ROLE=true" in refused.stderr
    assert with_role.returncode == 0, with_role.stderr


def test_the_image_policy_follows_the_cdn_domain(run_python):
    result = run_python(
        SHOW_POLICIES,
        "cms.settings.production",
        **PRODUCTION,
        **KEYS,
        AWS_STORAGE_BUCKET_NAME="site-media",
        AWS_DOCUMENTS_BUCKET_NAME="site-documents",
        AWS_S3_ENDPOINT_URL="https://s3.fr-par.scw.cloud",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
    )

    assert result.returncode == 0, result.stderr
    media_url, public_images, admin_images = result.stdout.splitlines()
    assert media_url == "https://media.example.org/"
    for images in (public_images, admin_images):
        assert "'https://media.example.org'" in images
        assert "scw.cloud" not in images


def test_documents_in_the_images_bucket_are_warned_of_before_deploying(settings):
    from django.core.checks import run_checks

    environ = {"AWS_STORAGE_BUCKET_NAME": "site-media", **KEYS}
    settings.STORAGES = {**settings.STORAGES, **object_storage_settings(environ)["STORAGES"]}
    beside = [
        message.id for message in run_checks(tags=["security"], include_deployment_checks=True)
    ]
    settings.STORAGES = {
        **settings.STORAGES,
        **object_storage_settings({**environ, "AWS_DOCUMENTS_BUCKET_NAME": "site-documents"})[
            "STORAGES"
        ],
    }
    apart = [
        message.id for message in run_checks(tags=["security"], include_deployment_checks=True)
    ]

    assert "documents.W002" in beside
    assert "documents.W002" not in apart
