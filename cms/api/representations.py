"""How images, documents, snippets and pages look in both APIs (see cms/api/schemas.py).

Plain functions over model instances, shared by the serializers of `api_fields`
(cms/api/fields.py) and the site endpoints; images, documents and page links are shaped by
core/representations.py, which the StreamField blocks use too. They never
need the request: addresses are made absolute with WAGTAILAPI_BASE_URL.
"""

from collections import defaultdict

from django.utils import translation

from cms.api import schemas
from core.representations import (  # noqa: F401 – part of this module's vocabulary
    IMAGE_RENDITIONS,
    document_value,
    full_url,
    image_renditions,
    image_value,
    public_page_ids,
    restricted_collection_ids,
)
from core.restrictions import restricted


def snippet_value(obj):
    """A resource type, topic, region or partner as nested in pages (and listed on its own)."""
    if obj is None:
        return None
    from resources.models import Partner, Region, ResourceType

    if isinstance(obj, ResourceType):
        return schemas.ResourceType(
            id=obj.pk, name=obj.name, slug=obj.slug, description=obj.description
        )
    if isinstance(obj, Region):
        return schemas.Region(
            id=obj.pk,
            name=obj.name,
            slug=obj.slug,
            description=obj.description,
            is_country=obj.is_country,
        )
    if isinstance(obj, Partner):
        return schemas.Partner(
            id=obj.pk,
            name=obj.name,
            slug=obj.slug,
            description=obj.description,
            url=obj.url,
            join_url=obj.join_url,
            logo=image_value(obj.logo, obj.logo_alt),
        )
    return schemas.Topic(id=obj.pk, name=obj.name, slug=obj.slug, description=obj.description)


# Related snippets in the page's own language ---------------------------------------------------

LOCALIZED_CACHE = "_api_localized"


def related_snippets(page, name):
    """The snippet(s) of `page`'s relation `name` (a foreign key or many-to-many), each in
    `page`'s language when translated. Uses what `localize_related_snippets` prepared."""
    prepared = getattr(page, LOCALIZED_CACHE, {})
    if name in prepared:
        return prepared[name]
    localize_related_snippets([page], [name])
    return getattr(page, LOCALIZED_CACHE)[name]


def image_fields(model):
    """The foreign keys of a snippet model to images (a partner's logo), joined when read."""
    from wagtail.images import get_image_model

    return [
        field.name
        for field in model._meta.concrete_fields
        if field.many_to_one and field.related_model is get_image_model()
    ]


def related_manager(page, name):
    """`page.<name>` (many-to-many), with the snippets' images joined unless prefetched."""
    manager = getattr(page, name)
    if name in getattr(page, "_prefetched_objects_cache", {}):
        return manager
    return manager.select_related(*image_fields(manager.model))


def localize_related_snippets(pages, names):
    """Prepare the relations `names` of `pages` in each page's own language, with at most one
    query per snippet model whatever the number of pages (many-to-many relations should be
    prefetched), and none for a model whose chosen snippets all are in their page's language
    (as pages keep them: SitePage.save)."""
    wanted = defaultdict(set)  # model → {(translation_key, locale_id)}
    sources = []
    for page in pages:
        for name in names:
            field = page._meta.get_field(name)
            if field.many_to_many:
                objects = list(related_manager(page, name).all())
            else:
                obj = getattr(page, name)
                objects = [obj] if obj is not None else []
            sources.append((page, name, field.many_to_many, objects))
            for obj in objects:
                if obj.locale_id != page.locale_id:
                    wanted[type(obj)].add((obj.translation_key, page.locale_id))
    found = {}
    for model, pairs in wanted.items():
        keys = {key for key, _locale in pairs}
        locales = {locale for _key, locale in pairs}
        translations = model.objects.filter(translation_key__in=keys, locale_id__in=locales)
        for obj in translations.select_related(*image_fields(model)):
            found[(model, obj.translation_key, obj.locale_id)] = obj
    for page, name, many, objects in sources:
        localized = [
            obj
            if obj.locale_id == page.locale_id
            else found.get((type(obj), obj.translation_key, page.locale_id), obj)
            for obj in objects
        ]
        cache = page.__dict__.setdefault(LOCALIZED_CACHE, {})
        cache[name] = localized if many else (localized[0] if localized else None)


# Pages -------------------------------------------------------------------------------------------


def page_url(page):
    try:
        return page.get_full_url()
    except Exception:  # noqa: BLE001 – a page outside every site has no public address
        return None


def linkable_summaries(pages) -> list[schemas.PageSummary]:
    """The summaries of `pages` that have a public address: a page in a tree no site serves
    (an archive) cannot be linked to, so it is left out rather than sent without a `url`."""
    return [summary for summary in map(page_summary, pages) if summary["url"] is not None]


def page_summary(page) -> schemas.PageSummary:
    page = page.specific
    with translation.override(page.locale.language_code):
        summary = page.get_summary() if hasattr(page, "get_summary") else ""
        image = page.get_share_image() if hasattr(page, "get_share_image") else None
        alt = page.get_share_image_alt() if image else ""
        content_warning = content_warning_value(page)
    return schemas.PageSummary(
        id=page.pk,
        type=page.specific_class._meta.label,
        locale=page.locale.language_code,
        title=page.title,
        url=page_url(page),
        content_warning=content_warning,
        summary=str(summary or ""),
        image=image_value(image, alt),
    )


def content_warning_value(page) -> schemas.ContentWarning | None:
    """What a reader is warned of before a survivor's story, in the active language (activate
    the page's); None for a story without a warning and for other page types."""
    if not getattr(page, "has_content_warning", False):
        return None
    topics = [
        schemas.ContentWarningTopic(code=code, label=str(label))
        for code, label in page.content_warning_labels
    ]
    text = page.content_warning
    summary = page.content_warning_summary()
    return schemas.ContentWarning(topics=topics, text=text, summary=summary)


def live_translation(page, locale):
    """`page` in `locale` (or itself when not translated) if anonymous visitors may see it."""
    if page is None:
        return None
    translated = page.get_translation_or_none(locale) or page
    if translated.pk in public_page_ids([translated]):
        return translated.specific
    return None


RELATED_CACHE = "_api_related_pages"


def related_page(page, name):
    """The page of `page`'s foreign key `name` in `page`'s language (its translation, else
    itself), of its specific type, if anonymous visitors may see it; else None. Uses what
    `prefetch_related_pages` prepared."""
    prepared = page.__dict__.get(RELATED_CACHE, {})
    if name not in prepared:
        prefetch_related_pages([page], [name])
    return page.__dict__[RELATED_CACHE][name]


def prefetch_related_pages(pages, names):
    """Prepare `related_page` for the foreign keys `names` of `pages`, with one query per key
    whatever the number of pages: the pages chosen and their translations into the pages'
    languages, with what their summaries show joined."""
    from django.db.models import Q

    from core.restrictions import is_public
    from core.routing import joined_relations

    for name in names:
        field = pages[0]._meta.get_field(name)
        model = field.related_model
        ids = {getattr(page, field.attname) for page in pages} - {None}
        keys = model.objects.filter(pk__in=ids).values("translation_key")
        locales = {page.locale_id for page in pages}
        candidates = list(
            model.objects.filter(Q(pk__in=ids) | Q(translation_key__in=keys, locale_id__in=locales))
            .annotate(public=is_public())
            .select_related(*joined_relations(model))
        )
        by_id = {candidate.pk: candidate for candidate in candidates}
        by_language = {(other.translation_key, other.locale_id): other for other in candidates}
        for page in pages:
            chosen = by_id.get(getattr(page, field.attname))
            if chosen is not None:
                chosen = by_language.get((chosen.translation_key, page.locale_id), chosen)
            shown = chosen if chosen is not None and chosen.public else None
            page.__dict__.setdefault(RELATED_CACHE, {})[name] = shown


TRANSLATIONS_CACHE = "_api_translations"


def prefetch_translations(pages):
    """Prepare `page_translations` of `pages` with one query whatever their number."""
    from wagtail.models import Page

    found = defaultdict(list)
    for other in (
        Page.objects.filter(translation_key__in={page.translation_key for page in pages})
        .live()
        .exclude(restricted())
        .select_related("locale")
    ):
        found[other.translation_key].append(other)
    for page in pages:
        page.__dict__[TRANSLATIONS_CACHE] = [
            other for other in found[page.translation_key] if other.pk != page.pk
        ]


def other_translations(page):
    """The page's live, public translations into other languages (what `prefetch_translations`
    prepared, else read once for the page)."""
    translations = page.__dict__.get(TRANSLATIONS_CACHE)
    if translations is None:
        translations = list(
            page.get_translations().live().exclude(restricted()).select_related("locale")
        )
        page.__dict__[TRANSLATIONS_CACHE] = translations
    return translations


def page_translations(page) -> list[schemas.Translation]:
    translations = other_translations(page)
    order = {code: index for index, code in enumerate(language_codes())}
    found = [
        schemas.Translation(
            locale=other.locale.language_code,
            id=other.pk,
            title=other.title,
            url=page_url(other),
        )
        for other in sorted(
            translations, key=lambda other: order.get(other.locale.language_code, len(order))
        )
    ]
    return [other for other in found if other["url"] is not None]  # see linkable_summaries


def language_codes():
    from wagtail.coreutils import get_content_languages

    return list(get_content_languages())
