"""The two sites tests run against.

- The test site, in every test database: Wagtail's root, the default site and its home page in
  every language (translated with wagtail-localize), each language's site settings and menu, and
  the "Site media" and "Consent forms" collections. Built with the factories; tests add what they
  need (campaigns, resources, stories, people) with the factories too.
- The demo site (`seed_demo`), only for the demo's own tests and the browser journeys.

A transactional test flushes the database when it ends, dropping whichever site was there and
what data migrations had created (Wagtail's groups and workflow, wagtail-localize's
permissions). Each site is built once per test process and kept as a snapshot of the whole
database (Django's own serialization, as `serialized_rollback` does); after a flush the
snapshot is loaded back, which takes a fraction of building it again.
"""

import json
import os
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.db import connection

DEMO_MARKER_SLUG = "world-day-against-trafficking"  # the demo campaign

MIGRATED, TEST_SITE, DEMO_SITE = "migrated", "test site", "demo site"
_snapshots: dict[str, str] = {}


def take_migrated_snapshot():
    """The database as migrations leave it, before any site is built on it."""
    _snapshots.setdefault(MIGRATED, serialized_database())


def ensure_test_site():
    from wagtail.models import Page

    from home.models import HomePage

    if HomePage.objects.exists() and not Page.objects.filter(slug=DEMO_MARKER_SLUG).exists():
        return
    if TEST_SITE in _snapshots:
        restore(TEST_SITE)
        return
    if MIGRATED in _snapshots:
        restore(MIGRATED)
    build_test_site()
    ensure_data_migration_rows()
    _snapshots[TEST_SITE] = serialized_database()


def ensure_demo_site():
    from wagtail.models import Page

    if Page.objects.filter(slug=DEMO_MARKER_SLUG).exists():
        return
    if DEMO_SITE in _snapshots:
        restore(DEMO_SITE)
        return
    if MIGRATED in _snapshots:
        restore(MIGRATED)
    else:
        # Not on top of the test site: the demo builds the whole tree itself.
        call_command("flush", interactive=False, verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    ensure_data_migration_rows()
    _snapshots[DEMO_SITE] = serialized_database()


def serialized_database():
    """Every row, content types first: building some objects (Wagtail's workflow tasks) looks
    their content type up before their own row is loaded."""
    rows = json.loads(connection.creation.serialize_db_to_string())
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


def restore(name):
    """Empty the database and load snapshot `name` back. Sequences run on (new rows never take
    a snapshot's keys) and the flush recreates nothing (the snapshot has the content types and
    permissions, under their own keys)."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.color import no_style

    call_command(
        "flush", interactive=False, verbosity=0, reset_sequences=False, inhibit_post_migrate=True
    )
    ContentType.objects.clear_cache()  # the keys of the content types just deleted
    connection.creation.deserialize_db_from_string(_snapshots[name])
    ContentType.objects.clear_cache()
    # As loaddata does: after a flush that reset them, sequences would hand out the keys just
    # loaded (PostgreSQL; SQLite needs nothing).
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


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
