from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.dummy import DummyTranslator


class DevelopmentTranslator(DummyTranslator):
    """Stands in for a real machine translator on developers' machines: it only reverses the
    words, and says so wherever the admin names it."""

    display_name = _("Development translator (reverses words; not a real translation)")
