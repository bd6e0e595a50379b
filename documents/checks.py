"""Document files must never sit where a web server serves files as they are."""

from pathlib import Path

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def documents_root_is_not_served(app_configs, **kwargs):
    documents = Path(settings.DOCUMENTS_ROOT).resolve()
    served = {"MEDIA_ROOT": settings.MEDIA_ROOT, "STATIC_ROOT": settings.STATIC_ROOT}
    return [
        checks.Error(
            f"DOCUMENTS_ROOT ({documents}) is inside {name} ({root}), which is served as it is: "
            "signed consent forms would be downloadable by address.",
            hint="Point DOCUMENTS_ROOT at a folder outside MEDIA_ROOT and STATIC_ROOT.",
            id="documents.E001",
        )
        for name, root in served.items()
        if root and documents.is_relative_to(Path(root).resolve())
    ]


@checks.register(checks.Tags.security, deploy=True)
def documents_bucket_is_apart(app_configs, **kwargs):
    """With object storage, documents beside the images stay private only while the bucket's
    policy makes nothing but the images public (README: Object storage)."""
    options = {
        alias: settings.STORAGES.get(alias, {}).get("OPTIONS", {})
        for alias in ("default", "documents")
    }
    bucket = options["documents"].get("bucket_name")
    if not bucket or bucket != options["default"].get("bucket_name"):
        return []
    return [
        checks.Warning(
            f"Documents are kept in the images' public bucket ({bucket}), under documents/.",
            hint="Set AWS_DOCUMENTS_BUCKET_NAME to a private bucket of their own, or make sure "
            "the bucket's policy lets anyone read original_images/ and images/ only.",
            id="documents.W002",
        )
    ]
