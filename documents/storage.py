"""Where document files are kept: `STORAGES["documents"]`, by default a folder outside
`MEDIA_ROOT` (`DOCUMENTS_ROOT`) that no web server serves."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


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
        raise NotImplementedError("Documents are served by the document view, never by address.")
