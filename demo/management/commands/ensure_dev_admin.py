"""Give a developer's machine an admin account, and print how to log in."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = Path(settings.BASE_DIR) / ".dev-admin-password"


class Command(BaseCommand):
    help = (
        "Create (or reset) the development admin account 'admin' with a random password kept "
        "in .dev-admin-password. Refuses to run unless DEBUG is on."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="The address the development server answers on (make run passes its HOST and "
            "PORT); WAGTAILADMIN_BASE_URL by default.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_dev_admin only runs with DEBUG on. In production, create accounts "
                "with 'manage.py createsuperuser'."
            )
        password = os.environ.get("DJANGO_ADMIN_PASSWORD") or self.stored_password()
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username="admin", defaults={"email": "admin@example.org"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {options['base_url'].rstrip('/')}/admin/  "
                f"login: admin  password: {password}"
            )
        )

    def stored_password(self):
        if PASSWORD_FILE.exists():
            return PASSWORD_FILE.read_text().strip()
        password = secrets.token_urlsafe(12)
        PASSWORD_FILE.write_text(password + "\n")
        PASSWORD_FILE.chmod(0o600)
        return password
