"""What the library page and its landing pages show: the filter form with a count beside every
value, the resources a page at a time, and editors' featured resources on top of the unfiltered
library. The filtering itself is resources/library.py's, which the APIs share."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from core.localization import default_language_code, locale_of
from core.pagination import paginated
from core.renditions import prefetch_pictures
from resources import library

FACET_LABELS = {
    "type": _("Type"),
    "topic": _("Topic"),
    "region": _("Region"),
    "partner": _("Partner"),
}
SORT_LABELS = {
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title"),
    library.RELEVANCE: _("Relevance"),
}


@dataclass
class FacetValue:
    slug: str
    name: str
    count: int
    selected: bool

    @property
    def disabled(self):
        """Choosing it would list nothing: offered greyed out, unless already chosen."""
        return self.count == 0 and not self.selected


@dataclass
class FacetGroup:
    kind: str
    label: str
    values: list


@dataclass
class Landing:
    """A landing page of the library: the resources of one type, topic or region."""

    kind: str
    taxonomy: object  # the snippet, in the library's language when translated
    suffix: str  # its address below the library's: "topics/kenya/"

    @property
    def slug(self):
        return self.taxonomy.slug

    @property
    def title(self):
        return self.taxonomy.name

    @property
    def description(self):
        return self.taxonomy.description


LANDING_PREFIXES = {"type": "", "topic": "topics/", "region": "regions/"}


def landing_for(index_page, kind, slug):
    """The landing page of the snippet of `kind` with `slug`, in the library's language (else
    the default language's), or a 404."""
    model = library.TAXONOMIES[kind][0]
    default_locale = locale_of(default_language_code())
    found = sorted(
        model.objects.filter(slug=slug, locale_id__in={index_page.locale_id, default_locale.pk}),
        key=lambda snippet: snippet.locale_id != index_page.locale_id,
    )
    if not found:
        raise Http404(f"No {model._meta.verbose_name} '{slug}'")
    return Landing(kind, found[0], f"{LANDING_PREFIXES[kind]}{slug}/")


def library_context(index_page, request, landing=None):
    """The context of the library (or of one of its landing pages) for `request`'s filters:
    `problem` says what is wrong with a malformed one (the page answers 400)."""
    try:
        criteria, problem = library.criteria_from(request.GET), None
    except library.LibraryError as e:
        criteria, problem = library.Criteria(), str(e)
    locale_id = index_page.locale_id
    default_locale_id = locale_of(default_language_code()).pk
    scope = library.library_resources(index_page)
    if landing is not None:
        scope = library.matching(scope, library.Criteria(slugs={landing.kind: (landing.slug,)}))
    scope, ranked = library.searched(scope, criteria, {locale_id, default_locale_id})
    counts = library.facet_counts(scope, criteria, locale_id)
    resources = library.ordered(library.matching(scope, criteria, locale_id), criteria, ranked)
    listing = paginated(request, resources.select_related("resource_type", "cover_image", "locale"))
    shown_here(index_page, listing["page_obj"].object_list)
    featured = []
    if landing is None and not criteria.is_filtered and listing["page_obj"].number == 1:
        featured = featured_resources(index_page, scope)
    return {
        "criteria": criteria,
        "problem": problem,
        "landing": landing,
        "facets": facet_groups(counts, criteria, locale_id, default_locale_id, landing),
        "years": sorted(counts["year"].items(), reverse=True),
        "available": counts["available"],
        "offers_available": locale_id != default_locale_id,
        "sorts": [(key, label) for key, label in SORT_LABELS.items()],
        "featured": featured,
        "resources": listing["page_obj"],
        **listing,
    }


def facet_groups(counts, criteria, locale_id, default_locale_id, landing):
    groups = []
    for kind, label in FACET_LABELS.items():
        if landing is not None and landing.kind == kind:
            continue  # every resource listed has it
        chosen = set(criteria.chosen(kind))
        values = [
            FacetValue(
                slug=snippet.slug,
                name=snippet.name,
                count=counts[kind].get(str(snippet.translation_key), 0),
                selected=snippet.slug in chosen,
            )
            for snippet in library.taxonomy_values(kind, locale_id, default_locale_id)
        ]
        if values:
            groups.append(FacetGroup(kind, label, values))
    return groups


def featured_resources(index_page, scope):
    from resources.models import FEATURED_RESOURCES_SHOWN

    featured = list(
        scope.filter(featured=True)
        .select_related("resource_type", "cover_image", "locale")
        .order_by("-publication_date", "title")[:FEATURED_RESOURCES_SHOWN]
    )
    prefetch_pictures(*featured)
    shown_here(index_page, featured)
    return featured


def shown_here(index_page, resources):
    """A resource not translated into the library's language yet links to its address under
    this library (SitePage.route shows it there in its own language), not to its original's."""
    for resource in resources:
        if resource.locale_id != index_page.locale_id:
            resource.address_here = f"{index_page.url}{resource.slug}/"
