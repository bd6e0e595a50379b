"""Serializers for `api_fields`, read by both APIs.

API v2 uses them as DRF fields. API v3 calls the same `to_representation` and types the field
in its OpenAPI document from the method's return annotation (see Wagtail's
`SchemaGenerator._custom_serializer_schema`), so every field here declares what it returns.

Each field reads the whole page (`get_attribute` returns the instance) so that it can answer in
the page's own language: related snippets, page links in rich text and site settings follow the
page, not the language of the request.
"""

import datetime
import re
from contextlib import contextmanager
from typing import Any

from django.utils import translation
from rest_framework.fields import Field
from wagtail.api import APIField

from cms.api import api_request, representations, schemas, wagtail_patches
from cms.api.streams import stream_item_type
from core import seo
from core.alt_text import alt_text
from core.chosen import known, read_what_pages_choose
from core.localization import remember_active_locale
from core.rich_text import prefetch_links, rich_text_for_api


class PageField(Field):
    """A read-only field computed from the page itself, in the page's language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    @property
    def request(self):
        """The request answered: API v2 gives it in the serializer's context; API v3 calls the
        serializers of `api_fields` without one (Wagtail's shim for them), so it is read from
        where cms/api/urls.py keeps it."""
        return self.context.get("request") or api_request.current()

    def get_attribute(self, instance):
        if not instance.__dict__.get(PREPARED):
            prepare_objects([instance])  # a detail: what all its fields show, read together
        return instance

    @staticmethod
    @contextmanager
    def language(page):
        with translation.override(page.locale.language_code):
            remember_active_locale(page.locale)  # for blocks that read the active locale
            yield


class PlainTextField(PageField):
    """A text field of the page as it is. Declared with a serializer only to keep its place:
    API v3 puts fields without one before all others, whatever the order of `api_fields`."""

    def to_representation(self, page) -> str:
        return getattr(page, self.field_name)


class ImageField(PageField):
    """An image with its alt text (for this use, in the page's language: the field
    `<name>_alt` beside it, else the image's description), focal point and ready renditions
    (WebP and JPEG)."""

    def to_representation(self, page) -> schemas.Image:
        image = getattr(page, self.field_name)
        return representations.image_value(image, getattr(page, f"{self.field_name}_alt", ""))


class OfTheImage(Field):
    """A read-only field of `/images/` computed from the image itself."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance


class ImageAltField(OfTheImage):
    """The image's own alt text (its description), read where a page says none of its own;
    empty for a decorative image."""

    def to_representation(self, image) -> str:
        return alt_text(image)


class ImageRenditionsField(OfTheImage):
    """The ready renditions of the image, as pages show them."""

    def to_representation(self, image) -> schemas.ImageRenditions:
        return representations.image_renditions(image)


class RichTextHTMLField(PageField):
    """Rich text as HTML with real addresses (no `linktype` left), or in the format of
    `?rich_text_format=`; links to pages lead to their translation in the page's language."""

    def to_representation(self, page) -> str:
        value = getattr(page, self.field_name)
        features = page._meta.get_field(self.field_name).features
        with self.language(page):
            prefetch_links(page)  # all the page's links at once (done before for a list)
            return rich_text_for_api(value, self.request, features=features)


class StreamSerializer(PageField):
    """What the serializers of StreamFields share (see `stream_field`)."""


def stream_field(type_name, stream_block):
    """A serializer for a StreamField: blocks as `{"type", "value", "id"}`, each value typed by
    its block (see cms/api/streams.py). `type_name` names the item type of an unnamed stream."""
    item_type = stream_item_type(stream_block, type_name)

    class StreamField(StreamSerializer):
        def to_representation(self, page):
            value = getattr(page, self.field_name)
            context = {"request": self.request, "page": page}
            with self.language(page):
                prefetch_links(page)  # all the page's links at once (done before for a list)
                return value.stream_block.get_api_representation(value, context)

    StreamField.to_representation.__annotations__["return"] = list[item_type]
    StreamField.__name__ = StreamField.__qualname__ = f"{type_name}Field"
    return StreamField()


class SnippetField(PageField):
    """Related snippets (a foreign key or a many-to-many relation) in the page's language."""

    def related(self, page):
        return representations.related_snippets(page, self.field_name)


class ResourceTypeField(SnippetField):
    def to_representation(self, page) -> schemas.ResourceType:
        return representations.snippet_value(self.related(page))


class RegionField(SnippetField):
    def to_representation(self, page) -> schemas.Region:
        return representations.snippet_value(self.related(page))


class TopicsField(SnippetField):
    def to_representation(self, page) -> list[schemas.Topic]:
        return [representations.snippet_value(obj) for obj in self.related(page)]


class RegionsField(SnippetField):
    def to_representation(self, page) -> list[schemas.Region]:
        return [representations.snippet_value(obj) for obj in self.related(page)]


class PartnersField(SnippetField):
    def to_representation(self, page) -> list[schemas.Partner]:
        return [representations.snippet_value(obj) for obj in self.related(page)]


class TranslationsField(PageField):
    """The page's live, public translations into other languages."""

    def to_representation(self, page) -> list[schemas.Translation]:
        return representations.page_translations(page)


class SeoField(PageField):
    """What the site's own `<head>` says of the page (core/seo.py): title, description,
    canonical and hreflang addresses, the shared image. In details only (see cms/api/v2.py)."""

    def to_representation(self, page) -> schemas.Seo:
        versions = [*([page] if page.live else []), *representations.other_translations(page)]
        with self.language(page):
            return seo.page_head(page, versions)


class RelatedPageField(PageField):
    """A page linked by a foreign key, in the page's language, if visitors may see it."""

    def to_representation(self, page) -> schemas.PageSummary:
        related = representations.related_page(page, self.field_name)
        summaries = representations.linkable_summaries([related] if related else [])
        return summaries[0] if summaries else None


class PageListField(PageField):
    """A list of pages given by a method or property of the page (already live and public).
    `prefetch` names a class method of the model that prepares it for a whole list of pages."""

    def __init__(self, source_attribute, prefetch=None, **kwargs):
        self.source_attribute = source_attribute
        self.prefetch = prefetch
        super().__init__(**kwargs)

    def to_representation(self, page) -> list[schemas.PageSummary]:
        return representations.linkable_summaries(self.get_pages(page))

    def get_pages(self, page):
        value = getattr(page, self.source_attribute)
        return value() if callable(value) else value


class DateField(PageField):
    """A date computed by a method of the page, e.g. the next awareness day."""

    def __init__(self, method, **kwargs):
        self.method = method
        super().__init__(**kwargs)

    def to_representation(self, page) -> datetime.date:
        value = getattr(page, self.method)()
        return value.isoformat() if value else None


class AgeRangeField(PageField):
    """The age range as its stable code and its label in the page's language."""

    def to_representation(self, page) -> schemas.AgeRange:
        code = getattr(page, self.field_name)
        if not code:
            return None
        with self.language(page):
            label = str(getattr(page, f"get_{self.field_name}_display")())
        return {"code": code, "label": label}


class ContentWarningField(PageField):
    """A survivor story's content warning in the page's language: the ticked subjects with
    their labels, the editor's own words and one sentence combining both; null without one."""

    def to_representation(self, page) -> schemas.ContentWarning:
        with self.language(page):
            return representations.content_warning_value(page)


def page_api_fields(*fields: Any) -> list[APIField]:
    """`api_fields` of a page type: its own fields, its live, public translations, then what its
    `<head>` says (`seo`)."""
    return [
        *fields,
        APIField("translations", serializer=TranslationsField()),
        APIField("seo", serializer=SeoField()),
    ]


# Lists of pages at a constant number of queries ------------------------------------------------


def _serializers(model, field_class):
    return [
        field.name
        for field in getattr(model, "api_fields", ())
        if isinstance(field, APIField) and isinstance(field.serializer, field_class)
    ]


def optimise_queryset(queryset, images=True):
    """Fetch what the `api_fields` of the queryset's model show with a fixed number of queries:
    related snippets joined or prefetched; images prefetched with their API renditions unless
    `images` is false (lists that `prepare_objects` reads them with their blocks' images)."""
    from django.db.models import Prefetch

    model = queryset.model
    queryset = queryset.select_related("locale")
    for name in _serializers(model, SnippetField):
        field = model._meta.get_field(name)
        if field.many_to_many:
            related = field.related_model.objects.select_related(
                *representations.image_fields(field.related_model)
            )
            queryset = queryset.prefetch_related(Prefetch(name, queryset=related))
        else:
            queryset = queryset.select_related(name)
    if images:
        for name in _serializers(model, ImageField):
            queryset = queryset.prefetch_related(Prefetch(name, queryset=api_images()))
    return queryset


def api_images():
    """Images as the APIs read them: with the renditions they show."""
    from wagtail.images import get_image_model

    return get_image_model().objects.prefetch_renditions(*representations.IMAGE_RENDITIONS.values())


PREPARED = "_api_prepared"


def prepare_objects(objects, requested="*"):
    """Read what a list of pages (or snippets) shows with a fixed number of queries whatever
    its length: related snippets in each one's language (one query per snippet model, when
    one is in another language); for the fields in `requested` (a `?fields=` value), their
    images and what the blocks of their StreamFields choose (core/chosen.py: one query per
    model, with the documents their rich texts link to), the pages those link to, the pages'
    translations and related pages, for all of them at once."""
    objects = list(objects)
    if not objects:
        return objects
    model = type(objects[0])
    names = _serializers(model, SnippetField)
    if names:
        representations.localize_related_snippets(objects, names)
    shown = [name for name in api_field_names(model) if is_requested(name, requested)]
    read_chosen_objects(objects, shown)
    streams = [name for name in _serializers(model, StreamSerializer) if name in shown]
    for name in streams:
        wagtail_patches.convert_streams_together([getattr(obj, name) for obj in objects])
    texts = [*streams, *(name for name in _serializers(model, RichTextHTMLField) if name in shown)]
    if texts:
        for language, pages in by_language(objects).items():
            with translation.override(language):
                prefetch_links(*pages)
    if "translations" in shown:
        representations.prefetch_translations(objects)
    related = [name for name in _serializers(model, RelatedPageField) if name in shown]
    if related:
        representations.prefetch_related_pages(objects, related)
    for field in getattr(model, "api_fields", ()):
        prefetch = getattr(field.serializer, "prefetch", None)
        if prefetch and field.name in shown:
            getattr(model, prefetch)(objects)
    for obj in objects:
        obj.__dict__[PREPARED] = True
    return objects


def read_chosen_objects(objects, shown):
    """The images of the `shown` ImageFields of `objects` and what their shown StreamFields
    choose, read together (images with their API renditions), the images set on the objects."""
    from wagtail.images import get_image_model

    image_model = get_image_model()
    images = [
        name
        for name in _serializers(type(objects[0]), ImageField)
        if name in shown and objects[0]._meta.get_field(name).many_to_one
    ]
    unread = [
        (obj, name)
        for obj in objects
        for name in images
        if not obj._meta.get_field(name).is_cached(obj)
    ]
    read_what_pages_choose(
        objects,
        fields=shown,
        also={image_model: {getattr(obj, f"{name}_id") for obj, name in unread}},
        querysets={image_model: api_images()},
    )
    found = known(image_model)
    for obj, name in unread:
        image = found.get(getattr(obj, f"{name}_id"))
        if image is not None:
            setattr(obj, name, image)


def api_field_names(model):
    return [field.name for field in getattr(model, "api_fields", ()) if isinstance(field, APIField)]


def is_requested(name, requested):
    """Whether a `?fields=` value asks for field `name` (or all with `*`); roughly: a field it
    names only to leave out is prepared for nothing."""
    return "*" in requested or name in re.findall(r"\w+", requested)


def by_language(objects):
    groups = {}
    for obj in objects:
        code = obj.locale.language_code if hasattr(obj, "locale_id") else None
        groups.setdefault(code, []).append(obj)
    return groups
