from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.two_factor import reset_two_factor


class Command(BaseCommand):
    help = (
        "Remove a person's two-factor devices (a lost phone): where two-factor authentication "
        "is required, they set up a new app at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        removed = reset_two_factor(user)
        self.stdout.write(f"Removed {removed} two-factor device(s) of {username}.")
