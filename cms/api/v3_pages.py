"""API v3's page list, `GET /api/v3/pages/`, in place of Wagtail's (same address, operation id
and parameters): it filters like API v2's, refuses what it does not know, and shows each page
as a card.

- The resource library's filters, declared in the OpenAPI document: `resource_type`, `topic`,
  `region` and `partner` by slug (repeated, or separated by commas: any of them), `year`,
  `year_from`, `year_to`, `featured` and `publication_date`, with
  `type=resources.ResourcePage` (cms/api/filters.py, shared with API v2: the same slugs in
  every language). Wagtail's would read `resource_type` as a number, the
  snippet's id in one language, and ignore the others.
- A parameter that is neither declared nor a database field of the pages' `api_fields` is a
  400, as in API v2 (Wagtail's ignores it, so that a misspelt filter silently lists everything).
- Each item carries its `card` (cms/api/cards.py): what the site's own cards show, read with a
  fixed number of queries per page type whatever the list's length. Wagtail's items are only
  `{id, meta, title}`: a library of 15 resources cost 15 more requests.
"""

import datetime
from typing import cast

from django.http import HttpRequest
from ninja import Field, Query, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from wagtail.api import APIField
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.routers import pages as wagtail_pages
from wagtail.api.v3.schemas import BasePageSchema
from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
from wagtail.api.v3.schemas.params import OrderingSchema, SearchSchema
from wagtail.models import Page

from cms.api import cards, filters, ninja_patches, representations, site
from resources.models import ResourcePage

# The library's filters that are plain field filters, declared for the OpenAPI document.
LIBRARY_FIELDS = ["featured", "publication_date"]
SLUGS = "Slugs (the same in every language), repeated or separated by commas: any of them."


class LibraryFilterSchema(Schema):
    """The resource library's filters, with `type=resources.ResourcePage` only."""

    resource_type: list[str] = Field([], description=f"Resource types' slugs. {SLUGS}")
    topic: list[str] = Field([], description=f"Topics' slugs. {SLUGS}")
    region: list[str] = Field([], description=f"Regions' slugs. {SLUGS}")
    partner: list[str] = Field([], description=f"Partners' slugs. {SLUGS}")
    year: int | None = Field(None, ge=1000, le=9999, description="Year of publication.")
    year_from: int | None = Field(
        None, ge=1000, le=9999, description="Published in this year or later."
    )
    year_to: int | None = Field(
        None, ge=1000, le=9999, description="Published in this year or earlier."
    )
    featured: bool | None = Field(None, description="Featured resources only, or others only.")
    publication_date: datetime.date | None = Field(None, description="Published on that day.")


class PageListItemSchema(BasePageSchema):
    card: cards.PageCard | None = Field(
        description="Null for a page no site serves (no address to link to), which only a "
        "client with a token sees, such as the tree's root."
    )

    @staticmethod
    def resolve_card(obj: Page) -> cards.PageCard | None:
        card = cards.page_card(obj)
        return card if card["url"] is not None else None


class CardPagination(WagtailLimitOffsetPagination):
    """Wagtail's pagination, with the cards of the page of results read together."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        found = super().paginate_queryset(queryset, pagination, request, **params)
        found["items"] = cards.prepare_cards(found["items"])
        return found


QUERY_SCHEMAS = (
    wagtail_pages.PageFilterSchema,
    OrderingSchema,
    SearchSchema,
    LibraryFilterSchema,
    WagtailLimitOffsetPagination.Input,
)
DECLARED = frozenset(name for schema in QUERY_SCHEMAS for name in schema.model_fields)


def field_filters(model):
    """The database fields of `model` that `?<field>=<value>` filters by: its `api_fields` and
    the pages' own fields (title, slug…), as Wagtail's list takes them."""
    names = {field.name for field in APIField.get_fields_for_model(model, db_fields_only=True)}
    names |= {name for name in BASE_PAGE_READ_FIELDS if name != "pk"} | {"id"}
    return sorted(names - DECLARED)


def refuse_unknown_parameters(request, known):
    """A 400 for a query parameter the operation does not take, as API v2 answers: Wagtail's
    API v3 ignores them, so that a misspelt filter silently answered everything."""
    unknown = set(request.GET) - set(known)
    if unknown:
        raise HttpError(
            400,
            "query parameter is not an operation or a recognised field: "
            + ", ".join(sorted(unknown)),
        )


def check_parameters(request, model):
    refuse_unknown_parameters(request, DECLARED | set(field_filters(model)))
    library_only = [name for name in LibraryFilterSchema.model_fields if name in request.GET]
    if library_only and not issubclass(model, ResourcePage):
        raise HttpError(
            400, f"filtering by {', '.join(library_only)} needs type={filters.LIBRARY_TYPE}"
        )
    code = request.GET.get("locale")
    if code and site.locale_or_none(code) is None:
        languages = ", ".join(representations.language_codes())
        raise HttpError(400, f"locale '{code}' doesn't exist (one of: {languages})")


def filter_pages(request, queryset):
    """The library's filters and the field filters, shared with API v2 (cms/api/filters.py)."""
    query = request.GET
    ordered = "order" not in query and "search" not in query
    names = [name for name in field_filters(queryset.model) if name != "locale"]
    if issubclass(queryset.model, ResourcePage):
        names += LIBRARY_FIELDS
    try:
        queryset = filters.filter_library(query, queryset, ordered=ordered)
        return filters.filter_by_fields(query, queryset, names)
    except filters.FilterError as e:
        raise HttpError(400, str(e)) from e


def list_pages(
    request: HttpRequest,
    page_filters: wagtail_pages.PageFilterSchema = Query(...),  # noqa: B008
    library: LibraryFilterSchema = Query(...),  # noqa: B008
    ordering: OrderingSchema = Query(...),  # noqa: B008
    search: SearchSchema = Query(...),  # noqa: B008
    **kwargs,
):
    """Pages visible to the client, each with its card. The resource library's filters take
    `type=resources.ResourcePage`; any other parameter is a database field of the pages'
    `api_fields` (`?slug=…`), or a 400. Resources are newest first unless `order` or `search`
    is given."""
    pagination_info = cast(WagtailLimitOffsetPagination.Input, kwargs.get("pagination_info"))
    models = page_filters.type
    model = models[0] if len(models) == 1 else Page
    check_parameters(request, model)
    queryset = get_pages_queryset(request, model)
    queryset = page_filters.filter(queryset, request)
    queryset = filter_pages(request, queryset)
    queryset = ordering.order_queryset(queryset, pagination_info, base_fields=BASE_PAGE_READ_FIELDS)
    return search.search_queryset(request, cards.card_queryset(queryset))


def replace_wagtails_page_list():
    router = wagtail_pages.router
    ninja_patches.remove_operation(router, "/", "GET")
    router.get(
        "/",
        response=list[PageListItemSchema],
        url_name="list_pages",
        summary="List pages",
        operation_id="pages_list",
        auth=[BearerTokenAuth(), AllowAnonymous()],
    )(paginate(CardPagination, pass_parameter="pagination_info")(list_pages))  # noqa: S106


replace_wagtails_page_list()
