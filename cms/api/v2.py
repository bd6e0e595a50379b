"""Wagtail's stable API at /api/v2/: pages, images, documents, the library's snippets, the
site's languages and one language's navigation and settings.

Pages and snippets show their `api_fields` (declared on the models, shared with API v3).
Beyond Wagtail's own parameters, pages take the resource library's filters
(`?type=resources.ResourcePage&resource_type=policy-brief&topic=…&region=…&year=2025&featured=true`),
and `pages/find/?html_path=/fr/…` finds pages by their localized public address.
"""

from contextlib import contextmanager

from django.http import Http404
from django.urls import path
from rest_framework.response import Response
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    OrderingFilter,
    SearchFilter,
)
from wagtail.api.v2.filters import TranslationOfFilter as PageTranslationOfFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import BaseSerializer, PageLocaleField
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import DraftStateMixin, Locale, Page, Site

from cms.api import facets, filters, limits, lookup, representations, site
from cms.api.fields import optimise_queryset, prepare_objects
from cms.api.preview import PagePreviewAPIViewSet
from cms.api.public_pages import public_pages
from cms.api.shapes import CompactJSON, TimestampedPageSerializer
from cms.api.v2_tags import TaggedListingMixin, with_prefetched_tags
from newsletter.models import MailingList
from resources.models import Partner, Region, ResourceType, Topic

# Filters ------------------------------------------------------------------------------------


class FieldsFilter:
    """`?<field>=<value>` on the model's own database fields, like Wagtail's, but every value
    is checked first (cms/api/filters.py): a malformed one is a 400, never a database error."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        fields -= {"locale", *getattr(view, "custom_filters", ())}
        names = [name for name in request.GET if name in fields]
        with filter_errors_as_400():
            return filters.filter_by_fields(request.GET, queryset, names)


@contextmanager
def filter_errors_as_400():
    try:
        yield
    except filters.FilterError as e:
        raise BadRequestError(str(e)) from e


def locale_from_request(request):
    """The Locale of `?locale=`, None without it; a 400 for a language the site doesn't have."""
    code = request.GET.get("locale")
    if code is None:
        return None
    locale = site.locale_or_none(code)
    if locale is None:
        languages = ", ".join(representations.language_codes())
        raise BadRequestError(f"locale '{code}' doesn't exist (one of: {languages})")
    return locale


class LocaleFilter:
    """`?locale=fr`: objects in that language."""

    def filter_queryset(self, request, queryset, view):
        locale = locale_from_request(request)
        if locale is None:
            return queryset
        return queryset.filter(locale=locale)


class SnippetTranslationOfFilter:
    """`?translation_of=<id>`: the other translations of that snippet."""

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("translation_of")
        if value is None:
            return queryset
        if not limits.is_id(value):
            raise BadRequestError("translation_of must be a positive integer")
        source = queryset.model.objects.filter(pk=int(value)).first()
        if source is None:
            raise BadRequestError("translation_of object doesn't exist")
        return queryset.filter(translation_key=source.translation_key).exclude(pk=source.pk)


class ResourceLibraryFilter:
    """The resource library's filters (cms/api/filters.py), for `?type=resources.ResourcePage`
    only: `resource_type`, `topic`, `region` and `partner` by slug (several separated by commas:
    any of them), `year` of publication or `year_from` and `year_to`. Newest first unless
    `order` or `search` is given.
    (`featured=true|false` and `publication_date` are plain field filters.)"""

    names = filters.LIBRARY_FILTERS

    def filter_queryset(self, request, queryset, view):
        ordered = "order" not in request.GET and "search" not in request.GET
        with filter_errors_as_400():
            return filters.filter_library(request.GET, queryset, ordered=ordered)


class StrictSearchFilter(SearchFilter):
    """Wagtail's `?search=`, with a 400 for an unknown `search_operator`. (It searches in the
    language of `?locale=`, which cms/api/urls.py activates.)"""

    def filter_queryset(self, request, queryset, view):
        if request.GET.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


class SnippetSearchFilter(StrictSearchFilter):
    """`?search=` on snippets, with their other filters: the search runs over all of them (their
    search index has no `locale` filter field) and the filtered list keeps the matches."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        matches = super().filter_queryset(request, view.get_queryset(), view)
        return queryset.filter(pk__in=[obj.pk for obj in matches])


# Endpoints ----------------------------------------------------------------------------------


class NotFoundSaysWhat:
    """A detail that its parameters filter away (`/api/v2/pages/3/?search=x`) is a bare 404 in
    Django REST framework, whose get_object_or_404 drops the message, and Wagtail's answer then
    has an empty `message`: it says what was not found instead."""

    def handle_exception(self, exc):
        if isinstance(exc, Http404) and not str(exc):
            name = self.model._meta.verbose_name
            exc = Http404(f"No {name} matches the given id and parameters.")
        return super().handle_exception(exc)


class ListingMixin:
    """Lists whose related snippets, images and pages are read with a fixed number of queries
    (`prepare_objects`, which reads their images with those of their blocks)."""

    shown_by_default = ""  # the `?fields=` a list shows without one: pages only a few

    def paginate_queryset(self, queryset):
        requested = self.request.GET.get("fields", self.shown_by_default)
        return prepare_objects(super().paginate_queryset(queryset), requested)


class PagesAPIViewSet(CompactJSON, NotFoundSaysWhat, ListingMixin, WagtailPagesAPIViewSet):
    base_serializer_class = TimestampedPageSerializer
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        PageTranslationOfFilter,
        LocaleFilter,
        ResourceLibraryFilter,
        StrictSearchFilter,  # last: search results cannot be filtered further
    ]
    custom_filters = ResourceLibraryFilter.names
    # What a page's head says costs more than a list should: its detail says it.
    detail_only_fields = [*WagtailPagesAPIViewSet.detail_only_fields, "seo"]
    known_query_parameters = WagtailPagesAPIViewSet.known_query_parameters.union(
        ["topic", "region", "partner", "year", "year_from", "year_to"]
    )

    def get_base_queryset(self, model=None):
        try:
            return public_pages(self.request, model)
        except ValueError as e:  # `?site=` matching several sites, as Wagtail answers it
            raise BadRequestError(str(e)) from e

    def get_queryset(self):
        try:
            models = page_models_from_string(self.request.GET.get("type") or "Page")
        except (LookupError, ValueError):
            models = []  # Wagtail's own answers the 400
        if len(models) == 1 and models[0] is not Page:
            # The pages of one type read directly, where Wagtail's takes them among the ids of
            # every public page (a subquery a database reads whole: every page of the site).
            queryset = self.get_base_queryset(models[0])
        else:
            queryset = super().get_queryset()
        return optimise_queryset(queryset, images=False)  # see ListingMixin

    def find_object(self, queryset, request):
        """`html_path` is a public address such as `/fr/ressources/un-rapport/`: the language
        prefix picks that language's home page (Wagtail's own `find` would look for a page
        with the slug `fr`), and untranslated pages are found where the site shows them."""
        if "html_path" in request.GET:
            site_obj = Site.find_for_request(request)
            found = lookup.resolve(request, request.GET["html_path"], site_obj, queryset)
            if found is not None and found.page is not None:
                return found.page  # the site's redirects followed, as in API v3
            if "id" not in request.GET:
                return None
        if "id" in request.GET:
            value = request.GET["id"]
            if not limits.is_id(value):
                raise BadRequestError("id must be a positive integer")
            return queryset.filter(pk=int(value)).first()
        return None


class SnippetSerializer(BaseSerializer):
    locale = PageLocaleField(read_only=True)


class SnippetsAPIViewSet(CompactJSON, NotFoundSaysWhat, ListingMixin, BaseAPIViewSet):
    """A translatable snippet: `?locale=`, `?translation_of=`, `?search=`, field filters such
    as `?slug=kenya`."""

    base_serializer_class = SnippetSerializer
    shown_by_default = "*"  # see get_listing_default_fields
    filter_backends = [
        FieldsFilter,
        OrderingFilter,
        LocaleFilter,
        SnippetTranslationOfFilter,
        SnippetSearchFilter,
    ]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(
        ["locale", "translation_of"]
    )
    meta_fields = [*BaseAPIViewSet.meta_fields, "locale"]

    def get_queryset(self):
        queryset = self.model.objects.all()
        if issubclass(self.model, DraftStateMixin):
            queryset = queryset.filter(live=True)
        return optimise_queryset(queryset, images=False).order_by("name", "pk")

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.get_available_fields(model)

    @classmethod
    def get_nested_default_fields(cls, model):
        return cls.get_available_fields(model)

    @classmethod
    def for_model(cls, model, name):
        return type(f"{model.__name__}APIViewSet", (cls,), {"model": model, "name": name})


class ImagesAPIViewSet(CompactJSON, NotFoundSaysWhat, TaggedListingMixin, WagtailImagesAPIViewSet):
    """Images with their alt text and renditions in lists too, as API v3 shows them."""

    base_serializer_class = with_prefetched_tags(WagtailImagesAPIViewSet.base_serializer_class)
    listing_default_fields = [*WagtailImagesAPIViewSet.listing_default_fields, "alt", "renditions"]

    def get_queryset(self):
        return (
            super().get_queryset().prefetch_renditions(*representations.IMAGE_RENDITIONS.values())
        )


class DocumentsAPIViewSet(
    CompactJSON, NotFoundSaysWhat, TaggedListingMixin, WagtailDocumentsAPIViewSet
):
    base_serializer_class = with_prefetched_tags(WagtailDocumentsAPIViewSet.base_serializer_class)


class NotAModel:
    """For endpoints that show no model: no nested object ever links to them."""


class SingleViewAPIViewSet(CompactJSON, BaseAPIViewSet):
    model = NotAModel
    known_query_parameters = frozenset(["format", "_"])

    def check_query_parameters(self, allowed=()):
        unknown = set(self.request.GET) - self.known_query_parameters - set(allowed)
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: "
                + ", ".join(sorted(unknown))
            )

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


class LocalesAPIViewSet(SingleViewAPIViewSet):
    """`/api/v2/locales/`: the site's languages, with their native name and direction."""

    name = "locales"

    def listing_view(self, request):
        self.check_query_parameters()
        items = site.languages(request)
        return Response({"meta": {"total_count": len(items)}, "items": items, "count": len(items)})


class SiteAPIViewSet(SingleViewAPIViewSet):
    """`/api/v2/site/?locale=fr`: the navigation, settings and redirects of one language
    (the default language without `locale`)."""

    name = "site"

    def listing_view(self, request):
        self.check_query_parameters(allowed={"locale"})
        locale = locale_from_request(request) or Locale.get_default()
        return Response(site.site_data(request, locale))


class ResourceFacetsAPIViewSet(SingleViewAPIViewSet):
    """`/api/v2/resources/facets/?locale=fr&topic=…`: the library's facet counts for the
    filters the page list takes (cms/api/facets.py)."""

    name = "resources/facets"

    def listing_view(self, request):
        self.check_query_parameters(allowed=facets.PARAMETERS)
        locale = locale_from_request(request) or Locale.get_default()
        with filter_errors_as_400():
            return Response(facets.library_facets(request, locale))


SNIPPETS = {
    "resource-types": ResourceType,
    "topics": Topic,
    "regions": Region,
    "partners": Partner,
    "mailing-lists": MailingList,
}
ENDPOINTS = {
    "pages": PagesAPIViewSet,
    "images": ImagesAPIViewSet,
    "documents": DocumentsAPIViewSet,
    # Drafts for a frontend's preview, by token (after "pages", which keeps the detail URLs).
    "page_preview": PagePreviewAPIViewSet,
    **{name: SnippetsAPIViewSet.for_model(model, name) for name, model in SNIPPETS.items()},
    "locales": LocalesAPIViewSet,
    "site": SiteAPIViewSet,
    "resources/facets": ResourceFacetsAPIViewSet,
}

api_router = WagtailAPIRouter("wagtailapi")
for _name, _viewset in ENDPOINTS.items():
    api_router.register_endpoint(_name, _viewset)
