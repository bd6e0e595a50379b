"""The page filters both APIs share, over a QueryDict and a queryset: the resource library's
(`resource_type`, `topic`, `region`, `partner` by slug, `year`, `year_from`, `year_to`: the
library page's own implementation, resources/library.py) and those on a model's own database fields
(`featured=true`, `publication_date=2025-11-20`, `slug=…`). API v2 calls them from its filter
backends (cms/api/v2.py), API v3 from its page list (cms/api/v3_pages.py), so that both take
the same parameters and answer a malformed value with the same message.

A taxonomy's slug is the same in every language (resources.models.TaxonomySnippet synchronises
it), and a slug is matched through the snippet's translation key besides: the English slug finds
the French resources even where a translator gave the French snippet a slug of its own.
"""

from dataclasses import replace

from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.db import models
from taggit.managers import TaggableManager
from wagtail.api.v2.utils import parse_boolean
from wagtail.fields import StreamField

from resources import library
from resources.models import ResourcePage

LIBRARY_TYPE = "resources.ResourcePage"
LIBRARY_FILTERS = ("resource_type", "topic", "region", "partner", "year", "year_from", "year_to")
SLUG_FILTERS = ("resource_type", "topic", "region", "partner")
YEAR_FILTERS = ("year", "year_from", "year_to")
YEAR = library.YEAR
# The library's kinds of filter (resources/library.py) by the APIs' parameter names.
API_PARAMETERS = {
    "type": "resource_type",
    "topic": "topic",
    "region": "region",
    "partner": "partner",
    "year_from": "year_from",
    "year_to": "year_to",
}


class FilterError(ValueError):
    """A filter's value is malformed, or the filter does not apply: the message says which."""


def slugs(query, name):
    """The slugs of `name`, separated by commas (API v2) or repeated (API v3), or both."""
    values = [value for given in query.getlist(name) for value in given.split(",") if value]
    try:
        for value in values:
            validate_unicode_slug(value)
    except ValidationError as e:
        raise FilterError(f"{name} must be slugs, separated by commas") from e
    if not values:
        raise FilterError(f"{name} must be slugs, separated by commas")
    return values


def library_criteria(query):
    """The library's Criteria (resources/library.py) of the APIs' parameters, each checked
    first: a malformed one is a FilterError. `year` is a range of one year."""
    for name in SLUG_FILTERS:
        if name in query:
            slugs(query, name)
    for name in YEAR_FILTERS:
        if name in query and not YEAR.match(query[name]):
            raise FilterError(f"{name} must be a year such as 2025, not '{query[name]}'")
    try:
        criteria = library.criteria_from(query, API_PARAMETERS, check_slugs=True)
    except library.LibraryError as e:
        raise FilterError(str(e)) from e
    if "year" in query:
        year = int(query["year"])
        criteria = replace(
            criteria,
            year_from=max(year, criteria.year_from or year),
            year_to=min(year, criteria.year_to or year),
        )
    return criteria


def filter_library(query, queryset, ordered=True):
    """The resource library's filters, for a queryset of resources only: `resource_type`,
    `topic`, `region` and `partner` by slug (several: any of them), `year` of publication or
    `year_from` and `year_to`. Newest first unless `ordered` is false (an `order` or a
    `search` is given)."""
    given = [name for name in LIBRARY_FILTERS if name in query]
    is_library = issubclass(queryset.model, ResourcePage)
    if given and not is_library:
        raise FilterError(f"filtering by {', '.join(given)} needs type={LIBRARY_TYPE}")
    if not is_library:
        return queryset
    queryset = library.matching(queryset, library_criteria(query))
    if ordered:
        queryset = queryset.order_by(*library.ORDERS["newest"])
    return queryset


def filter_by_fields(query, queryset, names):
    """`?<field>=<value>` for the database fields `names` of the queryset's model, each value
    checked first: a malformed one is a FilterError, never a database error."""
    for name in names:
        if name not in query:
            continue
        value = query[name]
        field = queryset.model._meta.get_field(name)
        if "\x00" in value:
            raise FilterError(f"field filter error. null characters are not allowed for {name}")
        if isinstance(field, StreamField | models.JSONField):
            raise FilterError(f"cannot filter by '{name}'")
        if isinstance(field, TaggableManager):
            if "search" in query:
                # As Wagtail's filters answer (its search cannot search tagged results).
                raise FilterError("filtering by tag with a search query is not supported")
            for tag in value.split(","):
                queryset = queryset.filter(**{f"{name}__name": tag})
            continue
        queryset = queryset.filter(**{name: field_value(field, name, value)})
    return queryset


def field_value(field, name, value):
    try:
        if isinstance(field, models.BooleanField):
            return parse_boolean(value)
        if field.is_relation:
            return field.target_field.to_python(value)
        return field.to_python(value)
    except (ValueError, ValidationError) as e:
        message = e.messages[0] if isinstance(e, ValidationError) else str(e)
        raise FilterError(
            f"field filter error. '{value}' is not a valid value for {name} ({message})"
        ) from e
