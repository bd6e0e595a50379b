"""`manage.py restore`: put a backup back, onto an empty database and empty file folders (or,
with `replace`, over what is there). The whole archive is read, decrypted and checked against its
manifest before anything changes; the database is then loaded in one transaction, and the files,
waiting in hidden folders beside their final place, are moved in last."""

import os
import shutil
import tempfile
from pathlib import Path

from django.db import connection

from . import databases
from .archive import COPY_BUFFER, HashingReader, read_members
from .encryption import MAGIC, DecryptingReader, is_encrypted
from .files import STAGING_PREFIX, StagedFiles, restore_folders


class RestoreError(Exception):
    """Nothing was changed; the message says why."""


class FilesNotInPlace(Exception):
    """The database was restored, but not every file reached its folder."""


def restore_backup(path, key, replace):
    """Restore the archive at `path`; returns its manifest."""
    roots = restore_folders()
    with open(path, "rb") as raw:
        plaintext = _plaintext(raw, key)
        if not replace:
            _refuse_unless_empty(roots)
        with tempfile.TemporaryDirectory(prefix="cms-restore-") as scratch:
            dump = Path(scratch) / "database"
            staged = {section: StagedFiles(root) for section, root in roots.items() if root.path}
            try:
                manifest = read_members(plaintext, _storer(dump, staged, roots))
                if isinstance(plaintext, DecryptingReader):
                    plaintext.read_to_end()
                if not dump.exists():
                    raise RestoreError("The archive holds no database.")
                databases.check_dump(connection.vendor, dump)
                databases.restore(connection, dump, replace)
            except BaseException as error:
                for files in staged.values():
                    files.discard()
                if isinstance(error, OSError):
                    raise RestoreError(f"The archive could not be unpacked: {error}") from None
                raise
    try:
        _put_in_place(staged.values(), replace)
    except OSError as error:
        raise FilesNotInPlace(
            f"The database was restored, but moving the files into place failed ({error}); "
            "what was not moved waits in "
            + ", ".join(str(files.folder) for files in staged.values())
        ) from None
    return manifest


def _plaintext(raw, key):
    encrypted = is_encrypted(raw.read(len(MAGIC)))
    raw.seek(0)
    if not encrypted:
        return raw
    if not key:
        raise RestoreError(
            "This backup is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was made with."
        )
    return DecryptingReader(raw, key)


def _refuse_unless_empty(roots):
    found = []
    tables = databases.tables(connection)
    if tables:
        found.append(f"the database has {len(tables)} tables")
    for folder in {root.path for root in roots.values() if root.path}:
        if folder.exists() and any(folder.iterdir()):
            found.append(f"{folder} is not empty")
    if found:
        raise RestoreError(
            "Restore needs an empty database and empty file folders, but "
            + "; ".join(found)
            + ". Pass --force to replace everything there with the backup."
        )


def _storer(dump, staged, roots):
    expected_database = databases.member_name(connection)

    def store(section, relative, fileobj, mtime):
        if section == "database":
            name = f"database/{relative}"
            if name != expected_database:
                engine = databases.ENGINES.get(name, "an unknown engine")
                raise RestoreError(
                    f"This backup holds a {engine} database; this site uses {connection.vendor} "
                    "(DATABASE_URL): restore it onto the same engine."
                )
            target = dump
        elif section in staged:
            target = staged[section].path_for(relative)
        else:
            raise RestoreError(
                f"This backup holds {section} files, but this server keeps them in "
                f"{roots[section].storage_name}, not in a folder: restore onto a folder and "
                "copy them there."
            )
        reader = HashingReader(fileobj)
        with open(target, "xb") as output:
            shutil.copyfileobj(reader, output, COPY_BUFFER)
        os.utime(target, (mtime, mtime))
        return reader.size, reader.sha256.hexdigest()

    return store


def _put_in_place(staged, replace):
    staged = list(staged)
    if replace:
        for folder in {files.root.path for files in staged}:
            for entry in folder.iterdir():
                if not entry.name.startswith(STAGING_PREFIX):
                    if entry.is_dir() and not entry.is_symlink():
                        shutil.rmtree(entry)
                    else:
                        entry.unlink()
    for files in staged:
        files.move_into_root()
