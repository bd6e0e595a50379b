"""The Content-Security-Policy directives of each part of the site, as django-csp reads them.
`privacy.csp.SitePolicyMiddleware` picks one by address; the settings fill in the origins an
operator configures (uploads served from elsewhere, headless preview frontends)."""

from csp.constants import NONE, SELF, UNSAFE_INLINE


def public_directives(image_origins=()):
    """Public pages: only this site's own scripts, styles, images and fonts, nothing inline, and
    framed nowhere."""
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *image_origins],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }


def admin_directives(image_origins=(), frame_origins=()):
    """The Wagtail admin writes inline scripts and styles, shows previews in a frame (from a
    headless frontend too, when one is set) and image uploads as blob: thumbnails."""
    return {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *image_origins],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *frame_origins],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }


# JSON from the APIs loads nothing and is framed nowhere.
API_DIRECTIVES = {"default-src": [NONE], "frame-ancestors": [NONE]}
