"""Helpers for the API contract tests: a frontend developer's view of /api/v2/ and /api/v3/, and
the site they read (tests/content.py's, with a fuller library, menu and settings)."""

import datetime

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Locale

from core.models import NavigationMenu, SiteSettings
from tests.content import WRITTEN_TRANSLATIONS
from tests.factories import (
    RegionFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    StandardPageFactory,
    TopicFactory,
    translate,
)

LANGUAGES = ["en", "fr", "es", "sw", "ar"]
VIMEO_URL = "https://vimeo.com/123456789"
# Written French where a test searches or reads a French word (elsewhere "[fr] original").
FRENCH = {
    "Access to justice": "Accès à la justice",
    "Regulating online platforms": "Réguler les plateformes en ligne",
    "What online platforms owe the people they expose to traffickers.": (
        "Ce que les plateformes en ligne doivent aux personnes qu'elles exposent."
    ),
}


# The home page's own alt text for its picture, and the Arabic a translator wrote for it.
HOME_HERO_ALT = "Survivors and lawyers marching together"
ARABIC_HOME_HERO_ALT = "ناجيات ومحاميات يسرن معًا"
ARABIC = {**WRITTEN_TRANSLATIONS["ar"], HOME_HERO_ALT: ARABIC_HOME_HERO_ALT}


def get_json(client, url, params=None, status=200, **headers):
    """GET `url` and return its JSON body, checking the status and that it is JSON."""
    response = client.get(url, params or {}, **headers)
    assert response.status_code == status, (url, params, response.status_code, response.content)
    assert response["Content-Type"].split(";")[0] in (
        "application/json",
        "application/problem+json",
    ), (url, response["Content-Type"])
    return response.json()


def locale(code):
    return Locale.objects.get(language_code=code)


def in_language(model, code, slug=None, **filters):
    """The first page (or snippet) of `model` in language `code`; with `slug`, the translation
    of the English one with that slug (a translation takes the slug of its translated title)."""
    if slug is not None:
        english = model.objects.get(locale__language_code="en", slug=slug)
        filters["translation_key"] = english.translation_key
    return model.objects.filter(locale__language_code=code, **filters).order_by("pk").first()


def path_of(page):
    """The public address of `page` without scheme and host, as a frontend's router sees it."""
    url = page.get_url()
    assert url.startswith("/"), url
    return url


def validator_for(openapi, pointer):
    """A JSON Schema validator for the schema at `pointer` in the OpenAPI document (3.1 uses
    JSON Schema 2020-12), resolving its references within the document."""
    registry = Registry().with_resource(
        "urn:openapi", Resource.from_contents(openapi, default_specification=DRAFT202012)
    )
    return Draft202012Validator({"$ref": f"urn:openapi#{pointer}"}, registry=registry)


def response_schema_pointer(path, status="200"):
    escaped = path.replace("~", "~0").replace("/", "~1")
    return f"/paths/{escaped}/get/responses/{status}/content/application~1json/schema"


@pytest.fixture(scope="module")
def api_site(module_db, module_site_content):
    """The site content (tests/content.py), built once for the module, with what a frontend
    reads besides: a campaign in regions, a home page with its picture, a menu with a footer,
    settings with social accounts, and a library of five resources of three types (among them
    a Vimeo video and one about online platforms, written in French) in every language."""
    from cms.api.representations import IMAGE_RENDITIONS

    content = module_site_content
    with module_db.unblock():
        add_library(content)
        complete_the_shell(content)
        for image in get_image_model().objects.all():
            image.get_renditions(*IMAGE_RENDITIONS.values())
    return content


def translate_everywhere(instance, texts=None):
    for code in LANGUAGES[1:]:
        translate(instance, code, (texts or {}).get(code))


def add_library(content):
    """Three more resources, with a type, a topic and a region of their own."""
    content.resource_types["bench-book"] = ResourceTypeFactory(name="Bench book", slug="bench-book")
    content.topics["online-exploitation"] = TopicFactory(
        name="Online exploitation", slug="online-exploitation"
    )
    content.regions["malawi"] = RegionFactory(name="Malawi", slug="malawi", is_country=True)
    for snippet in (
        content.resource_types["bench-book"],
        content.topics["online-exploitation"],
        content.regions["malawi"],
    ):
        translate_everywhere(snippet)
    Embed.objects.get_or_create(
        hash=get_embed_hash(VIMEO_URL),
        defaults={"url": VIMEO_URL, "type": "video", "title": "Film", "provider_name": "Vimeo"},
    )
    library, types = content.pages["resources"], content.resource_types
    resources = [
        ("regulating-platforms", "Regulating online platforms", types["policy-brief"], 2026, {}),
        ("judges-bench-book", "A bench book for judges", types["bench-book"], 2024, {}),
        (
            "survivors-speak",
            "Survivors speak",
            types["video"],
            2026,
            {"video": [("video", {"video": VIMEO_URL, "title": "Survivors speak"})]},
        ),
    ]
    for slug, title, resource_type, year, fields in resources:
        content.pages[slug] = ResourcePageFactory(
            parent=library,
            slug=slug,
            title=title,
            resource_type=resource_type,
            publication_date=datetime.date(year, 2, 10),
            summary="What online platforms owe the people they expose to traffickers.",
            featured=resource_type == types["bench-book"],
            cover_image=content.share_image,
            **fields,
        )
        content.pages[slug].topics.set([content.topics["online-exploitation"]])
        content.pages[slug].regions.set([content.regions["malawi"]])
        content.pages[slug].save_revision().publish()
        translate_everywhere(content.pages[slug], {"fr": FRENCH})


def complete_the_shell(content):
    """What the test site leaves empty: the campaign's regions, the home page's picture, the
    footer and the social accounts (then translated anew), and a French name written for a topic."""
    campaign = content.pages["world-day"]
    campaign.regions.set(content.regions.values())
    campaign.save_revision().publish()
    content.home.hero_image = content.share_image
    content.home.hero_image_alt = HOME_HERO_ALT
    content.home.save_revision().publish()
    english = content.home.locale
    menu = NavigationMenu.objects.get(locale=english)
    menu.footer_text = "<p>We work for justice for survivors of trafficking.</p>"
    menu.footer_links = [
        ("link", {"page": content.pages[slug], "url": "", "label": ""})
        for slug in ("about", "resources")
    ]
    menu.save()
    site_settings = SiteSettings.objects.get(locale=english)
    site_settings.tagline = "Justice for survivors"
    site_settings.default_share_image_alt = HOME_HERO_ALT
    site_settings.social_accounts = [
        ("account", {"network": network, "url": f"https://{network}.example.org/collective"})
        for network in ("bluesky", "instagram", "youtube")
    ]
    site_settings.save()
    for instance in (campaign, content.home, menu, site_settings):
        translate_everywhere(instance, {"ar": ARABIC})
    # A new translation copies the English regions, a new version of it does not: as an editor
    # would, each translation is given them.
    for translated in campaign.get_translations().specific():
        translated.regions.set(content.regions.values())
        translated.save_revision().publish()
    translate(content.topics["access-to-justice"], "fr", FRENCH)


@pytest.fixture
def about(english_home):
    """An English "About us" page, for tests that need a page to read or to write."""
    return StandardPageFactory(parent=english_home, title="About us", slug="about")
