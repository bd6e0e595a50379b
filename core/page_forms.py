"""The admin's form for every page (`SitePage.base_form_class`): the pickers of translatable
snippets (topics, regions, partners, resource types, a story's country) offer only the edited
page's language, the many-valued ones as checkboxes, and another language's snippet is refused
on save by its name and language instead of Django's "not one of the available choices"."""

import functools

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.utils import set_query_params
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.widgets import AdminSnippetChooser

OTHER_LOCALE_MESSAGE = _(
    "This page is in %(language)s: choose its %(things)s in %(language)s, not %(names)s."
)


class SameLocaleChoices:
    """For a model choice field: the choices of one locale, and a clear refusal of others."""

    def limit_to_locale(self, locale):
        self.locale = locale
        self.every_locale = self.queryset
        self.queryset = self.queryset.filter(locale=locale)

    def refuse_other_locales(self, values):
        pks = [str(value) for value in values if str(value).isdigit()]
        others = (
            self.every_locale.filter(pk__in=pks)
            .exclude(locale=self.locale)
            .select_related("locale")
        )
        if others:
            names = ", ".join(f"“{other}” ({other.locale.get_display_name()})" for other in others)
            raise ValidationError(
                OTHER_LOCALE_MESSAGE,
                code="other_locale",
                params={
                    "language": self.locale.get_display_name(),
                    "things": self.queryset.model._meta.verbose_name_plural,
                    "names": names,
                },
            )


class SameLocaleMultipleChoiceField(SameLocaleChoices, forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        self.refuse_other_locales(value)
        return super()._check_values(value)


class SameLocaleChoiceField(SameLocaleChoices, forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values:
            self.refuse_other_locales([value])
        return super().to_python(value)


class SameLocaleChooser:
    """For a snippet chooser widget: its window opens on one locale's snippets (Wagtail's
    chooser views filter by `?locale=`). The window's own language filter still lets an editor
    look wider; the form then refuses another language's snippet on save."""

    locale = None

    def get_chooser_modal_url(self):
        return set_query_params(
            super().get_chooser_modal_url(), {"locale": self.locale.language_code}
        )


@functools.cache
def same_locale_chooser_class(chooser_class):
    # Wagtail makes one chooser class per snippet model (its icon, its URLs): keep it.
    return type(f"SameLocale{chooser_class.__name__}", (SameLocaleChooser, chooser_class), {})


def same_locale_widget(widget, locale):
    if not isinstance(widget, AdminSnippetChooser):
        return widget
    chooser = same_locale_chooser_class(type(widget))(attrs=widget.attrs)
    chooser.locale = locale
    return chooser


def same_locale_field(field, locale):
    """`field` (a ModelChoiceField of the generated form) limited to `locale`."""
    common = {
        "required": field.required,
        "label": field.label,
        "help_text": field.help_text,
        "disabled": field.disabled,
    }
    if isinstance(field, forms.ModelMultipleChoiceField):
        # A handful of choices per language: ticked boxes, not a Ctrl-click list.
        new_field = SameLocaleMultipleChoiceField(
            field.queryset, widget=forms.CheckboxSelectMultiple, **common
        )
    else:
        new_field = SameLocaleChoiceField(
            field.queryset,
            widget=same_locale_widget(field.widget, locale),
            empty_label=field.empty_label,
            **common,
        )
    new_field.limit_to_locale(locale)
    return new_field


def is_translatable_snippet_field(field):
    if not isinstance(field, forms.ModelChoiceField):
        return False
    model = field.queryset.model
    # Pages are chosen in any language on purpose: their translation is shown (e.g. the home
    # page's featured campaign).
    return issubclass(model, TranslatableMixin) and not issubclass(model, Page)


class LocalizedPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The create view gives the new page its parent's locale (or ?locale= under the root).
        locale = self.instance.locale if self.instance.locale_id else self.parent_page.locale
        for name, field in list(self.fields.items()):
            if is_translatable_snippet_field(field):
                self.fields[name] = same_locale_field(field, locale)
