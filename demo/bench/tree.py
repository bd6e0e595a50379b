"""Thousands of live pages at once, in the rows Wagtail would have written for them.

Wagtail adds a page with `add_child`, then a revision and a publication: a dozen queries and as
many signals a page, minutes for the benchmark's tens of thousands. Here a batch of pages costs
a few queries: their tree paths are worked out as treebeard would (materialised paths, four
base-36 characters a level), the shared `wagtailcore_page` rows are bulk-created, then the rows
of the page type's own table. Django's `bulk_create` refuses models with a parent table, so
those go through `_insert`, the statement `bulk_create` itself runs. They are indexed for search
in bulk too. They have no revisions: the admin edits them as pages never edited before."""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

STEP_LENGTH = Page.steplen


@dataclass
class NewPage:
    """An unsaved page (its specific class) and the ids of its many-to-many fields by name."""

    page: Page
    relations: dict = field(default_factory=dict)


def next_step(parent):
    """The position after `parent`'s last child, as an integer."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-STEP_LENGTH:]) + 1 if last else 1


def place(parent, pages):
    """Give `pages` their tree positions and addresses after `parent`'s last child."""
    step = next_step(parent)
    now = timezone.now()
    for offset, page in enumerate(pages):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step + offset)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.latest_revision_created_at = now


def insert_rows(model, pages):
    """The pages' `wagtailcore_page` rows, then those of their own table."""
    if list(model._meta.parents) != [Page]:
        raise TypeError(f"{model.__name__} is not a direct subclass of Page.")
    shared_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rows = [Page(**{f.attname: getattr(page, f.attname) for f in shared_fields}) for page in pages]
    Page.objects.bulk_create(rows)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
    own_fields = model._meta.local_concrete_fields
    batch = connection.ops.bulk_batch_size(own_fields, pages) or len(pages)
    for start in range(0, len(pages), batch):
        model._base_manager._insert(pages[start : start + batch], fields=own_fields)


def insert_relations(model, new_pages):
    for name in {name for new in new_pages for name in new.relations}:
        relation = model._meta.get_field(name)
        through = relation.remote_field.through
        own, other = relation.m2m_column_name(), relation.m2m_reverse_name()
        through.objects.bulk_create(
            through(**{own: new.page.pk, other: related_id})
            for new in new_pages
            for related_id in new.relations.get(name, ())
        )


def add_live_children(parent, model, new_pages):
    """Add `new_pages` (NewPage of `model`) as live children of `parent`, indexed for search."""
    if not new_pages:
        return
    pages = [new.page for new in new_pages]
    place(parent, pages)
    insert_rows(model, pages)
    insert_relations(model, new_pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, pages)
