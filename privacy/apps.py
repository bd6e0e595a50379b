from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        # Uploaded images lose their metadata (GPS, camera...), in originals and renditions.
        from django.db.models.signals import pre_save
        from wagtail.images import get_image_model

        from privacy import images, renditions

        pre_save.connect(
            images.clean_new_image_file,
            sender=get_image_model(),
            dispatch_uid="privacy_strip_image_metadata",
        )
        renditions.register_willow_operation()
