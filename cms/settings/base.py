"""Settings shared by every environment; each value an operator may change is read from the
environment, with defaults that are safe for a developer's machine."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from cms.settings.email import email_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def origins(*urls):
    """The origins (`https://host:port`) of the absolute addresses among `urls`."""
    return [f"{parts.scheme}://{parts.netloc}" for parts in map(urlsplit, urls) if parts.netloc]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    # The project's apps, base first (see ARCHITECTURE.md).
    "core",
    "privacy",
    "documents",
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
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wagtail_localize",
    "wagtail_headless_preview",
    "corsheaders",
    "csp",
    "ninja",  # API v3 docs from this site's static files rather than a CDN
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
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
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Content-Security-Policy: strict for the public site, looser for the admin (privacy/csp.py).
    "privacy.csp.SitePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The APIs: CORS, then Cache-Control, ETag and 304s (cms/api/caching.py).
    "cms.api.caching.ApiCorsMiddleware",
    "cms.api.caching.ApiCacheMiddleware",
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
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site_chrome",
            ],
        },
    },
]

# Database: SQLite beside the code unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A connection kept open across a database restart is found dead and replaced before
        # the next request uses it, instead of failing that request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
    # An unreachable database host fails a request in seconds (a 503 page) instead of hanging it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(url):
    """The Redis cache at `url`. Redis down means no cache, not errors: a failed read is a miss,
    a failed write is skipped (both logged), and a dead host costs each cache call a fraction of
    a second rather than hanging the request. /healthz reports the outage."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.2,
            "SOCKET_TIMEOUT": 0.5,
        },
        "KEY_PREFIX": "cms",
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Cache: Redis when REDIS_URL is set, otherwise memory local to each process.
if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"])}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

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
# TRUSTED_PROXY_COUNT proxies that append to it (accounts/network.py).
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
AXES_CLIENT_IP_CALLABLE = "accounts.network.client_network"
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username"]
AXES_LOCKOUT_CALLABLE = "accounts.throttle.lockout_response"
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"

# Two-factor authentication (accounts/two_factor.py): any editor may turn it on; with
# TWO_FACTOR_REQUIRED (on in production) superusers and story custodians must.
TWO_FACTOR_REQUIRED = os.environ.get("TWO_FACTOR_REQUIRED", "false").lower() == "true"
OTP_TOTP_ISSUER = os.environ.get("WAGTAIL_SITE_NAME", "Campaign CMS")
# Wrong codes are throttled like passwords (accounts.throttle), not by django-otp's own delays.
OTP_TOTP_THROTTLE_FACTOR = 0

# Email (password resets, workflow notifications): EMAIL_URL, or EMAIL_HOST, EMAIL_PORT,
# EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS / EMAIL_USE_SSL (cms/settings/email.py);
# DEFAULT_FROM_EMAIL, SERVER_EMAIL. A failed send is logged as an error, never hidden.
_email = email_settings(os.environ)
EMAIL_BACKEND = _email.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = _email.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _email.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = _email["EMAIL_TIMEOUT"]
DEFAULT_FROM_EMAIL = _email.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = _email.get("SERVER_EMAIL", "root@localhost")

# Languages: every locale lives under /{lang}/; Arabic is right-to-left.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("sw", _("Swahili")),
    ("ar", _("Arabic")),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static_src"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Documents (signed consent forms among them) are kept outside MEDIA_ROOT, which is served as it
# is: they leave only through Wagtail's document view, which checks the collection's privacy.
DOCUMENTS_ROOT = Path(os.environ.get("DOCUMENTS_ROOT", BASE_DIR / "private-documents"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "documents": {"BACKEND": "documents.storage.PrivateDocumentStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Campaign CMS")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    # On PostgreSQL each language is indexed and searched with its own text-search configuration.
    "default": {
        "BACKEND": "search.backends",
        "LANGUAGE_CONFIGS": {
            "en": "english",
            "fr": "french",
            "es": "spanish",
            "sw": "simple",
            "ar": "simple",
        },
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    else {"BACKEND": "wagtail.search.backends.database"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "epub", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_MODEL = "documents.SiteDocument"
# Every download goes through the document view and its privacy check ("direct" would link to
# the file itself); files open in the browser under `Content-Security-Policy: default-src 'none'`,
# so that a PDF or HTML file cannot run scripts on this site's origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# Phone photos (HEIC) are accepted and stored as JPEG; every upload loses its metadata
# (privacy/images.py).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "heic", "jpg", "jpeg", "png", "webp"]
# Wagtail renders up to three renditions of an image at once, each from the decoded original
# (4 bytes a pixel): a 50-megapixel picture took a worker past 550 MB. Measured peaks of a
# worker making the site's renditions are in the README; this keeps them under 300 MB while
# accepting 4000 × 3000 phone photos (core/image_forms.py says so to the editor).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 12_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_forms.ImageForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_SEARCH_ENABLED = True
WAGTAILAPI_LIMIT_MAX = 100
# Rich text in both APIs as HTML with real addresses (`?rich_text_format=db_html|markdown` too).
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# Public API responses: browsers and CDNs reuse them for API_CACHE_MAX_AGE seconds, may serve
# them stale for API_CACHE_STALE_WHILE_REVALIDATE more while revalidating with the ETag.
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))
API_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("API_CACHE_STALE_WHILE_REVALIDATE", "30"))

# CORS for the APIs only, from the frontends' origins in API_CORS_ORIGINS (none by default):
# reads everywhere; on API v3 also token-authenticated writes (cms.api.caching.ApiCorsMiddleware).
# No cookies cross origins: a frontend authenticates with an API token, never a session.
CORS_ALLOWED_ORIGINS = [origin.rstrip("/") for origin in env_list("API_CORS_ORIGINS")]
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag"]
CORS_ALLOW_CREDENTIALS = False

# Preview in a headless frontend (cms/api/preview.py), only when its address is set:
# HEADLESS_PREVIEW_URL for one frontend ("{locale}" in it becomes the page's language code),
# HEADLESS_PREVIEW_URL_FR etc. for one per language. Otherwise Wagtail renders previews itself.
HEADLESS_PREVIEW_LOCALE_URLS = {
    code: os.environ[f"HEADLESS_PREVIEW_URL_{code.upper()}"]
    for code, _name in LANGUAGES
    if os.environ.get(f"HEADLESS_PREVIEW_URL_{code.upper()}")
}
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": (
        {"default": os.environ["HEADLESS_PREVIEW_URL"]}
        if os.environ.get("HEADLESS_PREVIEW_URL")
        else {}
    ),
    "SERVE_BASE_URL": None,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}
# A preview token (and the draft it shows) expires after this many seconds.
HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", "3600"))

# A new translation starts as a draft: nothing reaches visitors before a translator publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation gives translators a first draft, never a published text. DeepL when
# DEEPL_API_KEY is set; otherwise a stand-in that says it is one (production: none, see there).
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "translation.machine.DevelopmentTranslator"}

# CDN purge on publish and unpublish (wagtail.contrib.frontend_cache), only when configured:
# Cloudflare with an API token and zone ID, and/or an HTTP purger such as Varnish.
_frontend_cache = {}
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN") and os.environ.get(
    "FRONTEND_CACHE_CLOUDFLARE_ZONEID"
):
    _frontend_cache["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["FRONTEND_CACHE_CLOUDFLARE_TOKEN"],
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    _frontend_cache["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if _frontend_cache:
    WAGTAILFRONTENDCACHE = _frontend_cache
    # Purge the API v2 detail of a page too when it is published or unpublished.
    WAGTAILAPI_USE_FRONTENDCACHE = True

# Webhooks to headless frontends (webhooks/): the first attempt is sent after the commit through
# django-tasks unless WEBHOOKS_DELIVER_AFTER_COMMIT=false, which leaves every attempt to
# `manage.py deliver_webhooks` (cron or --loop), so that editors never wait for a slow endpoint.
WEBHOOKS_DELIVER_AFTER_COMMIT = (
    os.environ.get("WEBHOOKS_DELIVER_AFTER_COMMIT", "true").lower() != "false"
)

# Backups (`manage.py backup`, backup/) hold signed consent forms and custodian notes: with this
# key set they are encrypted at rest (AES-256-GCM). Keep the key apart from the backups.
BACKUP_ENCRYPTION_KEY = os.environ.get("BACKUP_ENCRYPTION_KEY", "")

# No tracking: visitors may be at risk. Pages load nothing from another site, anonymous visitors
# get no cookie, and the logs keep no visitor's full IP address.
#
# Content-Security-Policy, one per part of the site (privacy/csp.py). Uploads served from
# another origin (S3, a CDN) need it in CSP_EXTRA_IMG_SRC, unless MEDIA_URL already names it.
_image_origins = [*origins(MEDIA_URL), *env_list("CSP_EXTRA_IMG_SRC")]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_image_origins],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin writes inline scripts and styles, shows previews in a frame (from a headless
# frontend too, when one is set) and image uploads as blob: thumbnails.
_preview_frontends = [
    url.replace("{locale}", code)
    for url in [
        *WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"].values(),
        *HEADLESS_PREVIEW_LOCALE_URLS.values(),
    ]
    for code, _name in LANGUAGES
]
CSP_ADMIN_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", *_image_origins],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": [SELF, *origins(*_preview_frontends)],
    "object-src": [NONE],
    "base-uri": [NONE],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
# JSON from the APIs loads nothing and is framed nowhere.
CSP_API_DIRECTIVES = {"default-src": [NONE], "frame-ancestors": [NONE]}
# The admin contacts no other site either: no update check, no Gravatar (it would send a hash
# of each editor's email address).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Cookies: none for anonymous visitors, whom no form needs one (only Wagtail's password and login
# forms of private pages set them). Editors' session and CSRF cookies are out of reach of
# scripts; production makes them Secure.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Links to other sites say nothing of the page they were followed from.
SECURE_REFERRER_POLICY = "same-origin"
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

# Logs: a visitor's IP address, wherever it appears in a log line, is cut to its network (/24 or
# /48) by privacy.logging.TruncateIPAddresses. Django's request log lines carry no client address at
# all; gunicorn's logs need `--logger-class privacy.logging.GunicornLogger` for the same.
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
