"""Where a page is previewed: the headless frontend configured for its language, if any.

The client URL comes from `HEADLESS_PREVIEW_URL` (`{locale}` in it stands for the page's
language code) or, for one frontend per language, `HEADLESS_PREVIEW_URL_FR` and so on. With
neither set for a page's language, Wagtail's own server-rendered preview is used. The frontend
reads the draft from the API's preview endpoint (cms/api/preview.py).
"""

from django.conf import settings
from wagtail.models import Site
from wagtail_headless_preview.settings import headless_preview_settings


def preview_client_root_url(page, request):
    """The frontend address that previews `page`, or None when no frontend is configured for
    the page's language (Wagtail then renders the preview itself)."""
    language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    url = getattr(settings, "HEADLESS_PREVIEW_LOCALE_URLS", {}).get(language)
    site = Site.find_for_request(request)
    if not url:
        client_urls = headless_preview_settings.CLIENT_URLS or {}
        url = (site and client_urls.get(site.hostname)) or client_urls.get("default")
    if not url:
        return None
    url = url.replace("{locale}", language)
    url = url.replace("{SITE_ROOT_URL}", site.root_url if site else "")
    if headless_preview_settings.ENFORCE_TRAILING_SLASH:
        url = url.rstrip("/") + "/"
    return url
