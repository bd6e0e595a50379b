"""A page as a card in a list, in its own language: what the site's own cards show
(templates/includes/*_card.html), for the items of API v3's page lists.

A card is a page summary (cms/api/representations.py `page_summary`, the shape of the cards
nested in pages: `latest_stories`, `featured_resources`, `related_pages`), so one component
renders both, with the library's facets beside. A list's cards are read with a fixed number of
queries per page type in it, whatever its length (`prepare_cards`).
"""

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from cms.api import representations, schemas
from cms.api.fields import ImageField, optimise_queryset, prepare_objects


class PageCard(schemas.PageSummary):
    """A page summary with what the site's cards show beside: `date` is a resource's
    publication date or a campaign's next awareness day (null for other pages);
    `resource_type`, `topics` and `regions` are the page's (a story's `regions` is its
    country), in the page's language, each with the slug the library's filters take."""

    date: datetime.date | None
    resource_type: schemas.ResourceType | None
    topics: list[schemas.Topic]
    regions: list[schemas.Region]


# The card's relations, by the name of the page's field.
TAXONOMIES = ("resource_type", "topics", "regions", "country")


def has_field(page, name):
    return any(field.name == name for field in page._meta.get_fields())


def related(page, name):
    """The snippet(s) of `page`'s relation `name` in its language: a list, [] without one."""
    if not has_field(page, name):
        return []
    value = representations.related_snippets(page, name)
    if isinstance(value, list):
        return value
    return [value] if value is not None else []


def card_date(page) -> datetime.date | None:
    if getattr(page, "publication_date", None):
        return page.publication_date
    next_day = getattr(page, "next_awareness_day", None)
    return next_day() if callable(next_day) else None


def page_card(page) -> PageCard:
    resource_types = related(page, "resource_type")
    return PageCard(
        **representations.page_summary(page),
        date=card_date(page),
        resource_type=representations.snippet_value(resource_types[0] if resource_types else None),
        topics=[representations.snippet_value(obj) for obj in related(page, "topics")],
        regions=[
            representations.snippet_value(obj)
            for obj in [*related(page, "regions"), *related(page, "country")]
        ],
    )


def prepare_cards(pages):
    """`pages` of their specific types, in the same order, with what their cards show read
    together: one query per page type for a list of several types (a list of one type, read
    with `card_queryset`, needs none), then per type their snippets in each page's language
    and their pictures with the renditions the APIs show."""
    pages = list(pages)
    mixed = [page for page in pages if type(page) is Page]
    if mixed:
        specific = specific_pages(mixed)
        pages = [specific.get(page.pk, page) if type(page) is Page else page for page in pages]
    groups = defaultdict(list)
    for page in pages:
        groups[type(page)].append(page)
    for model, group in groups.items():
        pictures = " ".join(
            field.name
            for field in getattr(model, "api_fields", ())
            if isinstance(getattr(field, "serializer", None), ImageField)
        )
        prepare_objects(group, requested=pictures)
    return pages


def card_queryset(queryset):
    """A queryset of pages of one type, joined with what their cards show."""
    if queryset.model is Page:
        return queryset
    return optimise_queryset(queryset, images=False)


def specific_pages(pages):
    """{id: the page of its specific type}, joined with what its card shows, one query per type."""
    ids_by_type = defaultdict(list)
    for page in pages:
        ids_by_type[page.content_type_id].append(page.pk)
    found = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or model is Page:
            continue
        found.update({page.pk: page for page in card_queryset(model.objects.filter(pk__in=ids))})
    return found
