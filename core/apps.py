from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        # Nothing stays in the Root collection: it lands in "Site media".
        from django.db.models.signals import pre_save
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        from core import media_collections, task_queue, tasks

        for model in (get_image_model(), get_document_model()):
            pre_save.connect(
                media_collections.keep_out_of_root,
                sender=model,
                dispatch_uid=f"core_keep_{model._meta.model_name}_out_of_root",
            )
        tasks.connect_signals()
        task_queue.connect_signals()
