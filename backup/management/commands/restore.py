from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backup.archive import ArchiveError, describe_files
from backup.databases import DatabaseBackupError
from backup.encryption import EncryptionError
from backup.restoring import FilesNotInPlace, RestoreError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` onto an empty database and empty media and "
        "documents folders. The archive is checked whole before anything changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The backup file (.tar or .tar.enc).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database and the files already there (everything in them is lost).",
        )

    def handle(self, *args, archive, force=False, **options):
        if not archive.is_file():
            raise CommandError(f"No backup file at {archive}.")
        try:
            manifest = restore_backup(archive, settings.BACKUP_ENCRYPTION_KEY, replace=force)
        except (ArchiveError, DatabaseBackupError, EncryptionError, RestoreError) as error:
            raise CommandError(f"Nothing was restored: {error}") from None
        except FilesNotInPlace as error:
            raise CommandError(str(error)) from None
        versions = manifest["versions"]
        self.stdout.write(
            f"Restored the backup of {manifest['site_name']} made {manifest['created_at']} "
            f"(Django {versions['django']}, Wagtail {versions['wagtail']}): the database and "
            f"{describe_files(manifest)}."
        )
        for line in manifest["not_included"]:
            self.stderr.write(self.style.WARNING(f"Not in the backup: {line}."))
        self.stdout.write(
            "Next: `python manage.py migrate` (applies any migration newer than the backup), "
            "then restart the site. Image renditions are made again as they are requested."
        )
