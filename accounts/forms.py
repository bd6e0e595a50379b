from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.forms import PasswordViewRestrictionForm

from accounts.throttle import lockout_message


class LoginForm(WagtailLoginForm):
    """The admin's login form (WAGTAILADMIN_USER_LOGIN_FORM), which says so when django-axes
    refused the attempt, rather than calling the right password wrong."""

    def get_invalid_login_error(self):
        if getattr(self.request, "axes_locked_out", False):
            return forms.ValidationError(lockout_message(), code="locked_out")
        return super().get_invalid_login_error()


class LockedPasswordForm(PasswordViewRestrictionForm):
    """A page's password form while its attempts are refused: the password is not even compared
    (whether it was right must not show), the form only says to wait."""

    def clean_password(self):
        return self.cleaned_data["password"]

    def clean(self):
        raise forms.ValidationError(lockout_message(), code="locked_out")


class TokenForm(forms.Form):
    """The six-digit code of an authenticator app."""

    token = forms.CharField(
        label=_("Code from your authenticator app"),
        min_length=6,
        max_length=6,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": ""}
        ),
    )

    def clean_token(self):
        token = self.cleaned_data["token"]
        if not token.isascii() or not token.isdigit():
            raise forms.ValidationError(_("Enter the 6 digits your app shows."))
        return token
