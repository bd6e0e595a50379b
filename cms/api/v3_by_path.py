"""`GET /api/v3/pages/by-path/?html_path=/fr/…`: the page at a public address in one request.

`pages/find/` (cms/api/v3.py) answers with a redirect to the page's detail, which no cache keeps
(Wagtail's answer, kept for compatibility): a frontend's every page cost two round trips. This
answers the page's detail itself, as `pages/{page_id}/` would, with what the address led to:
a public answer with its ETag, kept by CDNs and the response cache, and fresh after any change
as every API answer is (caching/). A Wagtail redirect kept for the address (`/ar/about` after
the page's slug changed) is followed in the same answer.
"""

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from typing_extensions import TypedDict
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.api.validators import SiteFilterValidator

from cms.api import lookup, representations
from cms.api import site as site_data
from cms.api.v3_pages import refuse_unknown_parameters

router = Router(tags=["pages"])


class FollowedRedirect(TypedDict):
    """The redirect kept for the address asked (wagtail.contrib.redirects): send the visitor
    on to `new_url` (with a 301 when `is_permanent`, else a 302)."""

    old_path: str
    new_url: str
    is_permanent: bool


class PageAtPath(Schema):
    """`html_path` is the address asked, `page_path` the page's own (percent-encoded, as in
    `meta.html_url`; null for a redirect off the site's pages), `redirect` the redirect
    followed from one to the other (null when the page is at the address asked), `page` the
    page's detail, exactly as `GET /api/v3/pages/{page_id}/` answers it (null only for a
    redirect to an address that is not one of the site's pages)."""

    html_path: str
    page_path: str | None
    redirect: FollowedRedirect | None
    page: PageDetailSchema | None


@router.get(
    "/by-path/",
    response=PageAtPath,
    url_name="page_by_path",
    summary="Page at a public address",
    operation_id="pages_by_path",
    auth=[BearerTokenAuth(), AllowAnonymous()],
)
def page_by_path(
    request: HttpRequest,
    html_path: str,
    site: str | None = None,
    rich_text_format: RichTextOutputFormat | None = Query(None),  # noqa: B008
):
    """The page at `html_path` (e.g. `/fr/ressources/un-rapport/`, percent-encoded or not),
    following the site's redirects; a 404 when nothing visible is there."""
    refuse_unknown_parameters(request, {"html_path", "site", "rich_text_format"})
    try:
        site_obj = SiteFilterValidator(site=site, request=request).site_obj
    except ValueError as e:
        raise HttpError(400, str(e)) from e
    found = None
    if site_obj is not None:
        found = lookup.resolve(request, html_path, site_obj, get_pages_queryset(request))
    if found is None:
        raise Http404(f"No page is at {html_path}.")
    redirect = found.redirect
    return {
        "html_path": html_path,
        "page_path": lookup.path_of(found.page) if found.page is not None else None,
        "redirect": redirect
        and FollowedRedirect(
            old_path=site_data.encoded_path(redirect.old_path),
            new_url=representations.full_url(redirect.link),
            is_permanent=redirect.is_permanent,
        ),
        "page": found.page,
    }
