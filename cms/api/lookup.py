"""What a public address leads to, as the site would answer it: the page served there (see
`site.find_page`), else the Wagtail redirect kept for it (wagtail.contrib.redirects, e.g.
`/ar/about` after the page's slug changed) and the page it leads to. Shared by API v3's
`pages/find/` and `pages/by-path/`."""

from dataclasses import dataclass
from urllib.parse import urlparse

from django.db.models import F
from django.utils.encoding import iri_to_uri, uri_to_iri
from wagtail.contrib.redirects.models import Redirect

from cms.api import representations, site


@dataclass
class Found:
    """The page at an address (None for a redirect off the site's pages), and the redirect
    followed to reach it, if any."""

    page: object = None
    redirect: Redirect | None = None


def find_redirect(site_obj, html_path):
    """The site's redirect from `html_path` (percent-encoded or not), None without one."""
    path = Redirect.normalise_path(html_path)
    if "\x00" in path:
        return None
    candidates = {path, iri_to_uri(path), uri_to_iri(path)}
    found = list(
        Redirect.get_for_site(site_obj)
        .filter(old_path__in=candidates)
        .select_related("redirect_page")
        .order_by(F("site_id").asc(nulls_last=True))  # this site's before every site's
    )
    return found[0] if found else None


def resolve(request, html_path, site_obj, pages):
    """What `html_path` leads to among `pages` (the pages the client may see): a Found, or None
    when nothing there is visible to the client."""
    page = site.find_page(request, html_path, site=site_obj)
    if page is not None and pages.filter(pk=page.pk).exists():
        return Found(page=page)
    redirect = find_redirect(site_obj, html_path)
    if redirect is None:
        return None
    if redirect.redirect_page_id is None:
        return Found(redirect=redirect) if redirect.redirect_link else None
    target = pages.filter(pk=redirect.redirect_page_id).first()
    return Found(page=target.specific, redirect=redirect) if target is not None else None


def path_of(page):
    """The page's public address without scheme and host, percent-encoded."""
    url = representations.page_url(page)
    return urlparse(url).path if url else None
