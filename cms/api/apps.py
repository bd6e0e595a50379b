from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "cms.api"
    label = "api"
    verbose_name = _("APIs")

    def ready(self):
        from cms.api.content import give_models_their_api_fields

        give_models_their_api_fields()
        # Before anything imports Wagtail's API v3 registry, which builds the page schemas.
        from cms.api import discriminator, wagtail_patches

        wagtail_patches.build_page_schemas_on(
            discriminator.TypedPageSchema, discriminator.PageListItemSchema
        )
        # Before the wagtail.snippets app builds API v3's snippet schemas (it is ready later).
        from cms.api import snippet_locale

        snippet_locale.add_locale_to_snippet_items()
