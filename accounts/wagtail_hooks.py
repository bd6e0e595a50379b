from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from accounts import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.SetupView.as_view(), name="accounts_two_factor_setup"),
        path("two-factor/verify/", views.VerifyView.as_view(), name="accounts_two_factor_verify"),
        path(
            "reset-two-factor/<int:user_id>/",
            views.ResetView.as_view(),
            name="accounts_two_factor_reset",
        ),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_two_factor_setup"),
        "label": _("Two-factor authentication"),
        "help_text": _("Sign in with a code from an authenticator app as well as your password."),
    }


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    if request_user.is_superuser and user_has_device(user):
        yield Button(
            _("Reset two-factor authentication"),
            reverse("accounts_two_factor_reset", args=[user.pk]),
            icon_name="key",
            priority=90,
        )
