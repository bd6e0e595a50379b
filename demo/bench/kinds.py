"""What a benchmark resource, campaign and story holds: the fields an editor would fill in, in the
shape of the demo's own pages, from the demo's texts (demo/bench/texts.py) and the snippets of
the page's language. StreamFields are given as Wagtail stores them (raw blocks)."""

import datetime
import uuid
from dataclasses import dataclass, field

from django.utils import timezone

from demo import content
from demo.bench.texts import PSEUDONYMS, Texts, sentences
from demo.bench.tree import NewPage
from home.models import CampaignIndexPage, CampaignPage
from resources.models import ResourceIndexPage, ResourcePage
from stories.models import StoryIndexPage, SurvivorStoryPage

# Campaigns link to resources among the first ones, which every scale has.
RELATED_RESOURCES_POOL = 50


@dataclass
class Snippets:
    """One language's snippets, each list in the order of the translation keys: the same
    position is the same snippet in every language."""

    resource_types: list
    topics: list
    regions: list
    countries: list
    partners: list
    helplines: list


@dataclass
class Sources:
    """What the pages of one language are made from and link to."""

    snippets: Snippets
    image_ids: list
    document_ids: list
    # Bench pages already there, by kind and number: {"resource": {7: page id, …}, …}.
    pages: dict = field(default_factory=dict)


def block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def helplines_block(texts, helplines):
    chosen = texts.sample(helplines, 1, 2)
    items = [block("item", helpline.pk) for helpline in chosen]
    return block("helplines", {"heading": texts.say(content.HELPLINES_HEADING), "helplines": items})


def published_at(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))


def resource(texts, sources):
    snippets = sources.snippets
    base = texts.pick(content.RESOURCES)
    region = texts.pick(snippets.regions)
    date = datetime.date(texts.year(), texts.rng.randint(1, 12), texts.rng.randint(1, 28))
    title = f"{texts.say(base['title'])} ({region.name}, {date.year})"
    downloads = []
    if texts.rng.random() < 1 / 3:
        document = texts.pick(sources.document_ids)
        downloads = [block("download", {"document": document, "title": ""})]
    page = ResourcePage(
        title=title,
        slug=texts.slug(title),
        resource_type=texts.pick(snippets.resource_types),
        publication_date=date,
        first_published_at=published_at(date),
        summary=texts.say(texts.pick(content.RESOURCES)["summary"]),
        body=[block("paragraph", texts.paragraphs())],
        downloads=downloads,
        cover_image_id=texts.pick(sources.image_ids),
    )
    topics = texts.sample(snippets.topics, 1, 3)
    regions = [region, *texts.sample(snippets.regions, 0, 1)]
    partners = texts.sample(snippets.partners, 0, 1)
    relations = {
        "topics": [t.pk for t in topics],
        "regions": sorted({r.pk for r in regions}),
        "partners": [p.pk for p in partners],
    }
    return NewPage(page, relations)


def campaign_sections(texts, snippets):
    sections = []
    for heading, items in content.CAMPAIGN["sections"]:
        chosen = texts.sample(items, 2, 3)
        body = "<ul>" + "".join(f"<li>{texts.say(item)}</li>" for item in chosen) + "</ul>"
        sections.append(
            block("section", {"heading": texts.say(heading), "body": body, "image": None})
        )
    return [*sections, helplines_block(texts, snippets.helplines)]


def campaign(texts, sources):
    snippets = sources.snippets
    topic = texts.pick(snippets.topics)
    year = texts.year()
    title = f"{texts.say(content.CAMPAIGN['title'])} {year}: {topic.name}"
    calls = [
        block(
            "call_to_action",
            {"kind": kind, "heading": texts.say(heading), "text": texts.say(text)}
            | {"button_label": "", "link": link},
        )
        for kind, heading, text, link in content.CAMPAIGN["calls_to_action"]
    ]
    resources = sources.pages.get("resource", {})
    pool = sorted(number for number in resources if number < RELATED_RESOURCES_POOL)
    related = [block("page", resources[number]) for number in texts.sample(pool, 3, 6)]
    page = CampaignPage(
        title=title,
        slug=texts.slug(title),
        awareness_date=datetime.date(year, 7, 30),
        first_published_at=published_at(datetime.date(year, 6, 30)),
        hashtag=content.CAMPAIGN["hashtag"],
        hero_image_id=texts.pick(sources.image_ids),
        intro=" ".join(texts.say(text) for text in texts.sample(sentences(), 2, 2)),
        body=campaign_sections(texts, snippets),
        calls_to_action=calls,
        related_pages=related,
    )
    relations = {
        "partners": [partner.pk for partner in snippets.partners],
        "topics": sorted({topic.pk, *(t.pk for t in texts.sample(snippets.topics, 0, 2))}),
        "regions": [region.pk for region in texts.sample(snippets.regions, 1, 3)],
    }
    return NewPage(page, relations)


def story(texts, sources):
    snippets = sources.snippets
    base = texts.pick(content.STORIES)
    pseudonym = texts.pick(PSEUDONYMS)
    title = f"{pseudonym}: {texts.say(base['title'])}"
    campaigns = sources.pages.get("campaign", {})
    related_campaign = campaigns.get(texts.rng.randrange(max(len(campaigns), 1)))
    page = SurvivorStoryPage(
        title=title,
        slug=texts.slug(title),
        pseudonym=pseudonym,
        country=texts.pick([*snippets.countries, None]),
        age_range=texts.pick([code for code, _label in SurvivorStoryPage.AGE_RANGES]),
        content_warning_topics=base["content_warning_topics"],
        content_warning=texts.say(base["content_warning"]),
        quote=texts.say(base["quote"]),
        body=texts.paragraphs(3, 5),
        first_published_at=published_at(datetime.date(texts.year(), 1, 1))
        + datetime.timedelta(days=texts.rng.randrange(365)),
        support=[helplines_block(texts, snippets.helplines)],
        related_campaign_id=related_campaign,
    )
    return NewPage(page)


@dataclass(frozen=True)
class Kind:
    """A kind of benchmark page: its number in translation keys, model, parent and builder."""

    name: str
    code: int
    model: type
    parent_model: type
    build: object

    def new_page(self, number, language, sources):
        return self.build(Texts(self.name, number, language), sources)


# In the order they are made: campaigns link to resources, stories to campaigns.
KINDS = [
    Kind("resource", 1, ResourcePage, ResourceIndexPage, resource),
    Kind("campaign", 2, CampaignPage, CampaignIndexPage, campaign),
    Kind("story", 3, SurvivorStoryPage, StoryIndexPage, story),
]
