"""A small library whose facet counts are known: five English resources of three types, two
topics, two regions and a partner, a French library with two of them translated, and an Arabic
library with the topics translated."""

import datetime
from dataclasses import dataclass

from bs4 import BeautifulSoup
from wagtail.models import Locale

from tests.factories import (
    PartnerFactory,
    RegionFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
)


@dataclass
class Library:
    english: object
    french: object
    arabic: object
    resources: dict  # English resources by slug
    topics: dict


def translated_snippet(snippet, language_code, **fields):
    model = type(snippet)
    values = {
        name: getattr(snippet, name)
        for name in ("name", "slug", "description")
        if hasattr(snippet, name)
    }
    values.update(fields)
    return model.objects.create(
        translation_key=snippet.translation_key,
        locale=Locale.objects.get(language_code=language_code),
        **values,
    )


def build_library(home_pages):
    brief = ResourceTypeFactory(name="Policy brief", slug="policy-brief")
    report = ResourceTypeFactory(name="Research report", slug="research-report")
    legal = ResourceTypeFactory(name="Legal tool", slug="legal-tool")
    online = TopicFactory(
        name="Online exploitation",
        slug="online-exploitation",
        description="Recruited and sold through platforms.",
    )
    justice = TopicFactory(name="Access to justice", slug="access-to-justice")
    kenya = RegionFactory(name="Kenya", slug="kenya", description="Our work in Kenya.")
    malawi = RegionFactory(name="Malawi", slug="malawi")
    audri = PartnerFactory(name="AUDRi", slug="audri")
    english = ResourceIndexPageFactory(parent=home_pages["en"], title="Resources", slug="resources")
    rows = [
        ("deepfake-laws", "Deepfake laws", brief, 2024, [online], [kenya], [audri], False),
        ("platform-duties", "Platform duties", brief, 2023, [online, justice], [kenya], [], False),
        ("courts-in-malawi", "Courts in Malawi", report, 2022, [justice], [malawi], [], False),
        ("legal-checklist", "Legal checklist", legal, 2025, [online], [kenya], [], False),
        ("old-report", "An old report", report, 2019, [justice], [kenya], [], True),
    ]
    resources = {}
    for slug, title, kind, year, topics, regions, partners, featured in rows:
        resources[slug] = ResourcePageFactory(
            parent=english,
            title=title,
            slug=slug,
            resource_type=kind,
            publication_date=datetime.date(year, 5, 1),
            topics=topics,
            regions=regions,
            partners=partners,
            featured=featured,
            summary=f"About {title.lower()}.",
        )
    for snippet in (brief, report, legal, online, justice, kenya, malawi, audri):
        translated_snippet(snippet, "fr", name=f"{snippet.name} (fr)")
    translated_snippet(
        online, "ar", name="الاستغلال عبر الإنترنت", description="التجنيد والبيع عبر المنصات."
    )
    french = translated_page(english, "fr", "Ressources")
    for slug in ("deepfake-laws", "courts-in-malawi"):
        translated_page(resources[slug], "fr", f"{resources[slug].title} (fr)")
    arabic = translated_page(english, "ar", "المكتبة")
    return Library(english, french, arabic, resources, {"online": online, "justice": justice})


def translated_page(page, language_code, title):
    translated = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    translated.title = title
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific


def parse(response, status=200):
    assert response.status_code == status, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def titles(page):
    return [heading.get_text(strip=True) for heading in page.select(".library-list .card__title")]


def facet(page, kind):
    """{value's slug: (its count, whether it is offered greyed out)} of one filter."""
    found = {}
    for box in page.select(f'fieldset[data-facet="{kind}"] input'):
        count = box.find_parent("label").select_one(".facet__count").get_text(strip=True)
        found[box["value"]] = (count.strip("()"), box.has_attr("disabled"))
    return found
