"""The site's documents, stored outside the public media folder.

Wagtail's own document model keeps its files in the default storage, under `MEDIA_ROOT`, which is
served as it is wherever `/media/` is served (as image URLs need): anyone who guesses a signed
consent form's name could download it. These documents live in `STORAGES["documents"]`
(`DOCUMENTS_ROOT`, never served), so a file leaves only through Wagtail's document view,
`/documents/<id>/<filename>`, which checks the collection's privacy first
(`WAGTAILDOCS_SERVE_METHOD = "serve_view"`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument

from documents.storage import documents_storage


def private_documents_storage():
    """A callable, so that migrations name it rather than the storage configured today; the
    storage follows STORAGES["documents"] (documents/storage.py)."""
    return documents_storage


class SiteDocument(AbstractDocument):
    """A file editors attach to pages (reports, briefs) or a custodian keeps (signed consent
    forms); who may download it is decided by its collection. (Not named `Document`, whose
    reverse accessors Wagtail's unused model still holds.)"""

    file = models.FileField(
        upload_to="documents", storage=private_documents_storage, verbose_name=_("file")
    )

    admin_form_fields = WagtailDocument.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_sitedocument", "Can choose document")]
