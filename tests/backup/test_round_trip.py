"""`manage.py backup` then `manage.py restore` on a new server: the whole site comes back, rows
and file bytes alike, and a backup is refused rather than half restored."""

import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from backup.files import file_roots
from tests.site import ensure_test_site

KEY = "backup-test-key-0123456789-abcdefghijklmnop"
# Written into custodian notes and a signed consent form: an encrypted backup must not show it.
MARKER = "consent-marker-5f1c9a7e"
LOCALES = {"en", "fr", "es", "sw", "ar"}
# Renditions are left out of backups on purpose: Wagtail makes them again on request.
NOT_BACKED_UP = ["wagtailimages.rendition"]
# Transactional: the rows the module's backup commits are flushed after the first test, so that
# no other test ever sees them.
pytestmark = pytest.mark.django_db(transaction=True)


def rows(dumpdata_json):
    """Every row of the database, keyed by model and primary key."""
    return {(row["model"], str(row["pk"])): row["fields"] for row in json.loads(dumpdata_json)}


def checksums(folder):
    folder = Path(folder)
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.relative_to(folder).as_posix().startswith("images/")
    }


def add_what_a_live_site_has():
    """Beside the test site (a home page in every language): a story with its consent record
    and signed form, an uploaded image, a draft revision, an editor. Returns the story."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model

    from home.models import HomePage
    from stories.publishing import ensure_consent_forms_collection
    from tests.factories import ImageFactory, StoryIndexPageFactory, SurvivorStoryPageFactory

    signed_form = get_document_model().objects.create(
        title="Signed consent form – Backup",
        collection=ensure_consent_forms_collection(),
        file=ContentFile(f"%PDF-1.4\n% signed by the survivor {MARKER}\n".encode(), "consent.pdf"),
    )
    stories = StoryIndexPageFactory(
        parent=HomePage.objects.get(locale__language_code="en", depth=2), slug="stories"
    )
    story = SurvivorStoryPageFactory(
        parent=stories,
        title="A story kept in backups",
        consent__custodian_notes=f"Call before any change. {MARKER}",
        consent__signed_form=signed_form,
    )
    story.title = "A story kept in backups (edited)"
    story.save_revision()
    ImageFactory(title="Uploaded before the backup")
    get_user_model().objects.create_user(
        "backup-editor", "editor@example.org", "a long passphrase", first_name="Neema"
    )
    return story


@dataclass
class BackedUpSite:
    plain: Path
    encrypted: Path
    rows: dict
    files: dict
    uploads: dict
    revision_id: int


@pytest.fixture(scope="module")
def backed_up_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The test site and what a live site has, committed (pg_dump reads the database from
    outside), backed up once plain and once encrypted (to the default place, under a stand-in
    BASE_DIR), with every row and file checksum taken at that moment. Made once for the module:
    the tests only read the archives and these records, on other servers."""
    folder = tmp_path_factory.mktemp("backups")
    with django_db_blocker.unblock():
        ensure_test_site()  # which a transactional test before may have flushed
        story = add_what_a_live_site_has()
        with override_settings(BACKUP_ENCRYPTION_KEY=""):
            call_command(
                "backup", output=folder / "site.tar", stdout=io.StringIO(), stderr=io.StringIO()
            )
        with override_settings(BACKUP_ENCRYPTION_KEY=KEY, BASE_DIR=folder):
            call_command("backup", stdout=io.StringIO())
        source = io.StringIO()
        call_command("dumpdata", exclude=NOT_BACKED_UP, stdout=source)
        uploads = {
            file.name: hashlib.sha256(file.open("rb").read()).hexdigest()
            for file in [
                *(image.file for image in get_image_model().objects.all()),
                *(document.file for document in get_document_model().objects.all()),
            ]
        }
        roots = {root.section: root.path for root in file_roots()}
    (encrypted,) = (folder / "backups").iterdir()
    return BackedUpSite(
        plain=folder / "site.tar",
        encrypted=encrypted,
        rows=rows(source.getvalue()),
        files={section: checksums(path) for section, path in roots.items()},
        uploads=uploads,
        revision_id=story.latest_revision_id,
    )


def test_backup_restores_whole_site_onto_an_empty_database(backed_up_site, new_server):
    restored = new_server.manage("restore", str(backed_up_site.encrypted), key=KEY)
    assert restored.returncode == 0, restored.stderr
    dumped = new_server.manage("dumpdata", "--exclude", *NOT_BACKED_UP)
    assert dumped.returncode == 0, dumped.stderr

    after = rows(dumped.stdout)
    locales = {
        after[("wagtailcore.locale", str(fields["locale"]))]["language_code"]
        for (model, _), fields in after.items()
        if model == "wagtailcore.page" and fields["depth"] > 1
    }
    assert locales == LOCALES
    revision = after[("wagtailcore.revision", str(backed_up_site.revision_id))]
    assert revision["content"]["title"] == "A story kept in backups (edited)"
    assert any(
        MARKER in fields["custodian_notes"]
        for (model, _), fields in after.items()
        if model == "stories.consentrecord"
    )
    assert any(
        fields["username"] == "backup-editor"
        for (model, _), fields in after.items()
        if model == "auth.user"
    )
    # Every row of every table (pages, revisions, images, documents, consent records, users…)
    # came back exactly as it was.
    assert after == backed_up_site.rows

    restored_files = {
        "media": checksums(new_server.media_root),
        "documents": checksums(new_server.documents_root),
    }
    assert restored_files == backed_up_site.files
    restored_uploads = {**restored_files["media"], **restored_files["documents"]}
    for name, checksum in backed_up_site.uploads.items():
        assert restored_uploads[name] == checksum, name


def test_backup_is_written_for_its_owner_only_under_a_dated_name(backed_up_site):
    archive = backed_up_site.encrypted
    assert re.fullmatch(r"campaign-cms-\d{8}T\d{6}Z\.tar\.enc", archive.name)
    assert archive.stat().st_mode & 0o777 == 0o600
    assert archive.parent.stat().st_mode & 0o777 == 0o700
    assert [path.name for path in archive.parent.iterdir()] == [archive.name]  # no partial left


def test_restore_refuses_a_site_that_is_not_empty_unless_forced(backed_up_site, new_server):
    new_server.execute("CREATE TABLE leftover (id integer)")
    new_server.media_root.mkdir(parents=True)
    (new_server.media_root / "old.txt").write_text("from before")

    refused = new_server.manage("restore", str(backed_up_site.plain))
    assert refused.returncode == 1
    assert "Nothing was restored" in refused.stderr and "--force" in refused.stderr
    assert new_server.tables() == ["leftover"]
    assert (new_server.media_root / "old.txt").exists()

    forced = new_server.manage("restore", "--force", str(backed_up_site.plain))
    assert forced.returncode == 0, forced.stderr
    assert "leftover" not in new_server.tables() and "wagtailcore_page" in new_server.tables()
    assert not (new_server.media_root / "old.txt").exists()
    assert checksums(new_server.documents_root) == backed_up_site.files["documents"]


def test_failed_restore_leaves_the_database_as_it_was(backed_up_site, new_server):
    if not new_server.database_url.startswith("postgres"):
        pytest.skip("SQLite's backup API replaces the database file in one step")
    # A view where the backup creates a table: loading fails halfway, after the old tables
    # were dropped, in the same transaction.
    new_server.execute("CREATE TABLE leftover (id integer)")
    new_server.execute("CREATE VIEW wagtailcore_page AS SELECT 1 AS id")

    failed = new_server.manage("restore", "--force", str(backed_up_site.plain))
    assert failed.returncode == 1
    assert "could not be restored, and was left as it was" in failed.stderr
    assert sorted(new_server.tables()) == ["leftover", "wagtailcore_page"]
    assert checksums(new_server.media_root) == checksums(new_server.documents_root) == {}


def test_encrypted_backup_shows_no_consent_form_or_custodian_note(backed_up_site):
    plain, encrypted = backed_up_site.plain.read_bytes(), backed_up_site.encrypted.read_bytes()
    # The signed form is plain text in an unencrypted archive (so this check can fail) …
    assert MARKER.encode() in plain
    # … and neither the form nor the custodian notes show in the encrypted one.
    assert MARKER.encode() not in encrypted
    assert b"consentrecord" not in encrypted and b"manifest.json" not in encrypted


@pytest.mark.parametrize(
    "key,damage,message",
    [
        (None, None, "This backup is encrypted: set BACKUP_ENCRYPTION_KEY"),
        ("another-key-of-sufficient-length-000000000", None, "Wrong key"),
        (KEY, "truncate", "truncated"),
        (KEY, "alter", "damaged"),
    ],
    ids=["without-key", "wrong-key", "truncated", "altered"],
)
def test_restore_refuses_an_archive_it_cannot_trust(
    backed_up_site, new_server, tmp_path, key, damage, message
):
    data, archive = backed_up_site.encrypted.read_bytes(), tmp_path / "site.tar.enc"
    if damage == "truncate":
        data = data[: len(data) * 2 // 3]
    elif damage == "alter":
        middle = len(data) // 2
        data = data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :]
    archive.write_bytes(data)

    result = new_server.manage("restore", str(archive), key=key)
    assert result.returncode == 1
    assert "Nothing was restored" in result.stderr and message in result.stderr
    assert new_server.tables() == []
    # No file either, not even one waiting in a hidden folder.
    assert checksums(new_server.media_root) == checksums(new_server.documents_root) == {}
