"""No tracking: visitors may be at risk. Pages load nothing from another site, anonymous visitors
get no cookie, and the logs keep no visitor's full IP address (cms/settings/logs.py)."""

from cms.settings.environment import env_list, origins
from cms.settings.files import MEDIA_URL
from cms.settings.headless import HEADLESS_PREVIEW_LOCALE_URLS, WAGTAIL_HEADLESS_PREVIEW
from cms.settings.languages import LANGUAGES
from privacy import policies

# Content-Security-Policy, one per part of the site (privacy/csp.py, privacy/policies.py).
# Uploads served from another origin (S3, a CDN) need it in CSP_EXTRA_IMG_SRC, unless MEDIA_URL
# already names it; the admin may frame the headless frontends that show previews.
_image_origins = [*origins(MEDIA_URL), *env_list("CSP_EXTRA_IMG_SRC")]
_preview_frontends = [
    url.replace("{locale}", code)
    for url in [
        *WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"].values(),
        *HEADLESS_PREVIEW_LOCALE_URLS.values(),
    ]
    for code, _name in LANGUAGES
]
CONTENT_SECURITY_POLICY = {"DIRECTIVES": policies.public_directives(_image_origins)}
CSP_ADMIN_DIRECTIVES = policies.admin_directives(_image_origins, origins(*_preview_frontends))
CSP_API_DIRECTIVES = policies.API_DIRECTIVES
# The admin contacts no other site either: no update check, no Gravatar (it would send a hash
# of each editor's email address).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Cookies: none for anonymous visitors, whom no form needs one (only Wagtail's password and login
# forms of private pages set them). Editors' session and CSRF cookies are out of reach of scripts
# (the session cookie by Django's default) and SameSite=Lax; production makes them Secure. Links
# to other sites say nothing of the page they were followed from (Django's Referrer-Policy).
CSRF_COOKIE_HTTPONLY = True

# No page, nor anything it might frame, may reach a visitor's camera, microphone, location,
# sensors or devices, or take part in interest-based advertising (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}
