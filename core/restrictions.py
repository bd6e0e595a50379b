"""Pages anonymous visitors may see: the site's view restrictions as a condition of the query
that reads the pages, so that leaving restricted pages out costs no query of its own."""

from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.lookups import StartsWith


def restricted(kinds=None):
    """Matches the restricted pages (a view restriction on them or an ancestor):
    `pages.exclude(restricted())` is Wagtail's `pages.public()`, which reads the restrictions
    first in a query of its own. `kinds`: only restrictions of these types (all by default)."""
    from wagtail.models import PageViewRestriction

    restrictions = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    if kinds is not None:
        restrictions = restrictions.filter(restriction_type__in=kinds)
    return Q(Exists(restrictions))


def is_public():
    """For `.annotate(public=is_public())`: whether anonymous visitors may see each page (live,
    not restricted), for queries that read other pages too."""
    return ExpressionWrapper(Q(live=True) & ~restricted(), output_field=BooleanField())
