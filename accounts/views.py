from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_otp import login as otp_login
from django_otp import verify_token
from wagtail import views as wagtail_views
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page, PageViewRestriction

from accounts.forms import LockedPasswordForm, TokenForm
from accounts.throttle import Throttle, lockout_message, refuse
from accounts.two_factor import (
    confirmed_device,
    enrolment_device,
    formatted_secret,
    qr_code_svg,
    reset_two_factor,
    two_factor_required,
)

PAGE_PASSWORDS = Throttle("page-password")
CODES = Throttle("two-factor-code")


# Password-protected pages ------------------------------------------------------------------


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view for the password form of a protected page, with wrong passwords counted
    per page restriction and per network, like sign-ins (accounts.throttle)."""
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, restriction.pk, page_id)
    if PAGE_PASSWORDS.is_locked(restriction.pk, request):
        PAGE_PASSWORDS.record_failure(restriction.pk, request)
        return locked_password_form(request, restriction, page_id)
    response = wagtail_views.authenticate_with_password(request, restriction.pk, page_id)
    if response.status_code == 302:
        PAGE_PASSWORDS.reset(restriction.pk, request)
    elif PAGE_PASSWORDS.record_failure(restriction.pk, request):
        return locked_password_form(request, restriction, page_id)
    return response


def locked_password_form(request, restriction, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    form = LockedPasswordForm(request.POST, instance=restriction)
    form.is_valid()
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return refuse(page.serve_password_required_response(request, form, action_url))


# Two-factor authentication -----------------------------------------------------------------


def safe_next_url(request):
    url = request.POST.get("next") or request.GET.get("next", "")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


class CodeFormMixin:
    """Checks a code from the form against `device`, throttled per user and per network."""

    locked_out = False

    def check_code(self, form, device):
        """The device if the form's code is right; otherwise None, with the form saying why."""
        user = self.request.user
        if CODES.is_locked(user.pk, self.request):
            CODES.record_failure(user.pk, self.request)
            return self.lock_out(form)
        if not form.is_valid():
            CODES.record_failure(user.pk, self.request)
            return None
        if verify_token(user, device.persistent_id, form.cleaned_data["token"]):
            CODES.reset(user.pk, self.request)
            return device
        if CODES.record_failure(user.pk, self.request):
            return self.lock_out(form)
        form.add_error("token", _("This code is not right, or no longer valid."))
        return None

    def lock_out(self, form):
        self.locked_out = True
        form.add_error(None, lockout_message())

    def form_response(self, form):
        response = self.render_to_response(self.get_context_data(form=form))
        if self.locked_out:
            return refuse(response)
        response.status_code = 400
        return response


class VerifyView(CodeFormMixin, TemplateView):
    """The second step of signing in: the code from the app."""

    template_name = "accounts/two_factor_verify.html"

    def dispatch(self, request, *args, **kwargs):
        self.device = confirmed_device(request.user)
        if self.device is None:
            return redirect("accounts_two_factor_setup")
        if request.user.is_verified():
            return redirect(safe_next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", TokenForm())
        context["next"] = safe_next_url(self.request)
        return context

    def post(self, request):
        form = TokenForm(request.POST)
        device = self.check_code(form, self.device)
        if device is None:
            return self.form_response(form)
        otp_login(request, device)
        return redirect(safe_next_url(request))


class SetupView(CodeFormMixin, WagtailAdminTemplateMixin, TemplateView):
    """The account's two-factor page: set up an app (scan, then confirm with a first code), or
    see that it is on."""

    template_name = "accounts/two_factor_setup.html"
    page_title = gettext_lazy("Two-factor authentication")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["device"] = confirmed_device(user)
        context["required"] = two_factor_required(user)
        if context["device"] is None:
            device = enrolment_device(user)
            context.setdefault("form", TokenForm())
            context["qr_code"] = qr_code_svg(device.config_url)
            context["config_url"] = device.config_url
            context["secret"] = formatted_secret(device)
            context["next"] = safe_next_url(self.request)
        return context

    def post(self, request):
        if confirmed_device(request.user) is not None:
            return redirect("accounts_two_factor_setup")
        form = TokenForm(request.POST)
        device = self.check_code(form, enrolment_device(request.user))
        if device is None:
            return self.form_response(form)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Two-factor authentication is on."))
        return redirect(safe_next_url(request))


class ResetView(WagtailAdminTemplateMixin, TemplateView):
    """A superuser removes someone's devices (a lost phone), after confirming."""

    template_name = "accounts/two_factor_reset.html"
    page_title = gettext_lazy("Reset two-factor authentication")
    header_icon = "key"

    def dispatch(self, request, user_id):
        if not request.user.is_superuser:
            raise PermissionDenied
        self.person = get_object_or_404(get_user_model(), pk=user_id)
        return super().dispatch(request, user_id)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "person": self.person}

    def post(self, request, user_id):
        reset_two_factor(self.person)
        messages.success(
            request,
            _("Two-factor authentication of %(name)s has been reset.")
            % {"name": self.person.get_username()},
        )
        return redirect("wagtailusers_users:index")
