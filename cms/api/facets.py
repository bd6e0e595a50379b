"""The resource library's facet counts for both APIs: `GET /api/v2/resources/facets/` and
`GET /api/v3/resources/facets/`, with the parameters the page list takes for resources
(`locale`, `resource_type`, `topic`, `region`, `partner`, `year`, `year_from`, `year_to`,
`featured`, `publication_date`, `search`) and the same answer in both.

The counts are the library page's (resources/library.py): beside each value, the number of
resources the list would answer with that value added to those given of its kind, every other
filter kept. Every value of the locale's taxonomies is listed, those with no resource too
(`count` 0), by name; a value not translated into the locale yet has its default-language
name. The resources counted are the locale's own, as `/pages/?type=resources.ResourcePage&
locale=` lists them.
"""

from dataclasses import replace

from typing_extensions import TypedDict

from cms.api import filters
from cms.api.public_pages import public_pages
from core.localization import default_language_code, locale_of
from resources import library
from resources.models import ResourcePage

PARAMETERS = ("locale", *filters.LIBRARY_FILTERS, "featured", "publication_date", "search")
KINDS = {"type": "resource_type", "topic": "topic", "region": "region", "partner": "partner"}


class FacetValue(TypedDict):
    """One value of a filter: its slug (the filter's parameter value), its name in the locale,
    and how many resources the list would have with it."""

    slug: str
    name: str
    count: int


class YearCount(TypedDict):
    year: int
    count: int


class Facets(TypedDict):
    resource_type: list[FacetValue]
    topic: list[FacetValue]
    region: list[FacetValue]
    partner: list[FacetValue]
    year: list[YearCount]  # newest first, years with resources only


class LibraryFacets(TypedDict):
    """The facet counts of the resources that the same parameters list."""

    locale: str
    total_count: int
    facets: Facets


def library_facets(request, locale):
    """The facets of the public resources of `locale` that `request`'s parameters filter.
    FilterError for a malformed one."""
    query = request.GET
    resources = public_pages(request, ResourcePage).filter(locale=locale)
    resources = filters.filter_by_fields(query, resources, ["featured", "publication_date"])
    criteria = replace(filters.library_criteria(query), query=query.get("search", "").strip())
    scope, _ranked = library.searched(resources, criteria, {locale.pk})
    counts = library.facet_counts(scope, criteria, locale.pk)
    default_locale_id = locale_of(default_language_code()).pk
    facets = {
        name: [
            FacetValue(
                slug=snippet.slug,
                name=snippet.name,
                count=counts[kind].get(str(snippet.translation_key), 0),
            )
            for snippet in library.taxonomy_values(kind, locale.pk, default_locale_id)
        ]
        for kind, name in KINDS.items()
    }
    facets["year"] = [
        YearCount(year=year, count=count) for year, count in sorted(counts["year"].items())[::-1]
    ]
    total = library.matching(scope, criteria, locale.pk).count()
    return LibraryFacets(locale=locale.language_code, total_count=total, facets=facets)
