"""Files: static files, uploads (images and documents) and backups."""

import os
from pathlib import Path

from cms.settings.environment import BASE_DIR
from cms.settings.object_storage import object_storage_settings

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static_src"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Documents (signed consent forms among them) are kept outside MEDIA_ROOT, which is served as it
# is: they leave only through Wagtail's document view, which checks the collection's privacy.
DOCUMENTS_ROOT = Path(os.environ.get("DOCUMENTS_ROOT", BASE_DIR / "private-documents"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "documents": {"BACKEND": "documents.storage.PrivateDocumentStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# With AWS_STORAGE_BUCKET_NAME, images and documents are kept in object storage instead, where
# every app server finds them (cms/settings/object_storage.py); MEDIA_URL is then the images'
# public address.
_object_storage = object_storage_settings(os.environ)
STORAGES.update(_object_storage.get("STORAGES", {}))
MEDIA_URL = _object_storage.get("MEDIA_URL", MEDIA_URL)

# A long page's editing form posts more fields than Django's default of 1000 allows.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "epub", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_MODEL = "documents.SiteDocument"
# Every download goes through the document view and its privacy check, whatever storage holds
# the files (Wagtail would redirect to a remote storage's own address, which anyone holding it
# could open, from a browser's history or a forwarded link, with no check). Wagtail streams
# them under `Content-Security-Policy: default-src 'none'`, so that a PDF or HTML file cannot
# run scripts on this site's origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Phone photos (HEIC) are accepted and stored as JPEG; every upload loses its metadata
# (privacy/images.py).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "heic", "jpg", "jpeg", "png", "webp"]
# Wagtail renders up to three renditions of an image at once, each from the decoded original
# (4 bytes a pixel): a 50-megapixel picture took a worker past 550 MB. Measured peaks of a
# worker making the site's renditions are in the README; this keeps them under 300 MB while
# accepting 4000 × 3000 phone photos (core/image_forms.py says so to the editor).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 12_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_forms.ImageForm"

# Backups (`manage.py backup`, backup/) hold signed consent forms and custodian notes: with this
# key set they are encrypted at rest (AES-256-GCM). Keep the key apart from the backups.
BACKUP_ENCRYPTION_KEY = os.environ.get("BACKUP_ENCRYPTION_KEY", "")
