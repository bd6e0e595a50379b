"""The shapes of the values both APIs return, beyond Wagtail's own fields.

Each is a TypedDict: API v2 returns it as a plain dict, and API v3 reads it from the return
annotation of the serializer that produces it (see cms/api/fields.py), so that its OpenAPI
document describes every field with its real type instead of an untyped object.
"""

from typing import Literal

from typing_extensions import TypedDict

from core.representations import (  # noqa: F401
    Document,
    FocalPoint,
    Helpline,
    Image,
    ImageRenditions,
)
from core.seo import Seo  # noqa: F401


class ResourceType(TypedDict):
    id: int
    name: str
    slug: str
    description: str


class Topic(TypedDict):
    id: int
    name: str
    slug: str
    description: str


class Region(TypedDict):
    id: int
    name: str
    slug: str
    description: str
    is_country: bool


class Partner(TypedDict):
    id: int
    name: str
    slug: str
    description: str
    url: str
    join_url: str
    logo: Image | None


class Translation(TypedDict):
    """A live, public translation of a page: its language, id, title and public address."""

    locale: str
    id: int
    title: str
    url: str


class ContentWarningTopic(TypedDict):
    """A subject the story deals with: a stable code (stories.models.CONTENT_WARNINGS) and its
    label in the page's language."""

    code: Literal[
        "sexual-violence",
        "sexual-exploitation",
        "physical-violence",
        "child-abuse",
        "coercion",
        "online-abuse",
        "self-harm",
        "substance-abuse",
        "death",
    ]
    label: str


class ContentWarning(TypedDict):
    """What a reader is warned of before a survivor's story: show it before anything of the
    story. `topics` are the ticked subjects, `text` the editor's own words (may be empty),
    `summary` one sentence combining both, ready to show or to read out."""

    topics: list[ContentWarningTopic]
    text: str
    summary: str


class PageSummary(TypedDict):
    """Enough of a page to show it as a card or a link, in its own language. `content_warning`
    is set for survivor stories that have one: show it before the summary (the story's quote)."""

    id: int
    type: str
    locale: str
    title: str
    url: str
    content_warning: ContentWarning | None
    summary: str
    image: Image | None


class AgeRange(TypedDict):
    code: Literal["under-18", "18-25", "26-35", "36-50", "over-50"]
    label: str


# Blocks -------------------------------------------------------------------------------------


class Link(TypedDict):
    url: str | None
    text: str
    page_id: int | None


class ImageBlock(TypedDict):
    image: Image | None
    caption: str


class Quote(TypedDict):
    quote: str
    attribution: str


class Video(TypedDict):
    """A link to a video on another site (never an embedded player)."""

    provider: str
    url: str
    title: str


class Section(TypedDict):
    heading: str
    body: str
    image: Image | None


class CallToActionPartner(TypedDict):
    """The coalition to join, in the page's language."""

    id: int
    name: str
    url: str | None
    join_url: str | None


class ShareLink(TypedDict):
    """A network's own share page (or `mailto:`) with the address, title and hashtag: a plain
    link, no script of theirs, no tracking parameter added."""

    network: Literal["bluesky", "x", "facebook", "linkedin", "whatsapp", "telegram", "email"]
    name: str
    url: str


class Share(TypedDict):
    """`url` is the address shared: the block's own, else the page's."""

    url: str | None
    hashtag: str
    links: list[ShareLink]


class DonationAmount(TypedDict):
    """A suggested amount: `label` as the page's language writes it (e.g. "10 €", "١٠ US$"),
    `url` the provider's address for it."""

    amount: int
    label: str
    url: str


class Donation(TypedDict):
    """The site settings' suggested amounts in the page's language (an ISO 4217 `currency`);
    none without the provider's address for an amount."""

    currency: str
    amounts: list[DonationAmount]


class MailingList(TypedDict):
    """A list people can sign up for: its `id` (or `slug`) goes in a sign-up's `lists`."""

    id: int
    name: str
    slug: str
    description: str
    kind: Literal["newsletter", "early-access"]


class ConsentWording(TypedDict):
    """What a person agrees to by signing up; its `id` goes in the sign-up's `consent_wording`."""

    id: int
    version: int
    text: str


class SignUp(TypedDict):
    """A sign-up box: show the lists and the consent wording, then POST the address to
    `/api/v3/newsletter/sign-up/`."""

    heading: str
    text: str
    button_label: str
    lists: list[MailingList]
    consent_wording: ConsentWording | None


class CallToAction(TypedDict):
    """`link` is where the button leads: the block's own address, else, for a coalition, its
    partner's join address (or website), for donate, newsletter and briefings the site
    settings' address in the page's language; share calls have no button. `partner` (a
    coalition's), `share` and `donation` are given for their kind only, null for the others."""

    kind: Literal["share", "coalition", "newsletter", "donate", "briefings"]
    heading: str
    text: str
    button_label: str
    link: str | None
    partner: CallToActionPartner | None
    share: Share | None
    donation: Donation | None


class Download(TypedDict):
    document: Document | None
    title: str


class Helplines(TypedDict):
    """Helplines to call, in the page's language. Link each number with its `phone_link`."""

    heading: str
    helplines: list[Helpline]


# Site-wide ------------------------------------------------------------------------------------


class Language(TypedDict):
    code: str
    name: str
    name_english: str
    direction: Literal["ltr", "rtl"]
    is_default: bool
    home_url: str | None


class Languages(TypedDict):
    """The site's languages, as a list of either API: `items` and their `count`."""

    items: list[Language]
    count: int


class MenuLink(TypedDict):
    text: str
    url: str
    page_id: int | None


class SocialAccount(TypedDict):
    network: str
    name: str
    url: str


class Newsletter(TypedDict):
    heading: str
    text: str
    url: str


class Redirect(TypedDict):
    """A redirect kept by the site, from an address of the language asked for (or of none):
    `old_path` is percent-encoded, as browsers send `location.pathname`, and without its
    trailing slash (compare the request's path without it); `new_url` is absolute."""

    old_path: str
    new_url: str
    is_permanent: bool


class Navigation(TypedDict):
    main: list[MenuLink]
    footer: list[MenuLink]
    footer_text: str


class SiteSettings(TypedDict):
    site_name: str
    tagline: str
    donate_url: str
    donation: Donation
    default_hashtag: str
    newsletter: Newsletter
    quick_exit_url: str
    browse_safely_url: str | None
    social_accounts: list[SocialAccount]
    default_share_image: Image | None


class Site(TypedDict):
    """What a frontend needs around the pages of one language."""

    locale: str
    direction: Literal["ltr", "rtl"]
    home: PageSummary | None
    settings: SiteSettings | None
    navigation: Navigation | None
    redirects: list[Redirect]
