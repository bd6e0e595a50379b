"""A site on its busiest day, for the query budgets: lists of 1, 20 and 50 items (resources of
one type, stories, campaigns, search results, snippets, images, documents) and a page of each
type in two sizes, with 2 and with 20 StreamField blocks and related items (topics, regions,
partners, related pages, helplines, downloads, images, links in rich text).

Built with the factories on top of the test site (home page, settings and menu in every
language); the English menu links to the sections, the settings have a share image."""

import datetime
import itertools
from dataclasses import dataclass, field

from django.conf import settings
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from core.models import NavigationMenu, SiteSettings
from home.models import HomePage
from tests.content import pdf_file
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    DocumentFactory,
    HelplineFactory,
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
)

LIST_SIZES = (1, 20, 50)
PAGE_SIZES = (2, 20)  # StreamField blocks and related items of one page
VIDEO_URL = "https://vimeo.com/76979871"
# A word found in the titles of the resources and stories of one list size only.
SEARCH_WORDS = {1: "aardvark", 20: "baobab", 50: "chameleon"}


@dataclass
class BusySite:
    home: HomePage
    library: object = None
    images: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    helplines: list = field(default_factory=list)
    snippets: dict = field(default_factory=dict)  # "topics" → [Topic, …], …
    story_indexes: dict = field(default_factory=dict)  # list size → index
    campaign_indexes: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)  # ("campaign", 20) → page
    resources: list = field(default_factory=list)
    stories: list = field(default_factory=list)


def build_busy_site():
    home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE, depth=2)
    site = BusySite(home=home)
    site.images = [ImageFactory(title=f"Photo {number}") for number in range(50)]
    site.documents = [
        DocumentFactory(title=f"Report {number}", file=pdf_file(f"report-{number}.pdf"))
        for number in range(50)
    ]
    site.helplines = [HelplineFactory(name=f"Helpline {number}") for number in range(20)]
    site.snippets = {
        "resource-types": [ResourceTypeFactory() for _ in range(50)],
        "topics": [TopicFactory() for _ in range(50)],
        "regions": [RegionFactory() for _ in range(50)],
        "partners": [PartnerFactory(logo=site.images[n]) for n in range(50)],
    }
    Embed.objects.get_or_create(
        hash=get_embed_hash(VIDEO_URL),
        defaults={"url": VIDEO_URL, "type": "video", "title": "Film", "provider_name": "Vimeo"},
    )
    build_lists(site)
    for size in PAGE_SIZES:
        build_pages_of_size(site, size)
    build_chrome(site)
    return site


PAGE_KINDS = ["standard", "resource", "campaign", "story"]


def page_addresses(site):
    """The address of each kind of page of the site: the listings at their longest, the pages
    with 20 blocks and related items."""
    big = LIST_SIZES[-1]
    return {
        "home": site.home.url,
        "library": site.library.url,
        "story index": site.story_indexes[big].url,
        "campaign index": site.campaign_indexes[big].url,
        **{kind: site.pages[kind, 20].url for kind in PAGE_KINDS},
    }


def list_snippet(site, name, size):
    """The resource type, topic or region of the resources of the list of `size` (the pages of
    PAGE_SIZES choose others: the first 20)."""
    return site.snippets[name][40 + LIST_SIZES.index(size)]


def build_lists(site):
    """Resources of one type, one topic and one region per list size (topics and regions shared
    by all besides), campaigns and stories under an index per list size. Every item of a list
    has each kind of block and related item (a list of 1 costs what a list of 50 does only if
    its item shows as much)."""
    library = ResourceIndexPageFactory(parent=site.home, title="Library", slug="library")
    site.library = library
    types, topics, regions = (
        site.snippets[name] for name in ("resource-types", "topics", "regions")
    )
    images = itertools.cycle(site.images[:6])
    for size in LIST_SIZES:
        word = SEARCH_WORDS[size]
        resources = []
        for number in range(size):
            resource = ResourcePageFactory(
                parent=site.library,
                title=f"{word.title()} report {number}",
                resource_type=list_snippet(site, "resource-types", size),
                cover_image=next(images),
                publication_date=datetime.date(2020 + number % 6, 1 + number % 12, 1),
                body=[("paragraph", "<p>Findings.</p>")],
                downloads=[("download", {"document": site.documents[number], "title": ""})],
            )
            resource.topics.set([list_snippet(site, "topics", size), topics[39]])
            resource.regions.set([list_snippet(site, "regions", size), regions[39]])
            resource.save()
            resources.append(resource)
        site.resources += resources
        campaigns = build_listed_campaigns(site, size, images, resources)
        build_listed_stories(site, size, images, campaigns)


def build_listed_campaigns(site, size, images, resources):
    links = links_to(resources[:1], site.documents[:1])
    site.campaign_indexes[size] = index = CampaignIndexPageFactory(
        parent=site.home, title=f"Campaigns {size}", slug=f"campaigns-{size}"
    )
    campaigns = []
    for number in range(size):
        image = next(images)
        campaign = CampaignPageFactory(
            parent=index,
            title=f"Campaign {number}",
            hero_image=image,
            body=body_blocks(1, [image], site.helplines[:2], links),
            calls_to_action=[call_to_action(kind, 0) for kind in CALL_TO_ACTION_KINDS],
            related_pages=[("page", resource) for resource in resources[:2]],
        )
        for name in ("topics", "regions", "partners"):
            getattr(campaign, name).set(site.snippets[name][:2])
        campaign.save()
        campaigns.append(campaign)
    return campaigns


def build_listed_stories(site, size, images, campaigns):
    links = links_to(site.resources[:1], site.documents[:1])
    site.story_indexes[size] = index = StoryIndexPageFactory(
        parent=site.home, title=f"Stories {size}", slug=f"stories-{size}"
    )
    for number in range(size):
        site.stories.append(
            SurvivorStoryPageFactory(
                parent=index,
                title=f"Story {size}-{number}",
                country=site.snippets["regions"][number % 3],
                image=next(images),
                body=links,
                related_campaign=campaigns[number],
                support=[("helplines", {"heading": "", "helplines": site.helplines[:2]})],
            )
        )


def links_to(pages, documents):
    """Rich text linking to each of `pages` and `documents`."""
    return "".join(
        f'<p><a linktype="page" id="{page.pk}">Read</a> '
        f'<a linktype="document" id="{document.pk}">Download</a></p>'
        for page, document in zip(pages, documents, strict=True)
    )


def build_pages_of_size(site, size):
    """A page of each type with `size` blocks of every kind in each StreamField and `size`
    related items of every kind."""
    images, documents = site.images[:size], site.documents[:size]
    helplines = site.helplines[:size]
    resources, stories = site.resources[:size], site.stories[:size]
    links = links_to(resources, documents)
    body = body_blocks(size, images, helplines, links)
    site.pages["standard", size] = StandardPageFactory(
        parent=site.home, title=f"Standard {size}", slug=f"standard-{size}", body=body
    )
    resource = ResourcePageFactory(
        parent=site.library,
        title=f"Resource of {size}",
        slug=f"resource-{size}",
        resource_type=site.snippets["resource-types"][0],
        cover_image=images[0],
        body=body,
        downloads=[("download", {"document": document, "title": ""}) for document in documents],
        video=[("video", {"video": VIDEO_URL, "title": "Film"})],
    )
    resource.topics.set(site.snippets["topics"][:size])
    resource.regions.set(site.snippets["regions"][:size])
    resource.save()
    site.pages["resource", size] = resource
    campaign = CampaignPageFactory(
        parent=site.campaign_indexes[1],
        title=f"Campaign of {size}",
        slug=f"campaign-{size}",
        hero_image=images[0],
        body=body,
        calls_to_action=[
            call_to_action(kind, number) for number in range(size) for kind in CALL_TO_ACTION_KINDS
        ],
        related_pages=[
            ("page", page)
            for page in itertools.chain.from_iterable(zip(resources, stories, strict=True))
        ][:size],
    )
    for name in ("topics", "regions", "partners"):
        getattr(campaign, name).set(site.snippets[name][:size])
    campaign.save()
    site.pages["campaign", size] = campaign
    site.pages["story", size] = SurvivorStoryPageFactory(
        parent=site.story_indexes[1],
        title=f"Story of {size}",
        slug=f"story-{size}",
        country=site.snippets["regions"][0],
        image=images[0],
        body=links,
        related_campaign=campaign,
        support=[("helplines", {"heading": "", "helplines": helplines})],
    )


def body_blocks(size, images, helplines, links):
    """`size` blocks of every kind, their images all different."""
    blocks = []
    for number in range(size):
        image = images[number]
        blocks += [
            ("section", {"heading": f"Part {number}", "body": links, "image": image}),
            ("image", {"image": image, "caption": "A caption"}),
            ("paragraph", links),
            ("quote", {"quote": "Justice now.", "attribution": "A survivor"}),
            ("video", {"video": VIDEO_URL, "title": "Film"}),
            ("helplines", {"heading": "", "helplines": helplines}),
        ]
    return blocks


CALL_TO_ACTION_KINDS = ["share", "coalition", "newsletter", "donate", "briefings"]


def call_to_action(kind, number):
    link = "https://coalition.example.org/join" if kind == "coalition" else ""
    return (
        "call_to_action",
        {"kind": kind, "heading": f"Act {number}", "text": "", "button_label": "", "link": link},
    )


def build_chrome(site):
    """The English menu links to every section; the settings have a share image."""
    menu = NavigationMenu.objects.get(locale=site.home.locale)
    sections = [site.library, *site.story_indexes.values(), *site.campaign_indexes.values()]
    menu.main_links = [("link", {"page": page, "url": "", "label": ""}) for page in sections]
    menu.footer_links = [
        ("link", {"page": site.pages["standard", 2], "url": "", "label": ""}),
        ("link", {"page": None, "url": "https://example.org/", "label": "Elsewhere"}),
    ]
    menu.footer_text = "<p>If you are in danger, call your local emergency number.</p>"
    menu.save()
    SiteSettings.objects.filter(locale=site.home.locale).update(default_share_image=site.images[0])
