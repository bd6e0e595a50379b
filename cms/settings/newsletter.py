"""Newsletter and early-access sign-ups (newsletter/): double opt-in, retention, abuse limits and
the email service provider.

Emails go through Django's email framework (cms/settings/email.py: EMAIL_URL, or SMTP
variables); with ANYMAIL_PROVIDER (e.g. "mailgun", "postmark", "sendgrid", "brevo",
"amazon_ses") and that provider's ANYMAIL_* variables, through django-anymail instead."""

import os

# A confirmation link works for this many days; a pending sign-up is deleted after
# NEWSLETTER_UNCONFIRMED_RETENTION_DAYS (`manage.py purge_unconfirmed_signups`, also run by
# `run_scheduled_jobs`).
NEWSLETTER_CONFIRM_MAX_AGE_DAYS = int(os.environ.get("NEWSLETTER_CONFIRM_MAX_AGE_DAYS", "7"))
NEWSLETTER_UNCONFIRMED_RETENTION_DAYS = int(
    os.environ.get("NEWSLETTER_UNCONFIRMED_RETENTION_DAYS", "14")
)
# Sign-ups accepted from one network (/24, /48) per hour, and confirmation emails sent to one
# address per day: beyond them, a network is refused (429) and an address silently gets no more.
NEWSLETTER_SIGNUPS_PER_NETWORK_PER_HOUR = int(
    os.environ.get("NEWSLETTER_SIGNUPS_PER_NETWORK_PER_HOUR", "20")
)
NEWSLETTER_EMAILS_PER_ADDRESS_PER_DAY = int(
    os.environ.get("NEWSLETTER_EMAILS_PER_ADDRESS_PER_DAY", "3")
)
# The form on a page carries a signed time: sent sooner than this (a bot) it is refused; older
# than NEWSLETTER_FORM_MAX_AGE_HOURS it is shown again, fresh, to be sent once more.
NEWSLETTER_FORM_MIN_SECONDS = int(os.environ.get("NEWSLETTER_FORM_MIN_SECONDS", "2"))
NEWSLETTER_FORM_MAX_AGE_HOURS = int(os.environ.get("NEWSLETTER_FORM_MAX_AGE_HOURS", "72"))
# Look the address's domain up for a mail server (MX) before accepting it: off by default (a
# DNS query in the visitor's request; needs dnspython).
NEWSLETTER_CHECK_MX = os.environ.get("NEWSLETTER_CHECK_MX", "false").lower() == "true"
# Who the emails come from (DEFAULT_FROM_EMAIL when empty), and an address that unsubscribes
# whoever writes to it, offered beside the one-click link in List-Unsubscribe (none when empty).
NEWSLETTER_FROM_EMAIL = os.environ.get("NEWSLETTER_FROM_EMAIL", "")
NEWSLETTER_UNSUBSCRIBE_MAILTO = os.environ.get("NEWSLETTER_UNSUBSCRIBE_MAILTO", "")


def anymail_settings(environ):
    """EMAIL_BACKEND and ANYMAIL for django-anymail when ANYMAIL_PROVIDER names a provider: every
    ANYMAIL_<NAME> variable becomes ANYMAIL["<NAME>"] (e.g. ANYMAIL_MAILGUN_API_KEY)."""
    provider = environ.get("ANYMAIL_PROVIDER", "").strip().lower()
    if not provider:
        return {}
    options = {
        name.removeprefix("ANYMAIL_"): value
        for name, value in environ.items()
        if name.startswith("ANYMAIL_") and name != "ANYMAIL_PROVIDER"
    }
    return {"EMAIL_BACKEND": f"anymail.backends.{provider}.EmailBackend", "ANYMAIL": options}
