"""Which files a backup carries: every upload and document, in a section per storage, never the
renditions (made again on demand), and a clear word for storages that are not on this disk."""

from django.test import override_settings

from backup.files import file_roots, walk


def sections(media, documents):
    with override_settings(MEDIA_ROOT=str(media), DOCUMENTS_ROOT=str(documents)):
        return {root.section: root for root in file_roots()}


def files_of(root):
    return sorted(str(relative) for relative, _path in walk(root))


def test_uploads_and_documents_go_in_their_own_sections_without_renditions(tmp_path):
    for name in [
        "media/original_images/a.jpg",
        "media/images/a.width-480.webp",
        "docs/documents/b.pdf",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")

    roots = sections(tmp_path / "media", tmp_path / "docs")

    assert files_of(roots["media"]) == ["original_images/a.jpg"]
    assert files_of(roots["documents"]) == ["documents/b.pdf"]


def test_documents_inside_the_media_folder_are_carried_once_in_their_own_section(tmp_path):
    for name in ["media/original_images/a.jpg", "media/private/documents/b.pdf"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")

    roots = sections(tmp_path / "media", tmp_path / "media" / "private")

    assert files_of(roots["media"]) == ["original_images/a.jpg"]
    assert files_of(roots["documents"]) == ["documents/b.pdf"]


def test_storage_that_is_not_on_this_disk_is_named_as_left_out(tmp_path, settings):
    storages = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    with override_settings(STORAGES=storages, DOCUMENTS_ROOT=str(tmp_path)):
        (media, documents) = file_roots()

    assert media.path is None
    assert "InMemoryStorage" in media.why_not_included()
    assert "versioning" in media.why_not_included()
    assert documents.path == tmp_path.resolve()
