"""Site-wide answers shared by both APIs: the languages, one language's navigation, settings
and redirects, and finding a page by its public (localized) path."""

from urllib.parse import unquote

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils import translation
from django.utils.encoding import iri_to_uri, uri_to_iri
from wagtail.models import Locale, Page, Site

from cms.api import representations, schemas
from core.calls_to_action import sign_up_address


def direction(language_code) -> str:
    return "rtl" if translation.get_language_info(language_code)["bidi"] else "ltr"


def site_locales():
    """The site's languages in the configured order, with their Locale (None if missing)."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    return [(code, locales[code]) for code in representations.language_codes() if code in locales]


def languages(request) -> list[schemas.Language]:
    site = Site.find_for_request(request)
    homes = {}
    if site is not None:
        homes = {
            page.locale_id: page
            for page in Page.objects.filter(translation_key=site.root_page.translation_key)
            .live()
            .public()
        }
    default = settings.LANGUAGE_CODE
    result = []
    for code, locale in site_locales():
        info = translation.get_language_info(code)
        home = homes.get(locale.pk)
        result.append(
            schemas.Language(
                code=code,
                name=info["name_local"],
                name_english=info["name"],
                direction=direction(code),
                is_default=code == default,
                home_url=representations.page_url(home) if home else None,
            )
        )
    return result


def locale_or_none(language_code):
    """The site's Locale for a language code, None if the site has no such language."""
    if language_code not in representations.language_codes():
        return None
    return Locale.objects.filter(language_code=language_code).first()


def site_data(request, locale) -> schemas.Site:
    """The navigation, settings and redirects a frontend needs around the pages of `locale`."""
    from core.models import NavigationMenu, SiteSettings

    site = Site.find_for_request(request)
    with translation.override(locale.language_code):
        home = None
        if site is not None:
            home = representations.live_translation(site.root_page, locale)
            if home is not None and home.locale_id != locale.pk:
                home = None
        site_settings = SiteSettings.for_active_locale()
        navigation = NavigationMenu.for_active_locale()
        return schemas.Site(
            locale=locale.language_code,
            direction=direction(locale.language_code),
            home=representations.page_summary(home) if home else None,
            settings=settings_data(site_settings) if site_settings else None,
            navigation=navigation_data(navigation) if navigation else None,
            redirects=redirects(site, locale),
        )


def settings_data(site_settings) -> schemas.SiteSettings:
    return schemas.SiteSettings(
        site_name=site_settings.site_name,
        tagline=site_settings.tagline,
        donate_url=site_settings.donate_url,
        donation=schemas.Donation(
            currency=site_settings.donate_currency,
            amounts=[
                schemas.DonationAmount(amount=option.amount, label=option.label, url=option.url)
                for option in site_settings.donation_options()
            ],
        ),
        default_hashtag=site_settings.default_hashtag,
        newsletter=schemas.Newsletter(
            heading=site_settings.newsletter_heading,
            text=site_settings.newsletter_text,
            url=representations.full_url(sign_up_address(site_settings)),
        ),
        quick_exit_url=site_settings.quick_exit_url,
        browse_safely_url=(
            site_settings.browse_safely.get_full_url() if site_settings.browse_safely else None
        ),
        social_accounts=[
            schemas.SocialAccount(
                network=block.value["network"],
                name=block.value.network_name,
                url=block.value["url"],
            )
            for block in site_settings.social_accounts
        ],
        default_share_image=representations.image_value(
            site_settings.default_share_image, site_settings.default_share_image_alt
        ),
    )


def navigation_data(navigation) -> schemas.Navigation:
    """The menus in the active language: pages followed to their live translation, pages that
    visitors may not see left out (see NavigationMenu.resolve_links)."""
    main, footer = navigation.main_menu, navigation.footer_menu
    visible = representations.public_page_ids(
        Page(pk=link.page_id) for link in [*main, *footer] if link.page_id
    )

    def links(menu):
        return [
            schemas.MenuLink(
                text=str(link.text),
                url=representations.full_url(link.href),
                page_id=link.page_id,
            )
            for link in menu
            if link.page_id is None or link.page_id in visible
        ]

    from wagtail.api.rich_text import APIRichText

    return schemas.Navigation(
        main=links(main),
        footer=links(footer),
        footer_text=APIRichText.serialize(navigation.footer_text or "", format="html"),
    )


def redirects(site, locale) -> list[schemas.Redirect]:
    """The site's redirects (wagtail.contrib.redirects) from the addresses of `locale`'s
    language (under `/fr/`) and from addresses of no language (`/donate`, redirected before any
    language is chosen), their old paths percent-encoded like every address of the APIs (see
    `encoded_path`); those to pages visitors may not see are left out."""
    from wagtail.contrib.redirects.models import Redirect

    found = list(
        Redirect.get_for_site(site)
        .filter(under_language(locale.language_code) | ~under_any_language())
        .select_related("redirect_page")
        .order_by("old_path")
    )
    visible = representations.public_page_ids(
        redirect.redirect_page for redirect in found if redirect.redirect_page_id
    )
    result = []
    for redirect in found:
        if redirect.redirect_page_id and redirect.redirect_page_id not in visible:
            continue
        link = redirect.link
        if not link:
            continue
        result.append(
            schemas.Redirect(
                old_path=encoded_path(redirect.old_path),
                new_url=representations.full_url(link),
                is_permanent=redirect.is_permanent,
            )
        )
    return result


def under_language(code):
    """Old paths under a language's prefix: `/fr`, `/fr/…`, `/fr?…` (Wagtail keeps them without
    their trailing slash)."""
    prefix = f"/{code}"
    return (
        Q(old_path=prefix)
        | Q(old_path__startswith=f"{prefix}/")
        | Q(old_path__startswith=f"{prefix}?")
    )


def under_any_language():
    condition = Q(pk__in=[])
    for code in representations.language_codes():
        condition |= under_language(code)
    return condition


def encoded_path(path):
    """A path as the APIs give every address (`url`, `meta.html_url`, `new_url`) and browsers
    send it (`location.pathname`): percent-encoded UTF-8, whether it was stored encoded or not
    (Wagtail keeps redirects' old paths decoded, e.g. `/fr/réguler`)."""
    return iri_to_uri(uri_to_iri(path))


def find_page(request, html_path, site=None):
    """The live page at the public address `html_path` (e.g. `/fr/ressources/un-rapport/`), as
    the site would serve it: the language prefix picks the home page of that language, and
    pages not yet translated are found at their address under the translated parent (see
    SitePage.route). None when nothing is there."""
    site = site or Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in unquote(html_path).split("/") if component]
    root = site.root_page
    language = settings.LANGUAGE_CODE
    if components and components[0] in representations.language_codes():
        language = components.pop(0)
        locale = locale_or_none(language)
        root = root.get_translation_or_none(locale) if locale else None
        if root is None:
            return None
    with translation.override(language):
        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
    return page
