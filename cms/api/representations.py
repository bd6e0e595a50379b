"""How images, documents, snippets and pages look in both APIs (see cms/api/schemas.py).

Plain functions over model instances, shared by the serializers of `api_fields`
(cms/api/fields.py), the StreamField blocks (cms/blocks.py) and the site endpoints. They never
need the request: addresses are made absolute with WAGTAILAPI_BASE_URL.
"""

from collections import defaultdict

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext, pgettext
from wagtail.api.utils import get_full_url

from cms.api import schemas

# Rendition name → Wagtail filter spec. The names are part of the API contract.
IMAGE_RENDITIONS = {
    "w480_webp": "width-480|format-webp",
    "w960_webp": "width-960|format-webp",
    "w1440_webp": "width-1440|format-webp",
    "w480_jpeg": "width-480|format-jpeg",
    "w960_jpeg": "width-960|format-jpeg",
}


def full_url(url):
    return get_full_url(None, url) if url else url


def image_value(image) -> schemas.Image | None:
    if image is None:
        return None
    from wagtail.images.models import SourceImageIOError

    focal_point = None
    if image.has_focal_point():
        focal_point = schemas.FocalPoint(
            x=image.focal_point_x,
            y=image.focal_point_y,
            width=image.focal_point_width,
            height=image.focal_point_height,
        )
    try:
        by_spec = image.get_renditions(*IMAGE_RENDITIONS.values())
        renditions = {name: full_url(by_spec[spec].url) for name, spec in IMAGE_RENDITIONS.items()}
    except (SourceImageIOError, OSError):
        renditions = {}
    return schemas.Image(
        id=image.pk,
        title=image.title,
        alt=image.default_alt_text,
        width=image.width,
        height=image.height,
        focal_point=focal_point,
        renditions=schemas.ImageRenditions(**renditions),
    )


def document_value(document) -> schemas.Document | None:
    """A document visitors may download; None for one in a collection with view restrictions
    (such as the survivors' signed consent forms)."""
    if document is None or document.collection_id in restricted_collection_ids():
        return None
    size = document.file_size
    if size is None:
        try:
            size = document.file.size
        except OSError:
            size = None
    return schemas.Document(
        id=document.pk,
        title=document.title,
        url=full_url(document.url),
        filename=document.filename,
        format=document.file_extension.lower(),
        size=size,
    )


def restricted_collection_ids():
    """Collections closed to anonymous visitors (a view restriction on them or an ancestor)."""
    from wagtail.models import Collection, CollectionViewRestriction

    paths = list(
        Collection.objects.filter(
            pk__in=CollectionViewRestriction.objects.values("collection_id")
        ).values_list("path", flat=True)
    )
    if not paths:
        return set()
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return set(Collection.objects.filter(query).values_list("pk", flat=True))


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
        return schemas.Region(id=obj.pk, name=obj.name, slug=obj.slug, is_country=obj.is_country)
    if isinstance(obj, Partner):
        return schemas.Partner(
            id=obj.pk,
            name=obj.name,
            description=obj.description,
            url=obj.url,
            join_url=obj.join_url,
            logo=image_value(obj.logo),
        )
    return schemas.Topic(id=obj.pk, name=obj.name, slug=obj.slug)


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


def localize_related_snippets(pages, names):
    """Prepare the relations `names` of `pages` in each page's own language, with one query per
    snippet model whatever the number of pages (many-to-many relations should be prefetched)."""
    wanted = defaultdict(set)  # model → {(translation_key, locale_id)}
    sources = []
    for page in pages:
        for name in names:
            field = page._meta.get_field(name)
            if field.many_to_many:
                objects = list(getattr(page, name).all())
            else:
                obj = getattr(page, name)
                objects = [obj] if obj is not None else []
            sources.append((page, name, field.many_to_many, objects))
            for obj in objects:  # all of them, so that the queries don't depend on the content
                wanted[type(obj)].add((obj.translation_key, page.locale_id))
    found = {}
    for model, pairs in wanted.items():
        keys = {key for key, _locale in pairs}
        locales = {locale for _key, locale in pairs}
        for obj in model.objects.filter(translation_key__in=keys, locale_id__in=locales):
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


def public_page_ids(pages):
    """The ids among `pages` that anonymous visitors may see (live, without view restrictions)."""
    from wagtail.models import Page

    ids = [page.pk for page in pages if page is not None]
    if not ids:
        return set()
    return set(Page.objects.filter(pk__in=ids).live().public().values_list("pk", flat=True))


def page_summary(page) -> schemas.PageSummary:
    page = page.specific
    with translation.override(page.locale.language_code):
        summary = page.get_meta_description() if hasattr(page, "get_meta_description") else ""
        image = page.get_share_image() if hasattr(page, "get_share_image") else None
        content_warning = content_warning_value(page)
    return schemas.PageSummary(
        id=page.pk,
        type=page.specific_class._meta.label,
        locale=page.locale.language_code,
        title=page.title,
        url=page_url(page),
        content_warning=content_warning,
        summary=str(summary or ""),
        image=image_value(image),
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
    if topics and text:
        sentence = gettext("Content warning: %(topics)s. %(text)s")
    elif topics:
        sentence = gettext("Content warning: %(topics)s.")
    else:
        sentence = gettext("Content warning: %(text)s")
    labels = pgettext("list separator", ", ").join(topic["label"] for topic in topics)
    summary = sentence % {"topics": labels, "text": text}
    return schemas.ContentWarning(topics=topics, text=text, summary=summary)


def live_translation(page, locale):
    """`page` in `locale` (or itself when not translated) if anonymous visitors may see it."""
    if page is None:
        return None
    translated = page.get_translation_or_none(locale) or page
    if translated.pk in public_page_ids([translated]):
        return translated.specific
    return None


def page_translations(page) -> list[schemas.Translation]:
    translations = page.get_translations().live().public().select_related("locale")
    order = {code: index for index, code in enumerate(language_codes())}
    return [
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


def language_codes():
    from wagtail.coreutils import get_content_languages

    return list(get_content_languages())
