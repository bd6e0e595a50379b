"""The backup archive: one tar stream of `database/…`, `media/…` and `documents/…` members with
`manifest.json` last, which lists every member with its size and SHA-256. An archive without its
manifest, or with a member that does not match it, is refused as a whole."""

import hashlib
import io
import json
import tarfile
import time
from pathlib import PurePosixPath

FORMAT = "campaign-cms-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SECTIONS = ("database", "media", "documents")
COPY_BUFFER = 1024 * 1024


def describe_files(manifest):
    """ "16 media files, 15 document files": what the archive carries besides the database."""
    nouns = {"media": "media files", "documents": "document files"}
    counts = manifest["files"].items()
    return (
        ", ".join(f"{count['files']} {nouns[section]}" for section, count in counts) or "no files"
    )


class ArchiveError(Exception):
    """The archive is not a whole, readable backup; the message says why."""


class HashingReader:
    """Reads a file through, counting its bytes and their SHA-256 as they pass."""

    def __init__(self, stream):
        self._stream = stream
        self.sha256 = hashlib.sha256()
        self.size = 0

    def read(self, size=-1):
        data = self._stream.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


class ArchiveWriter:
    """Writes members into a tar stream and the manifest of them all at the end."""

    def __init__(self, output):
        # Closed by close(), after the manifest.
        self._tar = tarfile.open(fileobj=output, mode="w|", format=tarfile.PAX_FORMAT)  # noqa: SIM115
        self.members = {}

    def add_file(self, name, path):
        info = tarfile.TarInfo(name)
        stat = path.stat()
        info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o600
        with open(path, "rb") as source:
            reader = HashingReader(source)
            self._tar.addfile(info, reader)
        self.members[name] = {"size": reader.size, "sha256": reader.sha256.hexdigest()}

    def close(self, manifest):
        """Write the manifest (with the list of members) and end the tar stream."""
        manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, **manifest}
        data = json.dumps({**manifest, "members": self.members}, indent=1).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
        self._tar.addfile(info, io.BytesIO(data))
        self._tar.close()


def member_path(name):
    """The section and relative path of a member, refusing any name that could leave the
    folder it is restored into."""
    path = PurePosixPath(name)
    if (
        path.is_absolute()
        or len(path.parts) < 2
        or path.parts[0] not in SECTIONS
        or any(part in ("", ".", "..") for part in path.parts)
        or "\\" in name
    ):
        raise ArchiveError(f"The archive holds an unexpected member {name!r}: refused.")
    return path.parts[0], PurePosixPath(*path.parts[1:])


def read_members(stream, store):
    """Read every member of the tar stream: `store(section, path, fileobj, mtime)` keeps each
    file and returns its size and SHA-256. Returns the manifest once every member has been
    checked against it."""
    received = {}
    manifest = None
    try:
        with tarfile.open(fileobj=stream, mode="r|") as tar:
            for info in tar:
                if manifest is not None:
                    raise ArchiveError("The archive has members after its manifest: refused.")
                if not info.isreg():
                    raise ArchiveError(f"The archive holds a non-file member {info.name!r}.")
                if info.name == MANIFEST:
                    manifest = _parse_manifest(tar.extractfile(info).read())
                    continue
                section, path = member_path(info.name)
                if info.name in received:
                    raise ArchiveError(f"The archive holds {info.name!r} twice: refused.")
                received[info.name] = store(section, path, tar.extractfile(info), info.mtime)
    except (tarfile.TarError, EOFError) as error:
        raise ArchiveError(f"The archive is truncated or damaged ({error}).") from None
    if manifest is None:
        raise ArchiveError("The archive is incomplete: its manifest is missing (truncated?).")
    _check_against_manifest(received, manifest)
    return manifest


def _parse_manifest(data):
    try:
        manifest = json.loads(data)
    except ValueError:
        raise ArchiveError("The archive's manifest is not valid JSON.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError("This file is not a backup made by `manage.py backup`.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ArchiveError(
            f"This backup has format version {manifest.get('format_version')}; this version of "
            f"the site restores version {FORMAT_VERSION}."
        )
    return manifest


def _check_against_manifest(received, manifest):
    expected = manifest.get("members", {})
    missing = sorted(set(expected) - set(received))
    unexpected = sorted(set(received) - set(expected))
    changed = sorted(
        name
        for name in set(expected) & set(received)
        if received[name] != (expected[name]["size"], expected[name]["sha256"])
    )
    for problem, names in (("missing", missing), ("not listed", unexpected), ("altered", changed)):
        if names:
            shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
            raise ArchiveError(
                f"The archive does not match its manifest: {len(names)} {problem} ({shown})."
            )
