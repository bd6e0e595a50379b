"""Pages under a page, found through the index of the tree's paths.

Wagtail's `child_of` matches `path LIKE '<parent's path>%'`, which SQLite cannot answer from the
path index (its LIKE ignores case, the index does not): each listing read every page of the
site. A child's path is its parent's followed by one step of the tree's alphabet, so the
children are also the pages one level down whose paths lie between the parent's followed by the
alphabet's first and last letters: a range any index answers, in any database (the condition
treebeard's own `get_children` puts on a node's children, here for a queryset of one page type).
"""

from django.db.models import Q
from wagtail.models import Page


def children_q(parent):
    """The condition `child_of(parent)` puts on pages, through the path index."""
    first, last = (letter * Page.steplen for letter in (Page.alphabet[0], Page.alphabet[-1]))
    return Q(path__range=(parent.path + first, parent.path + last), depth=parent.depth + 1)


def children_of(queryset, parent):
    """`queryset.child_of(parent)`, through the path index."""
    return queryset.filter(children_q(parent))
