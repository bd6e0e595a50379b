"""A small site on top of the test site: one page of every type, the library's snippets and the
menu, each translated into every language the way a translator does it (tests/factories.py's
`translate`). For tests that need "a live page of each type in each language" or a campaign that
links to resources and stories; tests that need one object make it with the factories alone.

Translated texts are "[fr] original" unless written below, where a test needs the English text
absent from the translation or reads a language's own words."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from core.models import NavigationMenu, SiteSettings
from home.models import HomePage
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    DocumentFactory,
    ImageFactory,
    PartnerFactory,
    RegionFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    StandardPageFactory,
    StoryIndexPageFactory,
    SurvivorStoryPageFactory,
    TopicFactory,
    translate,
)

SHARE_IMAGE_DESCRIPTION = "People marching with banners"
# The campaign's own alt text for its hero image (translated as "[fr] …").
CAMPAIGN_HERO_ALT = "Campaigners marching for survivors' rights"
CAMPAIGN_INTRO = "Why this campaign matters."
STORY_WARNING = "This story mentions coercion."
WRITTEN_TRANSLATIONS = {
    "fr": {
        CAMPAIGN_INTRO: "Pourquoi cette campagne compte.",
        STORY_WARNING: "Ce récit évoque la contrainte.",
    },
    "es": {CAMPAIGN_INTRO: "Por qué importa esta campaña."},
    "sw": {CAMPAIGN_INTRO: "Kwa nini kampeni hii ni muhimu."},
    "ar": {
        CAMPAIGN_INTRO: "لماذا تهم هذه الحملة.",
        "Kenya": "كينيا",
        CAMPAIGN_HERO_ALT: "ناشطون يسيرون دفاعًا عن حقوق الناجين",
    },
}
COALITION_JOIN_URL = "https://coalition.example.org/join"
VIDEO_URL = "https://www.youtube.com/watch?v=test-justice"


def pdf_file(name, text="A report."):
    """A tiny file that starts like a PDF (what the document views and tests look for)."""
    return ContentFile(f"%PDF-1.4\n% {text}\n%%EOF\n".encode(), name=name)


@dataclass
class SiteContent:
    """The English objects; their translations are found with `get_translation`."""

    home: HomePage
    share_image: object
    report: object  # the PDF the first resource offers
    resource_types: dict = field(default_factory=dict)  # by slug
    topics: dict = field(default_factory=dict)
    regions: dict = field(default_factory=dict)
    partner: object = None
    pages: dict = field(default_factory=dict)  # by slug


def build_site_content():
    english_home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE, depth=2)
    share_image = ImageFactory(title="Campaigners at a march", description=SHARE_IMAGE_DESCRIPTION)
    content = SiteContent(
        home=english_home,
        share_image=share_image,
        report=DocumentFactory(title="Laws across Africa", file=pdf_file("laws.pdf")),
    )
    build_taxonomies(content)
    build_pages(content)
    link_pages(content)
    translate_everything(content)
    return content


def build_taxonomies(content):
    content.resource_types = {
        slug: ResourceTypeFactory(name=name, slug=slug)
        for slug, name in [("policy-brief", "Policy brief"), ("video", "Video")]
    }
    content.topics = {
        "access-to-justice": TopicFactory(name="Access to justice", slug="access-to-justice"),
        "law-reform": TopicFactory(name="Law reform", slug="law-reform"),
    }
    content.regions = {
        "kenya": RegionFactory(name="Kenya", slug="kenya", is_country=True),
        "global": RegionFactory(name="Global", slug="global", is_country=False),
    }
    content.partner = PartnerFactory(
        name="Rights Coalition",
        description="Organisations that protect rights in digital spaces.",
        url="https://coalition.example.org/",
        join_url=COALITION_JOIN_URL,
    )


def build_pages(content):
    home, pages = content.home, content.pages
    pages["about"] = StandardPageFactory(
        parent=home,
        title="About us",
        slug="about",
        intro="Who we are.",
        body=[("paragraph", "<p>Lawyers, researchers and campaigners.</p>")],
    )
    pages["resources"] = ResourceIndexPageFactory(
        parent=home, title="Resources", slug="resources", intro="<p>Research, free to share.</p>"
    )
    build_resources(content)
    pages["stories"] = StoryIndexPageFactory(
        parent=home, title="Survivor stories", slug="stories", intro="<p>Told with consent.</p>"
    )
    pages["amani"] = SurvivorStoryPageFactory(
        parent=pages["stories"],
        title="I was promised a job in the city",
        slug="amani",
        country=content.regions["kenya"],
        content_warning=STORY_WARNING,
        quote="I thought I was going to work in a hotel.",
        image=content.share_image,
    )
    pages["campaigns"] = CampaignIndexPageFactory(
        parent=home, title="Campaigns", slug="campaigns", intro="<p>Around awareness days.</p>"
    )
    pages["world-day"] = CampaignPageFactory(
        parent=pages["campaigns"],
        title="World Day Against Trafficking in Persons",
        slug="world-day",
        intro=CAMPAIGN_INTRO,
        hero_image=content.share_image,
        hero_image_alt=CAMPAIGN_HERO_ALT,
        body=[
            ("section", {"heading": heading, "body": f"<p>{text}</p>", "image": None})
            for heading, text in [
                ("What is the issue?", "Most victims are women and girls."),
                ("What you can do", "Share our work."),
            ]
        ],
        calls_to_action=[
            (
                "call_to_action",
                {"kind": kind, "heading": heading, "text": "", "button_label": "", "link": link},
            )
            for kind, heading, link in [
                ("share", "Join the conversation", ""),
                ("coalition", "Join a coalition", COALITION_JOIN_URL),
                ("newsletter", "Sign up for updates", ""),
                ("donate", "Make a donation", ""),
            ]
        ],
    )
    campaign = pages["world-day"]
    campaign.topics.set(content.topics.values())
    campaign.partners.set([content.partner])
    campaign.save_revision().publish()


def build_resources(content):
    library, pages = content.pages["resources"], content.pages
    pages["laws-across-africa"] = ResourcePageFactory(
        parent=library,
        title="Sexual exploitation laws across Africa",
        slug="laws-across-africa",
        resource_type=content.resource_types["policy-brief"],
        publication_date=datetime.date(2025, 11, 20),
        summary="How laws in twenty countries define and punish sexual exploitation.",
        body=[("paragraph", "<p>Many laws still punish the people who are exploited.</p>")],
        downloads=[("download", {"document": content.report, "title": ""})],
        cover_image=content.share_image,
        featured=True,
    )
    Embed.objects.get_or_create(
        hash=get_embed_hash(VIDEO_URL),
        defaults={"url": VIDEO_URL, "type": "video", "title": "Film", "provider_name": "YouTube"},
    )
    pages["world-day-film"] = ResourcePageFactory(
        parent=library,
        title="Film: justice for survivors",
        slug="world-day-film",
        resource_type=content.resource_types["video"],
        publication_date=datetime.date(2025, 7, 30),
        summary="A short film made for World Day Against Trafficking in Persons.",
        video=[("video", {"video": VIDEO_URL, "title": "Film: justice for survivors"})],
    )
    for page in (pages["laws-across-africa"], pages["world-day-film"]):
        page.topics.set([content.topics["access-to-justice"]])
        page.regions.set(content.regions.values())
        page.save_revision().publish()


def link_pages(content):
    """The campaign's related resources and story, the home page's featured campaign and
    text, the menu and the image shared when a page has none of its own."""
    pages = content.pages
    campaign = pages["world-day"]
    campaign.related_pages = [
        ("page", pages[slug]) for slug in ("amani", "laws-across-africa", "world-day-film")
    ]
    campaign.save_revision().publish()
    content.home.featured_campaign = campaign
    content.home.hero_text = "We work with survivors, lawmakers and courts."
    content.home.save_revision().publish()
    menu = NavigationMenu.objects.get(locale=content.home.locale)
    menu.main_links = [
        ("link", {"page": pages[slug], "url": "", "label": ""})
        for slug in ("campaigns", "resources", "stories", "about")
    ]
    menu.footer_links = [("link", {"page": pages["about"], "url": "", "label": ""})]
    menu.footer_text = "<p>If you are in danger, call your local emergency number.</p>"
    menu.save()
    SiteSettings.objects.filter(locale=content.home.locale).update(
        default_share_image=content.share_image
    )


def translate_everything(content):
    """Snippets first, then pages from the top of the tree (a translation links to translated
    pages and snippets), then the home page, menu and settings that link to them."""
    english = content.home.locale
    snippets = [
        *content.resource_types.values(),
        *content.topics.values(),
        *content.regions.values(),
        content.partner,
    ]
    pages = sorted(content.pages.values(), key=lambda page: page.path)
    linking = [
        content.home,
        NavigationMenu.objects.get(locale=english),
        SiteSettings.objects.get(locale=english),
    ]
    for code, _name in settings.LANGUAGES:
        if code == english.language_code:
            continue
        for instance in [*snippets, *pages, *linking]:
            translate(instance, code, WRITTEN_TRANSLATIONS.get(code))
