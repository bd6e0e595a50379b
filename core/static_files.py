"""Static files behind hashed names: without the manifest that `collectstatic` writes, every page
that links a stylesheet fails. Under DEBUG Django links the plain names and needs none."""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.exceptions import ImproperlyConfigured


def manifest_is_missing():
    """Whether this process would link static files through a manifest it could not read (it
    reads it once, at start: collecting the files later needs a restart too)."""
    return (
        not settings.DEBUG
        and isinstance(staticfiles_storage, ManifestFilesMixin)
        and not staticfiles_storage.hashed_files
    )


def require_manifest():
    """Refuse to serve rather than answer every page with a 500."""
    if manifest_is_missing():
        raise ImproperlyConfigured(
            f"No static files manifest in {settings.STATIC_ROOT}: run `python manage.py "
            "collectstatic --noinput` with these settings, then start the server."
        )
