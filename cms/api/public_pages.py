"""The pages both APIs show a client that is not signed in with a token: Wagtail's
`get_public_pages_queryset`, read with fewer queries.

Wagtail's reads every view restriction and the site root's translations before the pages, on
each call (a list calls it three times). Here the restrictions and the site's other languages
are conditions of the query that reads the pages, and the queryset is made once per request
(core/request_memo.py). A request that may pass a restriction (signed in, or with a page
password given in its session) still has each restriction ask it, as Wagtail's do.
API v2 uses it as its viewset's base queryset; API v3 through `wagtail_patches`."""

from django.conf import settings
from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith

from core.request_memo import remembered
from core.restrictions import restricted

# What an anonymous visitor without any page password passes: restrictions of no other type.
CLOSED_TO_ANONYMOUS = ("password", "login", "groups")


def public_pages(request, model=None):
    """Live pages of the request's site (`?site=` or the one it was made to), in every
    language, that the request may view; of `model` (Page by default). Raises ValueError, as
    Wagtail's does, when `?site=` matches several sites."""
    from wagtail.models import Page

    model = model or Page
    key = ("api public pages", model._meta.label, request.GET.get("site"))
    return remembered(key, lambda: read_public_pages(request, model)).all()


def read_public_pages(request, model):
    from wagtail.api.validators import SiteFilterValidator

    pages = model._default_manager.all().live()
    if may_pass_no_restriction(request):
        pages = pages.exclude(restricted(kinds=CLOSED_TO_ANONYMOUS))
    else:
        for restriction in view_restrictions():
            if not restriction.accept_request(request):
                pages = pages.not_descendant_of(restriction.page, inclusive=True)
    site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
    if site is None:
        return pages.none()
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        pages = pages.filter(under_a_translation_of(site.root_page))
    else:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    if request.GET.get("search"):
        # Search backends (`?search=`) take only filters on the fields they index, such as
        # `pk__in`, not conditions like those above.
        return model._default_manager.filter(pk__in=pages.values("pk"))
    # Correlated, so that the database checks only the pages the rest of the query picks: a
    # subquery of ids would be read whole, for every live page of the site, on each request.
    return model._default_manager.filter(Exists(pages.filter(pk=OuterRef("pk"))))


def under_a_translation_of(root):
    """Matches the pages at or under `root` or one of its translations."""
    from wagtail.models import Page

    roots = Page.objects.filter(translation_key=root.translation_key)
    return Exists(roots.filter(StartsWith(OuterRef("path"), F("path"))))


def may_pass_no_restriction(request):
    from wagtail.models import PageViewRestriction

    if request.user.is_authenticated:
        return False
    session = getattr(request, "session", {})
    return not session.get(PageViewRestriction.passed_view_restrictions_session_key)


def view_restrictions():
    from wagtail.models import PageViewRestriction

    return remembered(
        "page view restrictions",
        lambda: list(PageViewRestriction.objects.select_related("page")),
    )
