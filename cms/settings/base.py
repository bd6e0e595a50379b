"""Settings shared by every environment; each value an operator may change is read from the
environment, with defaults that are safe for a developer's machine. One module per concern, each
saying only what differs from Django's and the packages' defaults."""

import os

from cms.settings.caches import *  # noqa: F403
from cms.settings.database import *  # noqa: F403
from cms.settings.database import uses_postgresql
from cms.settings.email import email_settings
from cms.settings.environment import BASE_DIR, env_list
from cms.settings.files import *  # noqa: F403
from cms.settings.headless import *  # noqa: F403
from cms.settings.languages import *  # noqa: F403
from cms.settings.logs import *  # noqa: F403
from cms.settings.newsletter import *  # noqa: F403
from cms.settings.newsletter import anymail_settings
from cms.settings.privacy import *  # noqa: F403
from cms.settings.scheduling import *  # noqa: F403
from cms.settings.search import *  # noqa: F403
from cms.settings.sign_in import *  # noqa: F403
from cms.settings.tasks import *  # noqa: F403
from cms.settings.wagtail import *  # noqa: F403

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    # The project's apps, base first (see ARCHITECTURE.md).
    "core",
    "privacy",
    "documents",
    "newsletter",
    "home",
    "resources",
    "stories",
    "roles",
    "translation",
    "search",
    "cms.api",  # before wagtail.snippets, which reads the api_fields it gives the models
    "webhooks",
    "accounts",
    "backup",
    "demo",
    "caching",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wagtail_localize",
    "wagtail_headless_preview",
    "corsheaders",
    "csp",
    "ninja",  # API v3 docs from this site's static files rather than a CDN
    "wagtail_localize.locales",
    "django_tasks_db",  # the task queue (cms/settings/tasks.py), worked by `manage.py db_worker`
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",  # editors' chosen results (search/promotions.py)
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",  # the video blocks' addresses, shown as links (never an embedded player)
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Not "rest_framework": its browsable API would answer browsers in HTML, with a CSRF cookie.
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",  # the sitemap's templates (core/sitemaps.py)
    "django.contrib.staticfiles",
]
if uses_postgresql:
    INSTALLED_APPS.append("django.contrib.postgres")

MIDDLEWARE = [
    # Anonymous answers kept in the shared cache with every header the site gives them (security,
    # permissions, CSP, CORS), compressed, fresh after every change (caching/): a kept answer is
    # served before any other middleware runs.
    "caching.middleware.ResponseCacheMiddleware",
    # Anonymous public reads from the read replica, when there is one (cms/db_routing.py).
    "cms.db_routing.ReplicaReadsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Content-Security-Policy: strict for the public site, looser for the admin (privacy/csp.py).
    "privacy.csp.SitePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public answers compressed (brotli, gzip); none that may hold a secret (core/compression.py).
    "core.compression.PublicCompressionMiddleware",
    # The APIs: CORS, then Cache-Control, ETag and 304s (cms/api/caching.py).
    "cms.api.caching.ApiCorsMiddleware",
    "cms.api.caching.ApiCacheMiddleware",
    # The pages' Cache-Control, ETag and 304s, for CDNs and browsers (caching/headers.py).
    "caching.headers.PageCacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, except that an API 404 is not redirected to /en/api/….
    "cms.api.caching.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor authentication: who gave a code, and holding back who still owes one (accounts/).
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "translation.translators.TranslationLocaleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Sign-in lockouts (django-axes) become 429 answers; last, as axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site_chrome",
            ],
        },
    },
]

# Email (password resets, workflow notifications): EMAIL_URL, or EMAIL_HOST, EMAIL_PORT,
# EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS / EMAIL_USE_SSL (cms/settings/email.py);
# DEFAULT_FROM_EMAIL, SERVER_EMAIL. Only what the environment names; Django's defaults otherwise.
# A failed send is logged as an error, never hidden.
globals().update(email_settings(os.environ))
# Or an email service provider through django-anymail (cms/settings/newsletter.py).
globals().update(anymail_settings(os.environ))
