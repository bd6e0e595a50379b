"""Email settings from the environment: EMAIL_URL, or EMAIL_HOST and its companions.

EMAIL_URL names the server in one address (user and password percent-encoded):
  smtp://user:password@mail.example.org:25        plain SMTP (port 25 unless given)
  smtp+tls://user:password@mail.example.org:587   STARTTLS (port 587 unless given)
  smtps://user:password@mail.example.org:465      TLS from the start (port 465 unless given)
  console://                                      print messages (development)
"""

from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
SCHEMES = {
    # scheme: (default port, EMAIL_USE_TLS, EMAIL_USE_SSL)
    "smtp": (25, False, False),
    "smtp+tls": (587, True, False),
    "smtps": (465, False, True),
}


def is_true(value):
    return value.strip().lower() in {"1", "true", "yes", "on"}


def from_url(url):
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise ImproperlyConfigured(
            "EMAIL_URL must look like smtp://user:password@host:port "
            "(schemes: smtp, smtp+tls, smtps, console)."
        )
    default_port, use_tls, use_ssl = SCHEMES[parts.scheme]
    return {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": parts.port or default_port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
    }


def from_variables(environ):
    return {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": environ["EMAIL_HOST"],
        "EMAIL_PORT": int(environ.get("EMAIL_PORT", "25")),
        "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": is_true(environ.get("EMAIL_USE_TLS", "")),
        "EMAIL_USE_SSL": is_true(environ.get("EMAIL_USE_SSL", "")),
    }


def email_settings(environ):
    """Django's EMAIL_* settings (and the senders' addresses) from `environ`. Without EMAIL_URL or
    EMAIL_HOST: Django's defaults (an SMTP server on localhost:25)."""
    if environ.get("EMAIL_URL"):
        settings = from_url(environ["EMAIL_URL"])
    elif environ.get("EMAIL_HOST"):
        settings = from_variables(environ)
    else:
        settings = {}
    if settings.get("EMAIL_USE_TLS") and settings.get("EMAIL_USE_SSL"):
        raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL exclude each other.")
    # A mail server that does not answer fails the send after this many seconds (logged), rather
    # than holding a worker forever.
    settings["EMAIL_TIMEOUT"] = int(environ.get("EMAIL_TIMEOUT", "10"))
    for name in ("DEFAULT_FROM_EMAIL", "SERVER_EMAIL"):
        if environ.get(name):
            settings[name] = environ[name]
    return settings
