from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backup.archive import describe_files
from backup.databases import DatabaseBackupError
from backup.encryption import EncryptionError
from backup.making import BackupError, default_output, make_backup


class Command(BaseCommand):
    help = (
        "Write the whole site (database, uploaded images, documents) into one archive, "
        "encrypted when BACKUP_ENCRYPTION_KEY is set. Restore it with `manage.py restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Where to write the archive (default: backups/<site>-<UTC time>.tar[.enc]).",
        )

    def handle(self, *args, output=None, **options):
        key = settings.BACKUP_ENCRYPTION_KEY
        output = output or default_output(encrypted=bool(key))
        if not key:
            self.stderr.write(
                self.style.WARNING(
                    "BACKUP_ENCRYPTION_KEY is not set: this backup is NOT encrypted, and it holds "
                    "signed consent forms and custodian notes. Keep it somewhere only you can read."
                )
            )
        try:
            manifest = make_backup(output, key)
        except (BackupError, DatabaseBackupError, EncryptionError, OSError) as error:
            raise CommandError(f"No backup was written: {error}") from None
        self.stdout.write(
            f"Backup written to {output.resolve()} "
            f"({'encrypted' if key else 'not encrypted'}, {output.stat().st_size} bytes: "
            f"{manifest['database']['engine']} database, {describe_files(manifest)})."
        )
        for line in manifest["not_included"]:
            self.stderr.write(self.style.WARNING(f"Not in this backup: {line}."))
