"""Time: the site's time zone, in which editors read and give publishing times and consent dates
(stored in UTC). The admin shows it beside them (core/scheduling.py)."""

import os
import zoneinfo

from django.core.exceptions import ImproperlyConfigured


def time_zone_from(environ):
    """TIME_ZONE, an IANA name such as "Africa/Nairobi" or "Europe/Paris"; UTC by default."""
    name = environ.get("TIME_ZONE", "").strip() or "UTC"
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ImproperlyConfigured(
            f"TIME_ZONE={name!r} is not a time zone name: give one such as 'Africa/Nairobi', "
            "'Europe/Paris' or 'UTC'."
        ) from error
    return name


TIME_ZONE = time_zone_from(os.environ)
