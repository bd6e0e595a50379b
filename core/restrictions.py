"""Pages anonymous visitors may see, with the site's view restrictions read once per request."""

from django.db.models import Q

from core.request_memo import remembered


def restricted_paths():
    """The tree paths of the pages with a view restriction (password, sign-in, groups)."""
    from wagtail.models import PageViewRestriction

    return remembered(
        "restricted page paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def restricted():
    """Matches the restricted pages and their descendants: `pages.exclude(restricted())` is
    Wagtail's `pages.public()`, which reads the restrictions again each time."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return private or Q(pk__in=[])
