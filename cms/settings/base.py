"""Settings shared by every environment; each value an operator may change is read from the
environment, with defaults that are safe for a developer's machine."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    "home",
    "resources",
    "stories",
    "search",
    "cms",
    "webhooks",
    "wagtail_localize",
    "wagtail_headless_preview",
    "corsheaders",
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
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The APIs: CORS, then Cache-Control, ETag and 304s (cms/api_caching.py).
    "cms.api_caching.ApiCorsMiddleware",
    "cms.api_caching.ApiCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, except that an API 404 is not redirected to /en/api/….
    "cms.api_caching.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.translators.TranslationLocaleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
                "cms.context_processors.site_chrome",
            ],
        },
    },
]

# Database: SQLite beside the code unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise memory local to each process.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
            "KEY_PREFIX": "cms",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

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
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static_src"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
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
# Phone photos (HEIC) are accepted and stored as JPEG; every upload loses its metadata
# (cms/image_privacy.py).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "heic", "jpg", "jpeg", "png", "webp"]
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
# reads everywhere; on API v3 also token-authenticated writes (cms.api_caching.ApiCorsMiddleware).
# No cookies cross origins: a frontend authenticates with an API token, never a session.
CORS_ALLOWED_ORIGINS = [origin.rstrip("/") for origin in env_list("API_CORS_ORIGINS")]
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag"]
CORS_ALLOW_CREDENTIALS = False

# Preview in a headless frontend (cms/headless_preview.py), only when its address is set:
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
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "cms.machine_translation.DevelopmentTranslator"}

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Django's request log lines carry no client address: keep it so (visitors may be at risk).
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django_tasks": {"level": "WARNING"},
    },
}
