"""Uploads on S3-compatible object storage (django-storages), so that every app server sees the
same files, when `AWS_STORAGE_BUCKET_NAME` is set; on this server's disk otherwise (files.py).

- AWS_STORAGE_BUCKET_NAME: the bucket of images and their renditions, which visitors load from
  it (or from AWS_S3_CUSTOM_DOMAIN): its policy (or AWS_DEFAULT_ACL) makes them public.
- AWS_DOCUMENTS_BUCKET_NAME: a private bucket for documents (signed consent forms among them);
  unset, they go under `documents/` in the images' bucket, whose policy must then make only
  `original_images/` and `images/` public. Documents are never given an address of the bucket:
  Wagtail's document view checks the collection's privacy and streams them
  (documents/object_storage.py).
- AWS_S3_ENDPOINT_URL (any S3-compatible service: MinIO, Scaleway, OVH, Spaces, R2...; unset for
  Amazon S3), AWS_S3_REGION_NAME, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (production needs
  them, or AWS_S3_USE_IAM_ROLE=true when the server's role gives the credentials).
- AWS_S3_CUSTOM_DOMAIN: the CDN host (or host/path) images are served from instead of the bucket.
- AWS_DEFAULT_ACL: a canned ACL for images where the service makes objects public by ACL rather
  than bucket policy (`public-read` on DigitalOcean Spaces); documents never get one.

MEDIA_URL follows the public address of images: the Content-Security-Policy allows images from
its origin (cms/settings/privacy.py)."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
PRIVATE_DOCUMENTS_BACKEND = "documents.object_storage.PrivateS3DocumentStorage"
# Variables that mean nothing without a bucket: set alone, uploads would quietly stay on disk.
NEED_A_BUCKET = ("AWS_DOCUMENTS_BUCKET_NAME", "AWS_S3_ENDPOINT_URL", "AWS_S3_CUSTOM_DOMAIN")
# Larger files (documents up to 50 MB, phone photos) spool to a temporary file rather than memory
# when read back; django-storages' default keeps every file read in memory.
MAX_MEMORY_SIZE = 2 * 1024 * 1024


def uses_object_storage(environ):
    return bool(environ.get("AWS_STORAGE_BUCKET_NAME", "").strip())


def _value(environ, name):
    return environ.get(name, "").strip() or None


def _check(environ):
    if not uses_object_storage(environ):
        named = [name for name in NEED_A_BUCKET if _value(environ, name)]
        if named:
            raise ImproperlyConfigured(
                f"{', '.join(named)} set without AWS_STORAGE_BUCKET_NAME: uploads would stay on "
                "this server's disk. Set AWS_STORAGE_BUCKET_NAME, or unset them."
            )
        return
    if bool(_value(environ, "AWS_ACCESS_KEY_ID")) != bool(_value(environ, "AWS_SECRET_ACCESS_KEY")):
        raise ImproperlyConfigured(
            "Object storage needs both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither."
        )
    endpoint = urlsplit(_value(environ, "AWS_S3_ENDPOINT_URL") or "")
    if endpoint.geturl() and (endpoint.scheme not in ("http", "https") or not endpoint.netloc):
        raise ImproperlyConfigured(
            f"AWS_S3_ENDPOINT_URL must be an http(s) address such as https://s3.example.org, "
            f"not {endpoint.geturl()!r}."
        )


def require_credentials(environ):
    """Production: a bucket without keys works only where the server's IAM role gives them."""
    if not uses_object_storage(environ) or _value(environ, "AWS_ACCESS_KEY_ID"):
        return
    if environ.get("AWS_S3_USE_IAM_ROLE", "").strip().lower() != "true":
        raise ImproperlyConfigured(
            "AWS_STORAGE_BUCKET_NAME is set without AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. "
            "Set them, or AWS_S3_USE_IAM_ROLE=true if the server's IAM role (instance profile, "
            "task or pod role) gives the credentials."
        )


def public_address(environ):
    """(protocol, host[/path]) that images are loaded from: the CDN's domain, the endpoint's
    bucket, or the bucket's Amazon S3 host."""
    bucket = environ["AWS_STORAGE_BUCKET_NAME"].strip()
    custom_domain = _value(environ, "AWS_S3_CUSTOM_DOMAIN")
    if custom_domain:
        return "https:", custom_domain.strip("/")
    endpoint = _value(environ, "AWS_S3_ENDPOINT_URL")
    if endpoint:
        parts = urlsplit(endpoint)
        return f"{parts.scheme}:", f"{parts.netloc}{parts.path.rstrip('/')}/{bucket}"
    region = _value(environ, "AWS_S3_REGION_NAME")
    host = f"s3.{region}.amazonaws.com" if region else "s3.amazonaws.com"
    # A bucket name with dots would not match the certificate of *.s3.amazonaws.com.
    return "https:", f"{host}/{bucket}" if "." in bucket else f"{bucket}.{host}"


def _connection_options(environ):
    return {
        "access_key": _value(environ, "AWS_ACCESS_KEY_ID"),
        "secret_key": _value(environ, "AWS_SECRET_ACCESS_KEY"),
        "endpoint_url": _value(environ, "AWS_S3_ENDPOINT_URL"),
        "region_name": _value(environ, "AWS_S3_REGION_NAME"),
        # Two uploads called photo.jpg are two files, as on disk.
        "file_overwrite": False,
        "max_memory_size": MAX_MEMORY_SIZE,
    }


def object_storage_settings(environ):
    """STORAGES["default"] and STORAGES["documents"] on the buckets, and MEDIA_URL, when
    AWS_STORAGE_BUCKET_NAME is set; {} otherwise. Raises ImproperlyConfigured on a half
    configuration."""
    _check(environ)
    if not uses_object_storage(environ):
        return {}
    protocol, public_domain = public_address(environ)
    connection = _connection_options(environ)
    images = {
        **connection,
        "bucket_name": environ["AWS_STORAGE_BUCKET_NAME"].strip(),
        # Plain addresses on the public host: no signature, which would change every time and
        # defeat the browsers' and the CDN's caches.
        "custom_domain": public_domain,
        "url_protocol": protocol,
        "querystring_auth": False,
        "default_acl": _value(environ, "AWS_DEFAULT_ACL"),
    }
    documents = {
        **connection,
        "bucket_name": _value(environ, "AWS_DOCUMENTS_BUCKET_NAME") or images["bucket_name"],
    }
    return {
        "STORAGES": {
            "default": {"BACKEND": S3_BACKEND, "OPTIONS": images},
            "documents": {"BACKEND": PRIVATE_DOCUMENTS_BACKEND, "OPTIONS": documents},
        },
        "MEDIA_URL": f"{protocol}//{public_domain}/",
    }
