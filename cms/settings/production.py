"""Production settings: refuse to start rather than run with an unsafe configuration."""

import os

from django.core.exceptions import ImproperlyConfigured

from cms.settings.object_storage import require_credentials

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, CONTENT_SECURITY_POLICY, CSP_ADMIN_DIRECTIVES, SECRET_KEY

if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS must list the site's host names in production."
    )

# A bucket without keys, unless the server's IAM role gives them (cms/settings/object_storage.py).
require_credentials(os.environ)

if not os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# Superusers and story custodians sign in with a second factor (TWO_FACTOR_REQUIRED=false to
# leave it to each person, which this site's safety rules advise against).
TWO_FACTOR_REQUIRED = os.environ.get("TWO_FACTOR_REQUIRED", "true").lower() != "false"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The admin's session and CSRF cookies (anonymous visitors get none) travel over HTTPS only.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Browsers fetch any http:// address a page still names over HTTPS.
for _directives in (CONTENT_SECURITY_POLICY["DIRECTIVES"], CSP_ADMIN_DIRECTIVES):
    _directives["upgrade-insecure-requests"] = True
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host != "*"]
