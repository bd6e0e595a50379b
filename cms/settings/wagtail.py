"""The Wagtail admin: its name and address, and how translations are made."""

import os

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Campaign CMS")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

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
