from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from search.suggestions import forget_vocabularies

        for signal in (page_published, page_unpublished):
            signal.connect(forget_vocabularies, dispatch_uid=f"search_vocabulary_{id(signal)}")
