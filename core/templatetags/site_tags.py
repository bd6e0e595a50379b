from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page

from core import seo
from core.alt_text import alt_text
from core.localization import live_translations, untranslated_page_urls
from core.money import ARABIC_INDIC_DIGITS
from core.renditions import picture_specs

register = template.Library()


def _language_name(code):
    return get_language_info(code)["name_local"]


@register.simple_tag(takes_context=True)
def page_translations(context, page=None):
    """One entry per site language: where the visitor lands on switching to it.

    A page's live translation when it has one; otherwise the page itself in its original
    language under that language's address (see SitePage.route). Off the page tree (search,
    errors): the same address in that language. Below a routable page (`subpage` in the
    context, see core.seo.page_head), the same address below each translation."""
    request = context["request"]
    suffix = getattr(context.get("subpage"), "suffix", "")
    current = translation.get_language()
    is_page = isinstance(page, Page)
    translations = {}
    untranslated = {}
    if is_page:
        for translated in live_translations(page):
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
        if is_page and suffix:
            url, full_url = url + suffix, full_url and full_url + suffix
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
def page_head(context, page, languages):
    """What the `<head>` says of the page (core/seo.py, which the APIs' `seo` shows too), in
    the address's language; for a view off the page tree, its addresses in `languages`."""
    if isinstance(page, Page):
        return seo.page_head(
            page,
            live_translations(page),
            language=translation.get_language(),
            subpage=context.get("subpage"),
        )
    return seo.view_head(context["request"], languages, context.get("site_settings"))


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


@register.simple_tag(takes_context=True)
def call_to_action_share(context, value):
    """`{% call_to_action_share value as share %}`: the address a share call to action shares
    (its own, else the page's), the hashtag and the links (core/sharing.py)."""
    return value.share(context.get("page"), context.get("request"))


@register.simple_tag(takes_context=True)
def sign_up_link(context):
    """`{% sign_up_link as url %}`: where "Sign up" leads in the page's language."""
    from core.calls_to_action import sign_up_address

    return sign_up_address(context.get("site_settings"))
