from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page, Site

register = template.Library()


def _language_name(code):
    return get_language_info(code)["name_local"]


@register.simple_tag(takes_context=True)
def page_translations(context, page=None):
    """One entry per site language: where the visitor lands on switching to it.

    A page's live translation when it has one; otherwise that language's home page
    (or, off the page tree, the same address in that language)."""
    request = context["request"]
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page):
        for translated in (
            page.get_translations(inclusive=True).live().public().select_related("locale")
        ):
            translations[translated.locale.language_code] = translated
    site = Site.find_for_request(request)
    homes = {}
    if site and len(translations) < len(settings.LANGUAGES):
        homes = {
            home.locale.language_code: home
            for home in site.root_page.get_translations(inclusive=True)
            .live()
            .select_related("locale")
        }
    entries = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        full_url = None
        if target is not None:
            url = target.get_url(request)
            full_url = target.get_full_url(request)
        elif page is None or not isinstance(page, Page):
            url = translate_url(request.get_full_path(), code)
        elif code in homes:
            url = homes[code].get_url(request)
        else:
            continue
        entries.append(
            {
                "code": code,
                "name": _language_name(code),
                "url": url,
                "is_current": code == current,
                "is_translation": target is not None,
                "full_url": full_url or request.build_absolute_uri(url),
            }
        )
    return entries


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` made absolute against the site's own address (unchanged when already absolute)."""
    page = context.get("page")
    site = page.get_site() if isinstance(page, Page) else Site.find_for_request(context["request"])
    base = site.root_url if site else context["request"].build_absolute_uri("/")
    return urljoin(base + "/", url)


@register.simple_tag
def text_direction(language_code=None):
    code = language_code or translation.get_language()
    return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"


@register.simple_tag
def default_language():
    return Locale.get_default().language_code
