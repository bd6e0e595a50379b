from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Campaign CMS"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from cms import translation_notifications

        page_published.connect(
            translation_notifications.page_published,
            dispatch_uid="cms_notify_page_translators",
        )
        post_save.connect(
            translation_notifications.snippet_saved, dispatch_uid="cms_notify_snippet_translators"
        )

        # Uploaded images lose their metadata (GPS, camera...), in originals and renditions.
        from django.db.models.signals import pre_save
        from wagtail.images import get_image_model

        from cms import image_privacy

        pre_save.connect(
            image_privacy.clean_new_image_file,
            sender=get_image_model(),
            dispatch_uid="cms_strip_image_metadata",
        )
        image_privacy.register_willow_operation()
