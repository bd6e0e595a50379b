from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    name = "translation"
    verbose_name = _("Translation")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy
        from wagtail.signals import page_published

        from translation import notifications
        from translation.translators import TranslatorsPagePermissionPolicy

        register_permission_policy(Page, TranslatorsPagePermissionPolicy(Page))

        page_published.connect(
            notifications.page_published, dispatch_uid="translation_notify_page_translators"
        )
        post_save.connect(
            notifications.snippet_saved, dispatch_uid="translation_notify_snippet_translators"
        )
