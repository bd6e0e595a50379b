"""One Content-Security-Policy per part of the site (django-csp), chosen by address; the
directives are in privacy/policies.py, completed by the settings (cms/settings/privacy.py).

- Public pages, and everything else not named below: `CONTENT_SECURITY_POLICY`, strict: only
  this site's own scripts, styles, images and fonts, nothing inline.
- Previews of pages in the admin: the same, except that the admin may show them in a frame.
- The Wagtail admin (`/admin/`): `CSP_ADMIN_DIRECTIVES`, which allows the inline scripts and
  styles that Wagtail and wagtail-localize write into their pages.
- JSON from the APIs: `CSP_API_DIRECTIVES`, which allows nothing. The API v3 docs, HTML, get the
  public policy: Swagger UI's scripts and styles are files of this site.

A view's own `@csp`, `@csp_update` or `@csp_replace` decorator still applies on top.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIX = "/admin/"
API_PREFIX = "/api/"


def directives_for(request, response):
    """The directives of the response's policy, or None for the public policy of the settings."""
    path = request.path_info
    if path.startswith(ADMIN_PREFIX):
        return settings.CSP_ADMIN_DIRECTIVES
    content_type = response.get("Content-Type", "")
    if path.startswith(API_PREFIX) and not content_type.startswith("text/html"):
        return settings.CSP_API_DIRECTIVES
    return None


class SitePolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None:
            parts.config = directives_for(request, response)
        if getattr(request, "is_dummy", False):
            # Wagtail renders a preview through the middleware with a made-up request for the
            # page's public address: the page's own policy, but framed by the admin.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
