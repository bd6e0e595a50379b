"""The uploaded files a backup carries: the folder of the default storage (`MEDIA_ROOT`: images)
and that of the documents' storage (`DOCUMENTS_ROOT` when documents are kept apart). Image
renditions are left out: Wagtail makes them again when they are next asked for.

Storages that are not folders on this server (S3 and the like) are not included: their own
versioning keeps them."""

import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.core.files.storage import FileSystemStorage, storages
from wagtail.documents import get_document_model

RENDITIONS_FOLDER = PurePosixPath("images")
STAGING_PREFIX = ".restoring-"


@dataclass(frozen=True)
class FileRoot:
    """The folder of one section of the archive (`media` or `documents`); `path` is None when its
    storage is not on this server's disk."""

    section: str
    path: Path | None
    storage_name: str
    skipped: tuple[Path, ...] = ()

    def why_not_included(self):
        return (
            f"{self.section}: kept in {self.storage_name}, not on this server's disk, so not in "
            "the backup: keep them with the storage's own versioning (e.g. S3 bucket versioning)"
        )


def _name_of(storage):
    """The storage's class name; `type()` would name the lazy object that stands for it (the
    document model's storage follows `STORAGES["documents"]`)."""
    return storage.__class__.__name__


def _folder_of(storage):
    return Path(storage.location).resolve() if isinstance(storage, FileSystemStorage) else None


def file_roots():
    media_storage = storages["default"]
    documents_storage = get_document_model()._meta.get_field("file").storage
    media, documents = _folder_of(media_storage), _folder_of(documents_storage)
    media_skipped = (media / RENDITIONS_FOLDER,) if media else ()
    if documents is not None and documents == media:
        # Documents in the media folder itself travel with it, under the same relative names.
        return [FileRoot("media", media, _name_of(media_storage), media_skipped)]
    if documents is not None and media is not None and documents.is_relative_to(media):
        media_skipped += (documents,)
    return [
        FileRoot("media", media, _name_of(media_storage), media_skipped),
        FileRoot("documents", documents, _name_of(documents_storage)),
    ]


def restore_folders():
    """Where each section of an archive goes on this server: the folder of the storage its files
    belong to (both sections may share one folder)."""
    sections = {
        "media": storages["default"],
        "documents": get_document_model()._meta.get_field("file").storage,
    }
    return {
        section: FileRoot(section, _folder_of(storage), _name_of(storage))
        for section, storage in sections.items()
    }


def walk(root):
    """(relative path, absolute path) of every regular file under the root, in a stable order;
    renditions, nested roots and unfinished restores are left out."""
    if root.path is None or not root.path.is_dir():
        return
    for folder, subfolders, filenames in os.walk(root.path):
        folder = Path(folder)
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(STAGING_PREFIX) and folder / name not in root.skipped
        )
        for name in sorted(filenames):
            path = folder / name
            if path.is_file() and not path.is_symlink():
                yield PurePosixPath(path.relative_to(root.path).as_posix()), path


class StagedFiles:
    """Restored files are first written into a hidden folder inside their root (so that moving
    them into place is a rename on the same disk), and moved there once the database is
    restored."""

    def __init__(self, root):
        self.root = root
        self.folder = root.path / f"{STAGING_PREFIX}{secrets.token_hex(8)}"

    def path_for(self, relative_path):
        if not self.root.path.exists():
            # Signed consent forms are among the documents: their folder is the owner's only.
            self.root.path.mkdir(
                parents=True, mode=0o700 if self.root.section == "documents" else 0o755
            )
        path = self.folder.joinpath(*relative_path.parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def move_into_root(self):
        for relative, path in walk(FileRoot(self.root.section, self.folder, "")):
            destination = self.root.path.joinpath(*relative.parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            path.replace(destination)
        self.discard()

    def discard(self):
        shutil.rmtree(self.folder, ignore_errors=True)
