"""Listing pages (the library, the story and campaign indexes) show a page of items at a time,
with links to the others that keep the filters."""

import pytest
from bs4 import BeautifulSoup

from core.pagination import ITEMS_PER_PAGE
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
)

MORE_THAN_A_PAGE = ITEMS_PER_PAGE + 3


def parse(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def library(english_home):
    library = ResourceIndexPageFactory(parent=english_home, title="Resources", slug="resources")
    briefs = ResourceTypeFactory(name="Policy brief", slug="policy-brief")
    for number in range(MORE_THAN_A_PAGE):
        ResourcePageFactory(parent=library, title=f"Brief {number:02}", resource_type=briefs)
    ResourcePageFactory(parent=library, title="A report")
    return library


def card_titles(page):
    return [heading.get_text(strip=True) for heading in page.select(".card__title")]


@pytest.mark.django_db
def test_the_library_shows_a_page_of_resources_and_links_to_the_next_keeping_the_filter(
    client, library
):
    first = parse(client.get(library.url, {"type": "policy-brief"}))

    assert len(card_titles(first)) == ITEMS_PER_PAGE
    assert f"{MORE_THAN_A_PAGE} resources" in first.select_one(".result-count").text
    following = first.select_one("nav.pagination a[rel=next]")["href"]
    assert following == "?type=policy-brief&page=2"
    assert "Page 1 of 2" in first.select_one("nav.pagination").text

    second = parse(client.get(library.url + following))
    assert len(card_titles(second)) == 3
    assert set(card_titles(first)).isdisjoint(card_titles(second))
    assert "A report" not in card_titles(first) + card_titles(second)
    assert second.select_one("nav.pagination a[rel=prev]")["href"] == "?type=policy-brief&page=1"


@pytest.mark.django_db
@pytest.mark.parametrize(("asked", "shown"), [("abc", 1), ("0", 2), ("999", 2), ("", 1)])
def test_a_page_number_that_is_not_one_shows_the_nearest_page(client, library, asked, shown):
    page = parse(client.get(library.url, {"page": asked}))

    assert f"Page {shown} of 2" in page.select_one("nav.pagination").text


@pytest.mark.django_db
def test_one_page_of_resources_has_no_pagination(client, library):
    report = library.get_children().last().specific
    page = parse(client.get(library.url, {"type": report.resource_type.slug}))

    assert card_titles(page) == ["A report"]
    assert page.select_one("nav.pagination") is None


@pytest.mark.django_db
def test_the_campaign_index_is_paginated_in_arabic_with_arabic_digits(client, english_home):
    from wagtail.models import Locale

    index = CampaignIndexPageFactory(parent=english_home, title="Campaigns", slug="campaigns")
    for number in range(MORE_THAN_A_PAGE):
        CampaignPageFactory(parent=index, title=f"Campaign {number}")
    arabic = index.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.save_revision().publish()
    for campaign in index.get_children():
        translated = campaign.specific.copy_for_translation(arabic.locale)
        translated.save_revision().publish()

    page = parse(client.get(arabic.url))

    assert len(page.select(".card")) == ITEMS_PER_PAGE
    pagination = page.select_one("nav.pagination").text
    assert "١" in pagination and "٢" in pagination
    assert not any(digit in pagination for digit in "0123456789")
