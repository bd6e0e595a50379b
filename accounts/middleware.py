from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from accounts.two_factor import ENROL, pending_step

# What a signed-in user who still owes a second factor may reach in the admin.
OPEN_ADMIN_VIEWS = (
    "accounts_two_factor_verify",
    "accounts_two_factor_setup",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
)


@cache
def open_admin_paths():
    return tuple(reverse(name) for name in OPEN_ADMIN_VIEWS)


async def anonymous():
    return AnonymousUser()


class TwoFactorMiddleware:
    """Holds back a signed-in user who must give a code (or set up an app first, where it is
    required): the admin sends them to that step, and every other address (documents, previews,
    private pages) treats them as anonymous. After django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Visitors without a session cookie cost nothing (and their responses no Vary: Cookie).
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            step = pending_step(request.user)
            if step and not request.path_info.startswith(open_admin_paths()):
                if request.path_info.startswith(reverse("wagtailadmin_home")):
                    return self.send_to(step, request)
                request.user = AnonymousUser()
                request.auser = anonymous
        return self.get_response(request)

    def send_to(self, step, request):
        view = "accounts_two_factor_setup" if step == ENROL else "accounts_two_factor_verify"
        return redirect(f"{reverse(view)}?{urlencode({'next': request.get_full_path()})}")
