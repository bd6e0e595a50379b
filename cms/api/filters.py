"""The page filters both APIs share, over a QueryDict and a queryset: the resource library's
(`resource_type`, `topic`, `region` by slug, `year`) and those on a model's own database fields
(`featured=true`, `publication_date=2025-11-20`, `slug=…`). API v2 calls them from its filter
backends (cms/api/v2.py), API v3 from its page list (cms/api/v3_pages.py), so that both take
the same parameters and answer a malformed value with the same message.

A taxonomy's slug is the same in every language (resources.models.TaxonomySnippet synchronises
it), and a slug is matched through the snippet's translation key besides: the English slug finds
the French resources even where a translator gave the French snippet a slug of its own.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.db import models
from taggit.managers import TaggableManager
from wagtail.api.v2.utils import parse_boolean
from wagtail.fields import StreamField

from resources.models import Region, ResourcePage, ResourceType, Topic

LIBRARY_TYPE = "resources.ResourcePage"
LIBRARY_FILTERS = ("resource_type", "topic", "region", "year")
YEAR = re.compile(r"^[1-9][0-9]{3}$")  # Python's dates start at year 1


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


def translation_keys(model, values):
    """The translation keys of the snippets of `model` with one of these slugs, in any language."""
    return model.objects.filter(slug__in=values).values("translation_key")


def filter_library(query, queryset, ordered=True):
    """The resource library's filters, for a queryset of resources only: `resource_type`,
    `topic` and `region` by slug (several: any of them), `year` of publication. Newest first
    unless `ordered` is false (an `order` or a `search` is given)."""
    given = [name for name in LIBRARY_FILTERS if name in query]
    is_library = issubclass(queryset.model, ResourcePage)
    if given and not is_library:
        raise FilterError(f"filtering by {', '.join(given)} needs type={LIBRARY_TYPE}")
    if not is_library:
        return queryset
    if "resource_type" in query:
        keys = translation_keys(ResourceType, slugs(query, "resource_type"))
        queryset = queryset.filter(resource_type__translation_key__in=keys)
    for parameter, relation, model in (("topic", "topics", Topic), ("region", "regions", Region)):
        if parameter in query:
            keys = translation_keys(model, slugs(query, parameter))
            matching = ResourcePage.objects.filter(**{f"{relation}__translation_key__in": keys})
            queryset = queryset.filter(pk__in=matching.values("pk"))
    if "year" in query:
        year = query["year"]
        if not YEAR.match(year):
            raise FilterError(f"year must be a year such as 2025, not '{year}'")
        queryset = queryset.filter(publication_date__year=int(year))
    if ordered:
        queryset = queryset.order_by("-publication_date", "title", "pk")
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
