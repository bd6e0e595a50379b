"""The archive is accepted only whole: every member as the manifest lists it, nothing more, and no
name that could write outside the folder it is restored into."""

import hashlib
import io
import json
import tarfile

import pytest

from backup.archive import ArchiveError, ArchiveWriter, read_members


def tar_of(members):
    """A tar stream of (name, bytes) pairs, with tarinfo tweaks for odd members."""
    output = io.BytesIO()
    with tarfile.open(fileobj=output, mode="w|") as tar:
        for name, data, kind in members:
            info = tarfile.TarInfo(name)
            info.size, info.type = len(data), kind
            tar.addfile(info, io.BytesIO(data))
    return output.getvalue()


def backup_of(tmp_path, files):
    """A real archive written by ArchiveWriter, as `manage.py backup` writes it."""
    output = io.BytesIO()
    archive = ArchiveWriter(output)
    for name, data in files.items():
        path = tmp_path / hashlib.sha256(name.encode()).hexdigest()
        path.write_bytes(data)
        archive.add_file(name, path)
    archive.close({"site_name": "Test"})
    return output.getvalue()


def keep_in_memory(kept):
    def store(section, path, fileobj, mtime):
        data = fileobj.read()
        kept[f"{section}/{path}"] = data
        return len(data), hashlib.sha256(data).hexdigest()

    return store


FILES = {
    "database/sqlite3.db": b"database bytes",
    "media/original_images/a.jpg": b"image bytes",
    "documents/documents/consent.pdf": b"%PDF consent",
}


def test_whole_archive_is_read_back_with_its_manifest(tmp_path):
    kept = {}
    manifest = read_members(io.BytesIO(backup_of(tmp_path, FILES)), keep_in_memory(kept))
    assert kept == FILES
    assert manifest["site_name"] == "Test"
    assert manifest["members"]["media/original_images/a.jpg"]["size"] == len(b"image bytes")


def test_archive_cut_before_its_manifest_is_refused(tmp_path):
    whole = backup_of(tmp_path, FILES)
    cut = whole[: whole.index(b"manifest.json") - 100]
    with pytest.raises(ArchiveError, match="truncated|incomplete"):
        read_members(io.BytesIO(cut), keep_in_memory({}))


def test_archive_cut_inside_a_member_is_refused(tmp_path):
    whole = backup_of(tmp_path, {**FILES, "media/big.bin": b"x" * 100_000})
    with pytest.raises(ArchiveError, match="truncated|incomplete"):
        read_members(io.BytesIO(whole[:60_000]), keep_in_memory({}))


def test_member_that_differs_from_the_manifest_is_refused(tmp_path):
    whole = backup_of(tmp_path, FILES)
    altered = whole.replace(b"image bytes", b"image BYTES")
    with pytest.raises(ArchiveError, match="1 altered .*a.jpg"):
        read_members(io.BytesIO(altered), keep_in_memory({}))


def test_member_not_in_the_manifest_is_refused():
    manifest = json.dumps({"format": "campaign-cms-backup", "format_version": 1, "members": {}})
    stream = tar_of(
        [
            ("media/extra.txt", b"extra", tarfile.REGTYPE),
            ("manifest.json", manifest.encode(), tarfile.REGTYPE),
        ]
    )
    with pytest.raises(ArchiveError, match="1 not listed"):
        read_members(io.BytesIO(stream), keep_in_memory({}))


@pytest.mark.parametrize(
    "name,kind",
    [
        ("media/../../etc/cron.d/job", tarfile.REGTYPE),
        ("/etc/passwd", tarfile.REGTYPE),
        ("static/app.js", tarfile.REGTYPE),
        ("media/link", tarfile.SYMTYPE),
    ],
)
def test_member_that_could_escape_its_folder_is_refused(name, kind):
    kept = {}
    with pytest.raises(ArchiveError):
        read_members(io.BytesIO(tar_of([(name, b"x", kind)])), keep_in_memory(kept))
    assert kept == {}


def test_file_that_is_not_a_backup_is_refused():
    with pytest.raises(ArchiveError):
        read_members(io.BytesIO(b"not a tar file at all" * 100), keep_in_memory({}))
    other_tar = tar_of([("manifest.json", b'{"format": "something-else"}', tarfile.REGTYPE)])
    with pytest.raises(ArchiveError, match="not a backup"):
        read_members(io.BytesIO(other_tar), keep_in_memory({}))
