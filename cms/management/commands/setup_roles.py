"""Create the editorial groups and their permissions. Safe to run again."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.utils import translation
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Site,
)

from cms.translation_coverage import translatable_snippet_models


class Command(BaseCommand):
    help = (
        "Create one 'Translators – <language>' group per non-default language: they translate "
        "pages and snippets into that language only, and cannot publish source pages or change "
        "the page tree."
    )

    def handle(self, *args, **options):
        default_locale = Locale.get_default()
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        for locale in Locale.objects.exclude(pk=default_locale.pk).order_by("language_code"):
            with translation.override("en"):
                name = f"Translators – {locale.get_display_name()}"
            group, _ = Group.objects.get_or_create(name=name)
            self.grant_translator_permissions(group)
            home = site and site.root_page.get_translation_or_none(locale)
            if home is None:
                self.stderr.write(
                    f"{name}: no home page in {locale.language_code} yet, so no pages to "
                    "translate; run this command again once the language has its home page."
                )
                continue
            for codename in ("change_page", "publish_page"):
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=Permission.objects.get(codename=codename)
                )
            self.stdout.write(f"{name}: pages under {home.url_path} and translatable snippets.")

    def grant_translator_permissions(self, group):
        codenames = [("wagtailadmin", "admin", "access_admin")]
        codenames += [
            (model._meta.app_label, model._meta.model_name, f"change_{model._meta.model_name}")
            for model in translatable_snippet_models()
        ]
        permissions = [
            Permission.objects.get(
                content_type=ContentType.objects.get(app_label=app_label, model=model),
                codename=codename,
            )
            for app_label, model, codename in codenames
        ]
        permissions.append(Permission.objects.get(codename="submit_translation"))
        group.permissions.add(*permissions)
        root = Collection.get_first_root_node()
        for codename in ("choose_image", "choose_document"):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=Permission.objects.get(codename=codename)
            )
