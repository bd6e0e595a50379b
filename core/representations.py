"""How images, documents and links to pages look as JSON: in StreamField blocks' API
representation (core/blocks.py) and in both APIs (cms/api/representations.py), which build on
these. Addresses are absolute, made with WAGTAILAPI_BASE_URL; no request is needed."""

from typing import NotRequired

from typing_extensions import TypedDict
from wagtail.api.utils import get_full_url

from core.alt_text import alt_text
from core.renditions import API_RENDITIONS


class FocalPoint(TypedDict):
    """The part of the image to keep when cropping, in pixels of the original image."""

    x: int
    y: int
    width: int
    height: int


class ImageRenditions(TypedDict):
    """Ready-made versions of the image: `w{width}_{format}` → absolute URL (images narrower
    than a width are not enlarged), and `share_jpeg`, the 1200×630 crop around the focal point
    that shared links show (`og:image`). A fixed list: no other sizes are made on request.
    Missing only when the original file cannot be read."""

    w480_webp: NotRequired[str]
    w960_webp: NotRequired[str]
    w1440_webp: NotRequired[str]
    w480_jpeg: NotRequired[str]
    w960_jpeg: NotRequired[str]
    share_jpeg: NotRequired[str]


class Image(TypedDict):
    """`alt` is read aloud to visitors who cannot see the image: where a page shows it, the alt
    text written for that use in the page's language, else the image's description; empty for
    a decorative image."""

    id: int
    title: str
    alt: str
    width: int
    height: int
    focal_point: FocalPoint | None
    renditions: ImageRenditions


class Document(TypedDict):
    id: int
    title: str
    url: str
    filename: str
    format: str
    size: int | None


class Helpline(TypedDict):
    """A helpline to call: `phone` as people dial it, `phone_link` the same as a tel: address."""

    id: int
    country: str
    name: str
    phone: str
    phone_link: str
    hours: str
    note: str


# Rendition name → Wagtail filter spec (core/renditions.py, with the templates' own).
IMAGE_RENDITIONS = API_RENDITIONS


def full_url(url):
    return get_full_url(None, url) if url else url


def image_value(image, alt="") -> Image | None:
    """`image` where a page or block shows it with the alt text `alt` (written for that use, in
    the page's language): the image's description when empty (core/alt_text.py)."""
    if image is None:
        return None
    focal_point = None
    if image.has_focal_point():
        focal_point = FocalPoint(
            x=image.focal_point_x,
            y=image.focal_point_y,
            width=image.focal_point_width,
            height=image.focal_point_height,
        )
    return Image(
        id=image.pk,
        title=image.title,
        alt=alt_text(image, alt),
        width=image.width,
        height=image.height,
        focal_point=focal_point,
        renditions=image_renditions(image),
    )


def image_renditions(image) -> ImageRenditions:
    from wagtail.images.models import SourceImageIOError

    try:
        by_spec = image.get_renditions(*IMAGE_RENDITIONS.values())
        renditions = {name: full_url(by_spec[spec].url) for name, spec in IMAGE_RENDITIONS.items()}
    except (SourceImageIOError, OSError):
        renditions = {}
    return ImageRenditions(**renditions)


def document_value(document) -> Document | None:
    """A document visitors may download; None for one in a collection with view restrictions
    (such as the survivors' signed consent forms)."""
    if document is None or in_restricted_collection(document):
        return None
    size = document.file_size
    if size is None:
        try:
            size = document.file.size
        except OSError:
            size = None
    return Document(
        id=document.pk,
        title=document.title,
        url=full_url(document.url),
        filename=document.filename,
        format=document.file_extension.lower(),
        size=size,
    )


def in_restricted_collection(document):
    """Whether `document`'s collection (or an ancestor) has a view restriction: as read with the
    document (`documents_with_their_privacy`), else from the collections read for the request."""
    known = getattr(document, "in_restricted_collection", None)
    if known is not None:
        return known
    return document.collection_id in restricted_collection_ids()


def documents_with_their_privacy():
    """Documents, each read with whether a view restriction closes its collection: showing one
    then needs no query of its own."""
    from django.db.models import Exists, F, OuterRef
    from django.db.models.lookups import StartsWith
    from wagtail.documents import get_document_model
    from wagtail.models import CollectionViewRestriction

    restrictions = CollectionViewRestriction.objects.filter(
        StartsWith(OuterRef("collection__path"), F("collection__path"))
    )
    return get_document_model().objects.annotate(in_restricted_collection=Exists(restrictions))


def restricted_collection_ids():
    """Collections closed to anonymous visitors (a view restriction on them or an ancestor),
    read once per request."""
    from core.request_memo import remembered

    return remembered("restricted collection ids", read_restricted_collection_ids)


def read_restricted_collection_ids():
    """The collections with a view restriction on them or an ancestor, in one query."""
    from django.db.models import Exists, F, OuterRef
    from django.db.models.lookups import StartsWith
    from wagtail.models import Collection, CollectionViewRestriction

    restrictions = CollectionViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("collection__path"))
    )
    return set(Collection.objects.filter(Exists(restrictions)).values_list("pk", flat=True))


def public_page_ids(pages):
    """The ids among `pages` that anonymous visitors may see (live, without view restrictions)."""
    from wagtail.models import Page

    from core.restrictions import restricted

    ids = [page.pk for page in pages if page is not None]
    if not ids:
        return set()
    return set(
        Page.objects.filter(pk__in=ids).live().exclude(restricted()).values_list("pk", flat=True)
    )


def helpline_value(helpline) -> Helpline:
    return Helpline(
        id=helpline.pk,
        country=helpline.country,
        name=helpline.name,
        phone=helpline.phone,
        phone_link=helpline.phone_link,
        hours=helpline.hours,
        note=helpline.note,
    )
