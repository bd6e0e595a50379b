"""Where document files are kept: `STORAGES["documents"]`, by default a folder outside
`MEDIA_ROOT` (`DOCUMENTS_ROOT`) that no web server serves; with object storage, a private bucket
(documents/object_storage.py)."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, cached_property, empty

NO_ADDRESS = "Documents are served by the document view, never by address."


class PrivateDocumentStorage(FileSystemStorage):
    """Files under `settings.DOCUMENTS_ROOT`, with no public address: `url()` refuses, so nothing
    can link to a file directly (Wagtail then falls back on its document view, which checks
    the collection's privacy)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.DOCUMENTS_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "DOCUMENTS_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise NotImplementedError(NO_ADDRESS)


class DocumentStorage(LazyObject):
    """`storages["documents"]`, looked up when first used and again after STORAGES changes (the
    document model's file field keeps this object, not the storage of the settings it started
    with)."""

    def _setup(self):
        self._wrapped = storages["documents"]


documents_storage = DocumentStorage()


@receiver(setting_changed)
def _forget_documents_storage(setting, **kwargs):
    if setting == "STORAGES":
        documents_storage._wrapped = empty
