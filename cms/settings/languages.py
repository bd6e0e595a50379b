"""Languages: every locale lives under /{lang}/; Arabic is right-to-left."""

from django.utils.translation import gettext_lazy as _

from cms.settings.environment import BASE_DIR

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("sw", _("Swahili")),
    ("ar", _("Arabic")),
]
WAGTAIL_I18N_ENABLED = True
# Wagtail would otherwise offer editors LANGUAGE_CODE's language alone.
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
