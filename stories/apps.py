from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Survivor stories")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from stories import signals
        from stories.models import ConsentRecord

        post_save.connect(
            signals.consent_changed, sender=ConsentRecord, dispatch_uid="stories_consent_saved"
        )
        post_delete.connect(
            signals.consent_changed, sender=ConsentRecord, dispatch_uid="stories_consent_deleted"
        )
