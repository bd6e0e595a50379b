"""`GET /api/v3/resources/facets/`: the resource library's facet counts (cms/api/facets.py,
the same answer as API v2's), its parameters declared and typed in the OpenAPI document; and
`GET /api/v3/resources/landing/{kind}/{slug}/`: a landing page of the library (a resource
type's, topic's or region's), as the site shows it."""

from typing import Literal

from django.http import Http404, HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from typing_extensions import TypedDict
from wagtail.models import Locale

from cms.api import facets, filters, representations, schemas, site
from cms.api.v3_pages import LibraryFilterSchema, refuse_unknown_parameters
from core import seo
from core.restrictions import restricted
from resources.listing import landing_for
from resources.models import ResourceIndexPage

router = Router(tags=["resources"])


class FacetQuerySchema(Schema):
    locale: str | None = Field(None, description="The language's code; the default one without.")
    search: str | None = Field(None, max_length=200, description="Search words.")


@router.get(
    "/resources/facets/",
    response=facets.LibraryFacets,
    url_name="resource_facets",
    summary="The resource library's facet counts",
    operation_id="resource_facets",
)
def resource_facets(
    request: HttpRequest,
    library: LibraryFilterSchema = Query(...),  # noqa: B008
    given: FacetQuerySchema = Query(...),  # noqa: B008
):
    """For each value of each filter, how many resources `GET /pages/?type=
    resources.ResourcePage` would list with that value added to the others of its kind given,
    every other filter kept (disjunctive counts), and the number of resources the filters
    list. Values without resources are listed with `count` 0."""
    refuse_unknown_parameters(request, facets.PARAMETERS)
    locale = locale_or_400(given.locale)
    try:
        return facets.library_facets(request, locale)
    except filters.FilterError as e:
        raise HttpError(400, str(e)) from e


def locale_or_400(code):
    if not code:
        return Locale.get_default()
    locale = site.locale_or_none(code)
    if locale is None:
        raise HttpError(400, f"locale '{code}' doesn't exist")
    return locale


LANDING_KINDS = {"resource-types": "type", "topics": "topic", "regions": "region"}


class Landing(TypedDict):
    """A landing page of the library: the snippet's name and description in the locale (its
    default-language version's while it is not translated), its address and its `<head>`. Its
    resources: `pages/?type=resources.ResourcePage&locale=…&<filter>=<slug>`, and their facets
    `resources/facets/` with the same filter (`filter` names it)."""

    kind: Literal["resource-types", "topics", "regions"]
    slug: str
    name: str
    description: str
    locale: str
    url: str | None
    filter: Literal["resource_type", "topic", "region"]
    seo: schemas.Seo


@router.get(
    "/resources/landing/{kind}/{slug}/",
    response=Landing,
    url_name="resource_landing",
    summary="A landing page of the resource library",
    operation_id="resource_landing_detail",
)
def resource_landing(
    request: HttpRequest,
    kind: Literal["resource-types", "topics", "regions"],
    slug: str,
    locale: str | None = None,
):
    """The landing page of a resource type, topic or region in `locale`'s library."""
    found_locale = locale_or_400(locale)
    library = (
        ResourceIndexPage.objects.live()
        .exclude(restricted())
        .filter(locale=found_locale)
        .select_related("locale")
        .first()
    )
    if library is None:
        raise Http404(f"No resource library in '{found_locale.language_code}'")
    landing = landing_for(library, LANDING_KINDS[kind], slug)
    versions = [library, *representations.other_translations(library)]
    with translation.override(found_locale.language_code):
        head = seo.page_head(library, versions, subpage=landing)
    return Landing(
        kind=kind,
        slug=landing.slug,
        name=landing.title,
        description=landing.description,
        locale=found_locale.language_code,
        url=head["canonical_url"],
        filter=facets.KINDS[landing.kind],
        seo=head,
    )
