from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_rendition_or_not_found, get_renditions_or_not_found
from wagtail.models import Page, Site

from core.alt_text import alt_text
from core.localization import untranslated_page_urls
from core.renditions import SHARE_IMAGE, picture_specs
from core.restrictions import restricted

register = template.Library()


def _language_name(code):
    return get_language_info(code)["name_local"]


@register.simple_tag(takes_context=True)
def page_translations(context, page=None):
    """One entry per site language: where the visitor lands on switching to it.

    A page's live translation when it has one; otherwise the page itself in its original
    language under that language's address (see SitePage.route). Off the page tree (search,
    errors): the same address in that language."""
    request = context["request"]
    current = translation.get_language()
    is_page = isinstance(page, Page)
    translations = {}
    untranslated = {}
    if is_page:
        for translated in (
            page.get_translations(inclusive=True)
            .live()
            .exclude(restricted())
            .select_related("locale")
        ):
            translations[translated.locale.language_code] = translated
        if len(translations) < len(settings.LANGUAGES):
            missing = [code for code, _name in settings.LANGUAGES if code not in translations]
            untranslated = untranslated_page_urls(page, missing, request)
    entries = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        full_url = None
        if target is not None:
            url = target.get_url(request)
            full_url = target.get_full_url(request)
        elif not is_page:
            url = translate_url(request.get_full_path(), code)
        else:
            url = untranslated.get(code)
        if not url:
            continue
        entries.append(
            {
                "code": code,
                "name": _language_name(code),
                "url": url,
                "is_current": code == current,
                "is_translation": target is not None or not is_page,
                "full_url": full_url or request.build_absolute_uri(url),
            }
        )
    return entries


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` made absolute against the site's own address (unchanged when already absolute)."""
    page, request = context.get("page"), context["request"]
    if isinstance(page, Page):
        # The page's site from the cached root paths (Page.get_site() would query the Site).
        url_parts = page.get_url_parts(request)
        base = url_parts[1] if url_parts else None
    else:
        site = Site.find_for_request(request)
        base = site.root_url if site else None
    return urljoin((base or request.build_absolute_uri("/").rstrip("/")) + "/", url)


ARABIC_INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@register.filter
def local_digits(value):
    """Numbers written with the digits of the visitor's language (Arabic-Indic in Arabic)."""
    text = str(value)
    if translation.get_language() == "ar":
        return text.translate(ARABIC_INDIC_DIGITS)
    return text


@register.simple_tag
def site_picture(image, name, alt="", **attrs):
    """`{% site_picture image "card" alt=page.image_alt sizes="…" loading="lazy" %}`: Wagtail's
    `{% picture %}` (WebP with a JPEG fallback, a `srcset` of widths) with the specs of the
    site's picture `name` in core/renditions.py, which the worker makes ahead of visitors.
    `alt` is the alt text written for this use; the image's description when empty."""
    if not image:
        return ""
    attrs["alt"] = alt_text(image, alt)
    return Picture(get_renditions_or_not_found(image, picture_specs(name)), attrs)


@register.simple_tag
def share_rendition(image):
    """The rendition of `image` shared on social networks (og:image)."""
    return get_rendition_or_not_found(image, SHARE_IMAGE) if image else None
