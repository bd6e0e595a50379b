"""Logs: a visitor's IP address, wherever it appears in a log line, is cut to its network (/24 or
/48) by privacy.logging.TruncateIPAddresses. Django's request log lines carry no client address at
all; gunicorn's logs need `--logger-class privacy.logging.GunicornLogger` for the same."""

import os

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"truncate_ip_addresses": {"()": "privacy.logging.TruncateIPAddresses"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["truncate_ip_addresses"]}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Without Django's own handlers (an unfiltered console, error emails with the request's
        # headers): its records go to the console above.
        "django": {"handlers": [], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django_tasks": {"level": "WARNING"},
    },
}
