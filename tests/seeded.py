"""The seeded demo site, for tests that need it committed (live servers, copies of the database).

A transactional test flushes the database when it ends, dropping the demo that `django_db_setup`
seeded once and what data migrations had created: whichever test comes next on that worker gets
it back from here."""

import os

from django.core.management import call_command


def ensure_demo_site():
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from home.models import HomePage

    if not HomePage.objects.exists():
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    # wagtail-localize's permission to submit translations comes from a data migration.
    Permission.objects.get_or_create(
        codename="submit_translation",
        content_type=ContentType.objects.get_or_create(
            app_label="wagtail_localize", model="translation"
        )[0],
        defaults={"name": "Can submit translations"},
    )
