"""`manage.py backup`: the database, the uploads and the documents in one archive, written
atomically (a partial file is renamed into place only when complete), readable by its owner only,
and encrypted when `BACKUP_ENCRYPTION_KEY` is set."""

import importlib.metadata
import os
import platform
import tempfile
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.text import slugify

from . import databases
from .archive import ArchiveWriter
from .encryption import EncryptingWriter, check_key
from .files import file_roots, walk


class BackupError(Exception):
    """No backup was written; the message says why."""


def default_output(encrypted):
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    name = f"{slugify(settings.WAGTAIL_SITE_NAME) or 'site'}-{stamp}.tar"
    return Path(settings.BASE_DIR) / "backups" / (f"{name}.enc" if encrypted else name)


def make_backup(output, key):
    """Write the archive to `output` and return its manifest."""
    if key:
        check_key(key)
    roots = file_roots()
    output = output.resolve()
    _refuse_output(output, roots)
    output.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkstemp creates the file readable and writable by its owner only (0600).
    descriptor, partial = tempfile.mkstemp(
        dir=output.parent, prefix=f".{output.name}.", suffix=".partial"
    )
    try:
        with os.fdopen(descriptor, "wb") as raw:
            manifest = _write_archive(raw, key, roots, output.parent)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, output)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    _sync_folder(output.parent)
    return manifest


def _refuse_output(output, roots):
    if output.exists():
        raise BackupError(f"{output} already exists: choose another --output.")
    for root in roots:
        if root.path is not None and output.is_relative_to(root.path):
            # The media folder is served to the public, and either folder would be backed up
            # into the next backup.
            raise BackupError(
                f"{output} is inside the {root.section} folder ({root.path}): write backups "
                "elsewhere."
            )


def _write_archive(raw, key, roots, scratch_parent):
    encryptor = EncryptingWriter(raw, key) if key else None
    archive = ArchiveWriter(encryptor or raw)
    member = databases.member_name(connection)
    # The dump waits beside the archive, on the disk the operator chose, rather than in /tmp.
    with tempfile.TemporaryDirectory(dir=scratch_parent, prefix=".cms-backup-") as scratch:
        dump = Path(scratch) / "database"
        databases.dump(connection, dump)
        archive.add_file(member, dump)
    counts = {}
    for root in roots:
        if root.path is None:
            continue
        for relative, path in walk(root):
            try:
                archive.add_file(f"{root.section}/{relative}", path)
            except FileNotFoundError:
                continue  # deleted by an editor since the folder was listed
        names = [name for name in archive.members if name.startswith(f"{root.section}/")]
        counts[root.section] = {
            "files": len(names),
            "bytes": sum(archive.members[name]["size"] for name in names),
        }
    manifest = {
        "created_at": timezone.now().isoformat(),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "encrypted": bool(key),
        "database": {
            "engine": connection.vendor,
            "member": member,
            "bytes": archive.members[member]["size"],
            "renditions": "left out: Wagtail makes them again when they are next requested",
        },
        "files": counts,
        "not_included": [root.why_not_included() for root in roots if root.path is None],
        "versions": _versions(),
    }
    archive.close(manifest)
    if encryptor:
        encryptor.close()
    return manifest


def _versions():
    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "wagtail_localize": importlib.metadata.version("wagtail-localize"),
    }


def _sync_folder(folder):
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
