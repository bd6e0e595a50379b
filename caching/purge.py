"""The CDN in front of the site (wagtail.contrib.frontend_cache: Varnish through
FRONTEND_CACHE_PURGE_URL, Cloudflare) hears of every change the response cache hears of.

Wagtail purges a page's own addresses when it is published or unpublished; a page is also shown
by listings, home pages, related items, menus and API lists, and a snippet, image or setting by
many pages. So each change purges the whole site: `PURGE /` of each site, which the Varnish
configuration in deploy/varnish/ takes as "everything under /". (Cloudflare purges only the
addresses named: there, pages other than the published one wait for PAGE_CACHE_S_MAXAGE.)

Sent from the changing process right after the commit, not through the task queue: a visitor
must not get the old page from the CDN while a purge waits for a worker.
"""

import logging

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Site

logger = logging.getLogger(__name__)


def site_roots():
    return sorted({f"{site.root_url}/" for site in Site.objects.all()})


def purge_everything():
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    roots = site_roots()
    for name, backend in get_backends().items():
        try:
            backend.purge_batch(roots)
        except Exception:  # a CDN down must not fail the editor's change
            logger.exception("Purging %s from the frontend cache %r failed", roots, name)
