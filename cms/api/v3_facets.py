"""`GET /api/v3/resources/facets/`: the resource library's facet counts (cms/api/facets.py,
the same answer as API v2's), its parameters declared and typed in the OpenAPI document."""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.models import Locale

from cms.api import facets, filters, site
from cms.api.v3_pages import LibraryFilterSchema, refuse_unknown_parameters

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
    locale = Locale.get_default()
    if given.locale:
        locale = site.locale_or_none(given.locale)
        if locale is None:
            raise HttpError(400, f"locale '{given.locale}' doesn't exist")
    try:
        return facets.library_facets(request, locale)
    except filters.FilterError as e:
        raise HttpError(400, str(e)) from e
