"""Reading translatable objects in the visitor's language."""


def active_locale():
    """The active Locale (Wagtail's `Locale.get_active()`), read once per request."""
    from core.request_memo import remembered

    code = active_language_code()
    return remembered(("active locale", code), lambda: locale_of(code))


def locale_of(language_code):
    """The Locale of `language_code`, else the default one (as `Locale.get_active()` falls
    back), from all the site's locales read in one query per request."""
    from wagtail.models import Locale

    from core.request_memo import remembered

    locales = remembered(
        "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()}
    )
    found = locales.get(language_code) or locales.get(default_language_code())
    return found or Locale.get_default()


def default_language_code():
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant

    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def remember_active_locale(locale):
    """Spares `active_locale()` its query when `locale`, already read, is the active one."""
    from core.request_memo import request_memo

    if locale.language_code == active_language_code():
        request_memo().setdefault(("active locale", locale.language_code), locale)


def localized_in_every_block(objects):
    """`localized_objects(objects)` for snippets that many blocks of a page choose (helplines):
    the active language's translations of the model read once per request for all of them."""
    from core.request_memo import remembered

    objects = list(objects)
    locale = active_locale()
    if all(obj.locale_id == locale.pk for obj in objects):
        return objects
    model = type(objects[0])
    translations = remembered(
        ("translations", model._meta.label, locale.pk),
        lambda: {obj.translation_key: obj for obj in model.objects.filter(locale=locale)},
    )
    return [translations.get(obj.translation_key, obj) for obj in objects]


def localized_objects(objects, locale=None):
    """Each object's translation in `locale` (a Locale or its id, the active one by default;
    the object itself where none exists), fetched in at most one query whatever the number of
    objects: none when they all are in that locale already."""
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    locale_id = getattr(locale or active_locale(), "pk", locale)  # a Locale or its id
    if all(obj.locale_id == locale_id for obj in objects):
        return objects
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(
            translation_key__in=[obj.translation_key for obj in objects], locale_id=locale_id
        )
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]


def active_language_code():
    """The language code of the active locale, as Wagtail's `Locale.get_active` reads it (no
    query: filter on `locale__language_code` rather than fetching the Locale first)."""
    from django.conf import settings
    from django.utils import translation
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def for_active_locale(queryset):
    """The one object of a per-locale singleton (navigation, site settings) for the active
    locale, falling back to the default locale's, in one query."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant

    active = active_language_code()
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    candidates = queryset.filter(locale__language_code__in={active, default}).select_related(
        "locale"
    )
    by_language = {obj.locale.language_code: obj for obj in candidates}
    return by_language.get(active) or by_language.get(default)


def localized_pages(pages, locale=None):
    """Each page's live translation in `locale` (the active one by default), falling back to
    the page itself, in one query. Pages that are neither live in `locale` nor live themselves
    are left out."""
    from wagtail.models import Page

    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    in_locale = {"locale": locale} if locale else {"locale__language_code": active_language_code()}
    translations = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=[page.translation_key for page in pages], **in_locale
        )
    }
    return [
        found
        for found in (translations.get(page.translation_key) or page for page in pages)
        if found.live
    ]


def localized_pages_by_id(page_ids, require_live=True):
    """{id: page} for the ids of `page_ids` (None left out): each page's live translation in
    the active language, else the page itself (if live, unless `require_live` is false), in one
    query."""
    from django.db.models import Q
    from wagtail.models import Page

    ids = {page_id for page_id in page_ids if page_id}
    if not ids:
        return {}
    chosen_keys = Page.objects.filter(pk__in=ids).values("translation_key")
    candidates = list(
        Page.objects.filter(
            Q(pk__in=ids)
            | Q(
                translation_key__in=chosen_keys,
                locale__language_code=active_language_code(),
                live=True,
            )
        )
    )
    translations = {page.translation_key: page for page in candidates if page.pk not in ids}
    found = {
        page.pk: translations.get(page.translation_key, page)
        for page in candidates
        if page.pk in ids
    }
    return {page_id: page for page_id, page in found.items() if page.live or not require_live}


def live_translations(page):
    """`page` in every language visitors may see it in (live, without view restrictions), itself
    included, read once per request: the language switcher and the head's hreflang links
    (core/seo.py) both show them."""
    from core.request_memo import remembered
    from core.restrictions import restricted

    return remembered(
        ("live translations", page.pk),
        lambda: list(
            page.get_translations(inclusive=True)
            .live()
            .exclude(restricted())
            .select_related("locale")
        ),
    )


def untranslated_page_urls(page, language_codes, request=None):
    """{language code: where visitors of that language read `page`} for `language_codes`, in
    which it has no translation: under its nearest translated ancestor (see SitePage.route); no
    entry for a language where no ancestor is translated. One query, whatever the depth."""
    from django.db.models import Q
    from wagtail.models import Page

    steps = range(page.steplen, len(page.path) + 1, page.steplen)
    ancestor_paths = [page.path[:end] for end in steps][1:]  # below the root
    ancestor_keys = Page.objects.filter(path__in=ancestor_paths).values("translation_key")
    rows = list(
        Page.objects.filter(
            Q(path__in=ancestor_paths)
            | Q(
                translation_key__in=ancestor_keys,
                locale__language_code__in=language_codes,
                live=True,
            )
        ).select_related("locale")
    )
    ancestors = sorted((row for row in rows if row.path in ancestor_paths), key=len_of_path)
    translations = {(row.translation_key, row.locale.language_code): row for row in rows}
    urls = {}
    for code in language_codes:
        slugs = []
        for current in reversed(ancestors):
            translated = translations.get((current.translation_key, code))
            if translated is not None and translated.live:
                base = translated.get_url(request)
                if base:
                    urls[code] = base + "".join(f"{slug}/" for slug in reversed(slugs))
                break
            slugs.append(current.slug)
    return urls


def len_of_path(page):
    return len(page.path)


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
