from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Campaign CMS"

    def ready(self):
        # Before the wagtail.snippets app builds API v3's snippet schemas (it is ready later).
        from cms.api import snippet_locale

        snippet_locale.add_locale_to_snippet_items()

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

        from cms import image_privacy, image_renditions

        pre_save.connect(
            image_privacy.clean_new_image_file,
            sender=get_image_model(),
            dispatch_uid="cms_strip_image_metadata",
        )
        image_renditions.register_willow_operation()

        # Nothing stays in the Root collection: it lands in "Site media".
        from wagtail.documents import get_document_model

        from cms import media_collections

        for model in (get_image_model(), get_document_model()):
            pre_save.connect(
                media_collections.keep_out_of_root,
                sender=model,
                dispatch_uid=f"cms_keep_{model._meta.model_name}_out_of_root",
            )
