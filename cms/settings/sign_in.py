"""Signing in: passwords, throttling of guesses (django-axes) and two-factor authentication."""

import os
from datetime import timedelta

from cms.settings.wagtail import WAGTAIL_SITE_NAME

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Password guessing (accounts/throttle.py): after LOGIN_FAILURE_LIMIT failures for one account,
# one protected page's password or one person's two-factor codes, or from one network (/24,
# /48), attempts are refused (429) for LOGIN_COOLOFF_MINUTES after the last one. Counted in the
# cache; if it is down, in each process. Client addresses come from X-Forwarded-For only behind
# TRUSTED_PROXY_COUNT proxies that append to it (privacy/network.py).
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_COOLOFF_MINUTES = int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15"))
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "accounts.throttle.LockoutHandler"
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Axes sees (and logs) the client's network, never its address; its log lines hide usernames.
AXES_CLIENT_IP_CALLABLE = "privacy.network.client_network"
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username"]
AXES_LOCKOUT_CALLABLE = "accounts.throttle.lockout_response"
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"

# Two-factor authentication (accounts/two_factor.py): any editor may turn it on; with
# TWO_FACTOR_REQUIRED (on in production) superusers and story custodians must.
TWO_FACTOR_REQUIRED = os.environ.get("TWO_FACTOR_REQUIRED", "false").lower() == "true"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Wrong codes are throttled like passwords (accounts.throttle), not by django-otp's own delays.
OTP_TOTP_THROTTLE_FACTOR = 0
