"""Where the translators' side relies on wagtail-localize (1.14) beyond its documented API.

None of these is a documented extension point. tests/api/test_library_internals.py fails with
the reason when an upgrade changes the shape relied on: look there first after upgrading
wagtail-localize.

- `user_can_edit_instance`: wagtail-localize's rule for who may edit a translation's target,
  which its own PO upload view applies. The site's all-or-nothing upload (translation/views.py)
  applies the same rule, from wagtail-localize itself rather than a copy of it.
- `TRANSLATION_ID_HEADER`: the header of the PO files wagtail-localize exports, naming the
  translation they were exported from (`Translation.export_po`).
- The site's upload is served at the address of wagtail-localize's own upload view
  (`wagtail_localize:upload_pofile`, mounted before it by translation/wagtail_hooks.py), so that
  the translation editor's "Upload PO file" reaches it.
- `SubmitPageTranslationView`, `SubmitSnippetTranslationView`: wagtail-localize's *Translate*
  forms, whose `get_form()` gives a form with a `locales` field of every locale. The site's
  forms (translation/views.py) narrow it to the user's languages, served at the same addresses
  (mounted before wagtail-localize's by translation/wagtail_hooks.py).
- The translation editor's hand-off (translation/handoff.py): the site's `before_edit_page` hook
  runs before wagtail-localize's (which serves its editor in place of the page editor) to answer
  *Submit for review* and check *Publish* (its POST `action=publish`), and
  templates/wagtail_localize/admin/edit_translation.html extends wagtail-localize's template,
  reading the `translation` and `instance` it is given.
"""

from wagtail_localize.views.edit_translation import user_can_edit_instance
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"

__all__ = [
    "TRANSLATION_ID_HEADER",
    "SubmitPageTranslationView",
    "SubmitSnippetTranslationView",
    "user_can_edit_instance",
]
