"""The admin speaks the editor's language for everything this project adds: its menus, page
types, fields and StreamField blocks have translatable names, translated in every language."""

import json
import pathlib

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.utils.functional import Promise
from wagtail.fields import StreamField
from wagtail.users.models import UserProfile

from tests.factories import StandardPageFactory

PROJECT_APPS = {"core", "documents", "home", "resources", "stories", "webhooks", "api"}
# Fields that come from Wagtail and wagtail-localize (translated in their own catalogues) or that
# no form shows.
NOT_OURS = {"translation_key", "locale", "file_hash", "file_size"}
BRANDS = {"Bluesky", "Facebook", "Instagram", "LinkedIn", "Mastodon", "TikTok", "X", "YouTube"}


def block_names(block, path, seen):
    if id(block) in seen:
        return
    seen.add(id(block))
    if block.label:
        yield path, block.label
    for name, child in getattr(block, "child_blocks", {}).items():
        yield from block_names(child, f"{path}.{name}", seen)


def fields_of_library_bases(model):
    """Fields a model inherits from an abstract model of Wagtail or Django (their catalogues
    translate them)."""
    return {
        field.name
        for base in model.__mro__[1:]
        if getattr(getattr(base, "_meta", None), "abstract", False)
        and base.__module__.split(".")[0] not in PROJECT_APPS
        for field in [*base._meta.fields, *base._meta.many_to_many]
    }


def admin_names():
    """(where, name) of every name this project gives the admin to show."""
    for config in apps.get_app_configs():
        if config.label not in PROJECT_APPS:
            continue
        yield f"app {config.label}", config.verbose_name
        for model in config.get_models():
            if "verbose_name" in model._meta.original_attrs or not fields_of_library_bases(model):
                yield f"model {model.__name__}", model._meta.verbose_name
            inherited = fields_of_library_bases(model)
            for field in model._meta.local_fields + list(model._meta.local_many_to_many):
                if field.auto_created or field.name in NOT_OURS | inherited:
                    continue
                if field.name.endswith("_ptr"):
                    continue
                yield f"field {model.__name__}.{field.name}", field.verbose_name
                if isinstance(field, StreamField):
                    yield from block_names(
                        field.stream_block, f"{model.__name__}.{field.name}", set()
                    )


def catalogue(code):
    path = pathlib.Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po"
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.translated()}


def test_every_name_the_project_gives_the_admin_is_translatable():
    untranslatable = [
        f"{where}: {name!r}"
        for where, name in admin_names()
        if not isinstance(name, Promise) and str(name) not in BRANDS
    ]
    assert untranslatable == []


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES if code != "en"])
def test_every_name_the_project_gives_the_admin_is_translated(code):
    translated = catalogue(code)
    missing = sorted(
        {str(name._args[0]) for _where, name in admin_names() if isinstance(name, Promise)}
        - set(translated)
    )
    assert missing == []


@pytest.mark.django_db
def test_arabic_editor_sees_the_block_and_field_names_in_arabic(
    english_home, admin_client, admin_user
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ar"
    profile.save()
    page = StandardPageFactory(parent=english_home)

    form = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    arabic = catalogue("ar")
    for english in ("Section", "Heading", "Body", "Call to action"):
        # in the page or in the block definitions' JSON, where it is escaped
        assert arabic[english] in form or json.dumps(arabic[english])[1:-1] in form, english
    assert '"Section"' not in form
