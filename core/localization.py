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


def chosen_snippet_fields(model):
    """The many-to-many fields of `model` whose choices are translatable snippets (topics,
    regions, partners…), not pages."""
    from modelcluster.fields import ParentalManyToManyField
    from wagtail.models import Page, TranslatableMixin

    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, ParentalManyToManyField)
        and issubclass(field.related_model, TranslatableMixin)
        and not issubclass(field.related_model, Page)
    ]


def keep_chosen_snippets_in_locale(page):
    """Replaces the snippets chosen in `page`'s many-to-many fields by their translations into
    the page's locale, so that a translation made by wagtail-localize (which copies its source's
    choices) offers its own language's topics and regions. A snippet not translated into that
    locale yet is left out; the next synchronisation after its translation brings it in."""
    for field in chosen_snippet_fields(type(page)):
        chosen = list(getattr(page, field.name).all())
        if any(snippet.locale_id != page.locale_id for snippet in chosen):
            translations = {
                snippet.translation_key: snippet
                for snippet in field.related_model.objects.filter(
                    locale_id=page.locale_id,
                    translation_key__in=[snippet.translation_key for snippet in chosen],
                )
            }
            mapped = [translations.get(snippet.translation_key) for snippet in chosen]
            getattr(page, field.name).set([snippet for snippet in mapped if snippet])


def slug_of_translated_title(page):
    """For a translation whose slug is still its source's (translators seldom open the Promote
    tab, and wagtail-localize then copies the source's slug on every synchronisation): the slug
    of its translated title, free among its siblings, until it is first published; after that,
    the slug it was published with, so that its address stays. None when there is nothing to
    change."""
    from django.utils.text import slugify
    from wagtail.coreutils import find_available_slug
    from wagtail.models import Page

    if page.pk is None or page.is_root():
        return None
    source = (
        Page.objects.filter(translation_key=page.translation_key, slug=page.slug)
        .exclude(pk=page.pk)
        .first()
    )
    if source is None:
        return None
    if page.first_published_at is not None:
        return Page.objects.filter(pk=page.pk).values_list("slug", flat=True).first()
    if source.title == page.title:
        return None
    title_slug = slugify(page.title, allow_unicode=True)
    parent = page.get_parent()
    if not title_slug or parent is None:
        return None
    return find_available_slug(parent, title_slug, ignore_page_id=page.pk)
