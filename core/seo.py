"""What a page's `<head>` tells search engines and social networks: its title, description,
canonical address, the addresses of its translations (hreflang, with `x-default`) and the image
shown when it is shared.

Computed here once, for the site's HTML (`{% page_head %}`, templates/includes/head_meta.html)
and for the APIs' `seo` object (cms/api/fields.py), so that a headless frontend renders the same
head as the site itself."""

from typing import Literal
from urllib.parse import urljoin

from django.conf import settings
from django.utils import translation
from django.utils.text import Truncator
from typing_extensions import TypedDict

from core.renditions import SHARE_IMAGE

DESCRIPTION_LENGTH = 300
TWITTER_DESCRIPTION_LENGTH = 200  # what X (Twitter) shows of a card's description


class ShareImage(TypedDict):
    """The image of `og:image` and `twitter:image`: a 1200×630 crop (smaller only when the
    original is), as an absolute address."""

    url: str
    width: int
    height: int
    alt: str


class Alternate(TypedDict):
    """A `<link rel="alternate" hreflang>`: a live translation of the page, and `x-default`
    (the default language's version) for visitors of any other language."""

    hreflang: str
    url: str


class Seo(TypedDict):
    """Everything the site's own `<head>` says about the page, in the page's language.
    `<title>` is `document_title`; `og:title` and `twitter:title` are `title`; `og:description`
    and `<meta name="description">` are `description`, `twitter:description` is
    `twitter_description`; `og:url` is `canonical_url`; `og:locale` is `locale`."""

    title: str
    document_title: str
    site_name: str
    description: str
    twitter_description: str
    canonical_url: str | None
    alternates: list[Alternate]
    locale: str
    og_type: Literal["website", "article"]
    twitter_card: Literal["summary", "summary_large_image"]
    image: ShareImage | None


def page_head(page, translations, language=None, subpage=None):
    """The head of `page` (of its specific type) in `language` (the page's own by default;
    the site's HTML passes the address's language, which differs for a page not translated
    yet). `translations`: the page's live, public versions in every language (itself too).
    `subpage`: a view of the page at an address below its own (a routable page's, such as the
    library's landing pages), with its `suffix`, `title` and `description`."""
    from core.models import SiteSettings

    language = language or page.locale.language_code
    with translation.override(language):
        site_settings = SiteSettings.for_active_locale()
    title = subpage.title if subpage else page.seo_title or page.title
    site_name = (site_settings.site_name if site_settings else "") or site_name_of(page)
    description = str((subpage.description if subpage else page.get_meta_description()) or "")
    suffix = subpage.suffix if subpage else ""
    if page.get_share_image():
        image, alt = page.get_share_image(), page.get_share_image_alt()
    else:
        image = getattr(site_settings, "default_share_image", None)
        alt = site_settings.default_share_image_alt_text if site_settings else ""
    share_image = share_image_value(image, site_root(page), alt)
    return Seo(
        title=title,
        document_title=f"{title} | {site_name}",
        site_name=site_name,
        description=Truncator(description).chars(DESCRIPTION_LENGTH),
        twitter_description=Truncator(description).chars(TWITTER_DESCRIPTION_LENGTH),
        canonical_url=page.full_url + suffix if page.full_url else None,
        alternates=alternates(translations, suffix),
        locale=language,
        og_type="website" if page.depth == 2 else "article",
        twitter_card="summary_large_image" if share_image else "summary",
        image=share_image,
    )


def alternates(translations, suffix=""):
    """hreflang links, in the order of settings.LANGUAGES, then `x-default`."""
    by_language = {}
    for version in translations:
        url = version.full_url
        if url:
            by_language[version.locale.language_code] = url + suffix
    found = [
        Alternate(hreflang=code, url=by_language[code])
        for code, _name in settings.LANGUAGES
        if code in by_language
    ]
    default = by_language.get(settings.LANGUAGE_CODE)
    if default:
        found.append(Alternate(hreflang="x-default", url=default))
    return found


def share_image_value(image, base_url, alt):
    from wagtail.images.shortcuts import get_renditions_or_not_found

    if image is None:
        return None
    # Not `get_rendition`, which writes the rendition to the cache on every use; this takes
    # those read with the page (core.renditions.prefetch_pictures).
    rendition = get_renditions_or_not_found(image, [SHARE_IMAGE])[SHARE_IMAGE]
    return ShareImage(
        url=urljoin(base_url + "/", rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=alt,
    )


def site_root(page):
    """The root address of the page's site, from Wagtail's cached site root paths."""
    url_parts = page.get_url_parts()
    return (url_parts[1] if url_parts else None) or ""


def site_name_of(page):
    site = page.get_site()
    return site.site_name if site else ""


def view_head(request, language_entries, site_settings):
    """The head of a view off the page tree (search, errors): its address in every language
    (`language_entries` of `{% page_translations %}`), the site's default share image."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    site_name = getattr(site_settings, "site_name", "") or (site.site_name if site else "")
    by_language = {entry["code"]: entry["full_url"] for entry in language_entries}
    found = [Alternate(hreflang=code, url=url) for code, url in by_language.items()]
    if settings.LANGUAGE_CODE in by_language:
        found.append(Alternate(hreflang="x-default", url=by_language[settings.LANGUAGE_CODE]))
    base_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    share_image = share_image_value(
        getattr(site_settings, "default_share_image", None),
        base_url,
        site_settings.default_share_image_alt_text if site_settings else "",
    )
    return Seo(
        title="",
        document_title=site_name,
        site_name=site_name,
        description="",
        twitter_description="",
        canonical_url=None,
        alternates=found,
        locale=translation.get_language(),
        og_type="article",
        twitter_card="summary_large_image" if share_image else "summary",
        image=share_image,
    )
