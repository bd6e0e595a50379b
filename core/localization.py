"""Reading translatable objects in the visitor's language."""

from django.db.models import Q
from wagtail.models import Locale


def localized_objects(objects, locale):
    """Each object's translation in `locale` (the object itself where none exists), fetched in
    one query whatever the number of objects."""
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(
            locale=locale, translation_key__in=[obj.translation_key for obj in objects]
        )
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]


def for_active_locale(queryset):
    """The one object of a per-locale singleton (navigation, site settings) for the active
    locale, falling back to the default locale's."""
    active = Locale.get_active()
    default = Locale.get_default()
    candidates = queryset.filter(Q(locale=active) | Q(locale=default)).select_related("locale")
    by_locale = {obj.locale_id: obj for obj in candidates}
    return by_locale.get(active.pk) or by_locale.get(default.pk)


def localized_pages(pages, locale):
    """Each page's live translation in `locale`, falling back to the page itself, in one query.
    Pages that are neither live in `locale` nor live themselves are left out."""
    from wagtail.models import Page

    pages = [page for page in pages if page is not None]
    translations = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            locale=locale, translation_key__in=[page.translation_key for page in pages]
        )
    }
    return [
        found
        for found in (translations.get(page.translation_key) or page for page in pages)
        if found.live
    ]


def untranslated_page_url(page, locale, request=None):
    """Where visitors of `locale` read `page` while it has no translation into it: under its
    nearest translated ancestor (see SitePage.route). None when no ancestor is translated."""
    slugs = []
    current = page
    while current is not None and not current.is_root():
        translated = current.get_translation_or_none(locale)
        if translated is not None and translated.live:
            base = translated.get_url(request)
            return base and base + "".join(f"{slug}/" for slug in reversed(slugs))
        slugs.append(current.slug)
        current = current.get_parent()
    return None
