"""The resource library's filters, search, sort and facet counts: one implementation for the
library page and its landing pages (resources/views.py) and both APIs (cms/api/filters.py).

A filter is a set of slugs per taxonomy (any of them), a range of years and "available in the
library's language"; filters of different kinds combine (all of them). A taxonomy's slug is the
same in every language (`SynchronizedField`), and it is matched through the snippets'
translation keys besides, so that the English slug finds the French resources too.

Facet counts are disjunctive: the count beside a topic is the number of resources the page
would list with that topic added to the topics chosen, every other filter kept. Each kind of
facet costs one query, whatever the number of resources or values (pinned by
tests/performance/test_library_budget.py).
"""

import re
from dataclasses import dataclass, field, replace

from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, When
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from core.tree import children_q
from resources.models import Partner, Region, ResourcePage, ResourceType, Topic

# kind: (snippet model, the resource's field that chooses it)
TAXONOMIES = {
    "type": (ResourceType, "resource_type"),
    "topic": (Topic, "topics"),
    "region": (Region, "regions"),
    "partner": (Partner, "partners"),
}
ORDERS = {
    "newest": ("-publication_date", "title", "pk"),
    "oldest": ("publication_date", "title", "pk"),
    "title": ("title", "pk"),
}
RELEVANCE = "relevance"
YEAR = re.compile(r"^[1-9][0-9]{3}$")  # Python's dates start at year 1
MAX_QUERY_LENGTH = 200  # as the site search's (search/views.py)
MAX_VALUES = 20  # slugs of one kind (cms/api/limits.py's bound for lists)
MAX_SLUG_LENGTH = 255
# A search ranks this many resources at most: the work of a request stays bounded at any size
# of the library, and nobody reads further than the first few pages of a ranking.
MAX_SEARCH_MATCHES = 500


class LibraryError(ValueError):
    """A filter's value is malformed: the message says which, in the visitor's language."""


@dataclass(frozen=True)
class Criteria:
    """What a visitor (or an API client) asks of the library."""

    slugs: dict = field(default_factory=dict)  # kind: tuple of slugs
    year_from: int | None = None
    year_to: int | None = None
    available_only: bool = False
    query: str = ""
    order: str = "newest"

    def chosen(self, kind):
        return self.slugs.get(kind, ())

    @property
    def is_filtered(self):
        return bool(
            any(self.slugs.values())
            or self.year_from
            or self.year_to
            or self.available_only
            or self.query
        )

    def with_slugs(self, kind, values):
        return replace(self, slugs={**self.slugs, kind: tuple(values)})


# The parameters of the library page; the APIs name some differently (cms/api/filters.py).
PAGE_PARAMETERS = {
    "type": "type",
    "topic": "topic",
    "region": "region",
    "partner": "partner",
    "year_from": "year_from",
    "year_to": "year_to",
    "available": "available",
    "query": "q",
    "order": "sort",
}


def criteria_from(query, names=None, check_slugs=False):
    """The Criteria of a QueryDict whose parameters are `names` (PAGE_PARAMETERS by default).
    LibraryError if a value is malformed (a slug too, if `check_slugs`: otherwise it is one no
    snippet has, which lists nothing); empty values are no filter (a form's "any" choice)."""
    names = names or PAGE_PARAMETERS
    slugs = {
        kind: slugs_of(query, names[kind], check_slugs) for kind in TAXONOMIES if kind in names
    }
    text = query.get(names["query"], "").strip() if "query" in names else ""
    if "\x00" in text or len(text) > MAX_QUERY_LENGTH:
        raise LibraryError(
            _("The search must be at most %(limit)s characters, without NUL characters.")
            % {"limit": MAX_QUERY_LENGTH}
        )
    order = query.get(names["order"], "") if "order" in names else ""
    if order and order not in (*ORDERS, RELEVANCE):
        raise LibraryError(_("Sort by newest, oldest, title or relevance."))
    year_from, year_to = (year_of(query, names.get(name)) for name in ("year_from", "year_to"))
    if year_from and year_to and year_from > year_to:
        year_from, year_to = year_to, year_from  # what the visitor meant
    available = query.get(names["available"], "") if "available" in names else ""
    return Criteria(
        slugs=slugs,
        year_from=year_from,
        year_to=year_to,
        available_only=available in ("1", "on", "true"),
        query=text,
        order=order or (RELEVANCE if text else "newest"),
    )


def slugs_of(query, name, check_slugs):
    values = [value for given in query.getlist(name) for value in given.split(",") if value]
    if len(values) > MAX_VALUES:
        raise LibraryError(
            _("Choose at most %(limit)s values of a filter.") % {"limit": MAX_VALUES}
        )
    try:
        for value in values:
            if "\x00" in value or len(value) > MAX_SLUG_LENGTH:
                raise ValidationError(value)
            if check_slugs:
                validate_unicode_slug(value)
    except ValidationError as e:
        raise LibraryError(_("A filter's value is not one the library offers.")) from e
    return tuple(dict.fromkeys(values))


def year_of(query, name):
    value = query.get(name, "").strip() if name else ""
    if not value:
        return None
    if not YEAR.match(value):
        raise LibraryError(_("Give a year such as 2025."))
    return int(value)


def library_resources(index_page):
    """What the library `index_page` lists: its live, public resources, and those of its
    original (default-language) version not translated into its language yet, shown in their
    own language (SitePage.route serves them under this library's address)."""
    from core.localization import default_language_code, locale_of
    from core.restrictions import restricted

    own = children_q(index_page)
    default_locale = locale_of(default_language_code())
    original = None
    if index_page.locale_id != default_locale.pk:
        original = index_page.get_translation_or_none(default_locale)
    if original is not None:
        translated = ResourcePage.objects.filter(
            translation_key=OuterRef("translation_key"), locale_id=index_page.locale_id, live=True
        )
        untranslated = children_q(original) & ~Q(Exists(translated))
        own |= untranslated
    return ResourcePage.objects.live().exclude(restricted()).filter(own)


def translation_keys(model, slugs):
    """The translation keys of the snippets of `model` with one of these slugs, in any language."""
    return model.objects.filter(slug__in=slugs).values("translation_key")


def matching(resources, criteria, locale_id=None, without=None):
    """`resources` that meet every filter of `criteria` but the kind `without` (facets count
    with it left out). `locale_id`: the library's language, for `available_only`."""
    for kind, (model, relation) in TAXONOMIES.items():
        chosen = criteria.chosen(kind)
        if kind == without or not chosen:
            continue
        keys = translation_keys(model, chosen)
        if kind == "type":
            resources = resources.filter(resource_type__translation_key__in=keys)
        else:
            tagged = ResourcePage.objects.filter(**{f"{relation}__translation_key__in": keys})
            resources = resources.filter(pk__in=tagged.values("pk"))
    if without != "year":
        if criteria.year_from:
            resources = resources.filter(publication_date__year__gte=criteria.year_from)
        if criteria.year_to:
            resources = resources.filter(publication_date__year__lte=criteria.year_to)
    if without != "available" and criteria.available_only and locale_id:
        resources = resources.filter(locale_id=locale_id)
    return resources


def searched(resources, criteria, locale_ids):
    """`resources` that match the search words of `criteria` (all when there are none), and
    the ids of the matches, most relevant first. Wagtail's search runs over the live resources
    of the library's languages (`locale_ids`), filters every search backend supports; the
    library's own filters then keep the matches."""
    if not criteria.query:
        return resources, None
    candidates = ResourcePage.objects.live().filter(locale_id__in=locale_ids).only("pk")
    ranked = [match.pk for match in candidates.search(criteria.query)[:MAX_SEARCH_MATCHES]]
    return resources.filter(pk__in=ranked), ranked


def ordered(resources, criteria, ranked=None):
    """Newest first by default; by relevance when there are search words, unless asked."""
    if criteria.order == RELEVANCE and ranked:
        rank = Case(
            *(When(pk=pk, then=position) for position, pk in enumerate(ranked)),
            output_field=IntegerField(),
        )
        return resources.order_by(rank, "pk")
    return resources.order_by(*ORDERS.get(criteria.order, ORDERS["newest"]))


def facet_counts(resources, criteria, locale_id=None):
    """{kind: {value: count}} for the taxonomies (by translation key), `year` (by year) and
    `available` (`in_language`, `all`), each count with the other kinds' filters applied."""
    counts = {}
    for kind, (model, relation) in TAXONOMIES.items():
        others = matching(resources, criteria, locale_id, without=kind).order_by()
        if kind == "type":
            rows = others.values_list("resource_type__translation_key").annotate(n=Count("pk"))
        else:
            through = getattr(ResourcePage, relation).through
            column = model._meta.model_name
            rows = (
                through.objects.filter(resourcepage__in=others.values("pk"))
                .values_list(f"{column}__translation_key")
                .annotate(n=Count("resourcepage", distinct=True))
                .order_by()
            )
        counts[kind] = {str(key): n for key, n in rows}
    years = matching(resources, criteria, locale_id, without="year").order_by()
    counts["year"] = dict(
        years.annotate(year=ExtractYear("publication_date"))
        .values_list("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    everything = matching(resources, criteria, locale_id, without="available").order_by()
    counts["available"] = everything.aggregate(
        all=Count("pk"), in_language=Count("pk", filter=Q(locale_id=locale_id))
    )
    return counts


def taxonomy_values(kind, locale_id, default_locale_id):
    """The snippets of `kind` to offer, each in the library's language (its translation there,
    else its default-language version), by name: one query."""
    model = TAXONOMIES[kind][0]
    found = {}
    for snippet in model.objects.filter(locale_id__in={locale_id, default_locale_id}):
        key = str(snippet.translation_key)
        if key not in found or snippet.locale_id == locale_id:
            found[key] = snippet
    return sorted(found.values(), key=lambda snippet: snippet.name.casefold())
