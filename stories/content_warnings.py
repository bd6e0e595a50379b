"""The subjects a story's content warning names, ticked by its editor and shown translated."""

from django.utils.translation import gettext_lazy as _

CONTENT_WARNINGS = [
    ("sexual-violence", _("Sexual violence")),
    ("sexual-exploitation", _("Sexual exploitation")),
    ("physical-violence", _("Physical violence")),
    ("child-abuse", _("Abuse of children")),
    ("coercion", _("Coercion and threats")),
    ("online-abuse", _("Online abuse")),
    ("self-harm", _("Self-harm or suicide")),
    ("substance-abuse", _("Drug or alcohol abuse")),
    ("death", _("Death")),
]
