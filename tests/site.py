"""The two sites tests run against.

- The test site, in every test database: Wagtail's root, the default site and its home page in
  every language (translated with wagtail-localize), each language's site settings and menu, and
  the "Site media" and "Consent forms" collections. Built with the factories; tests add what they
  need (campaigns, resources, stories, people) with the factories too.
- The demo site (`seed_demo`), only for the demo's own tests and the browser journeys.

A transactional test flushes the database when it ends, dropping whichever site was there and
what data migrations had created: these functions put it back.
"""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command

DEMO_MARKER_SLUG = "world-day-against-trafficking"  # the demo campaign


def ensure_test_site():
    from home.models import HomePage

    if not HomePage.objects.exists():
        build_test_site()
    ensure_data_migration_rows()


def build_test_site():
    from wagtail.models import Page, Site

    from core.media_collections import ensure_site_media_collection
    from stories.publishing import ensure_consent_forms_collection
    from tests.factories import (
        HomePageFactory,
        LocaleFactory,
        NavigationMenuFactory,
        SiteSettingsFactory,
        translate,
    )

    english = LocaleFactory(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=english)
    )
    # Wagtail's installation leaves a placeholder "Welcome" page where the home page goes.
    root.get_children().filter(content_type__model="page").delete()
    home = HomePageFactory(parent=root, slug="home", locale=english)
    # At the address the admin and the APIs give (WAGTAILADMIN_BASE_URL), as the site is served:
    # the pages' own full URLs and the APIs' links then agree.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": address.hostname,
            "port": address.port or (443 if address.scheme == "https" else 80),
            "root_page": home,
            "site_name": "Test",
        },
    )
    site_settings = SiteSettingsFactory(locale=english)
    menu = NavigationMenuFactory(locale=english)
    for code, _name in settings.LANGUAGES:
        if code != english.language_code:
            for instance in (home, site_settings, menu):
                translate(instance, code)
    ensure_site_media_collection()
    ensure_consent_forms_collection()


def ensure_data_migration_rows():
    """What data migrations create and a flush drops, such as wagtail-localize's permission to
    submit translations."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    Permission.objects.get_or_create(
        codename="submit_translation",
        content_type=ContentType.objects.get_or_create(
            app_label="wagtail_localize", model="translation"
        )[0],
        defaults={"name": "Can submit translations"},
    )


def ensure_demo_site():
    from wagtail.models import Page

    if not Page.objects.filter(slug=DEMO_MARKER_SLUG).exists():
        # Not on top of the test site: the demo builds the whole tree itself.
        call_command("flush", interactive=False, verbosity=0)
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    ensure_data_migration_rows()
