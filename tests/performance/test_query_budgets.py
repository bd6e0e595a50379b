"""Query budgets of the public pages, as an anonymous visitor sees them: every page type within
PAGE_BUDGET SQL queries, a list (resources of a type, stories, campaigns, search results)
costing the same for 1, 20 and 50 items, and a page the same with 2 and 20 blocks of every
kind and 2 and 20 related items (topics, regions, partners, related pages, helplines,
downloads, images, links in rich text). The API's budgets are in test_query_budgets_api.py."""

import pytest

from core.pagination import ITEMS_PER_PAGE
from resources.models import ResourcePage
from tests.page_types import PAGE_MODELS
from tests.performance.busy_site import (
    LIST_SIZES,
    PAGE_KINDS,
    PAGE_SIZES,
    SEARCH_WORDS,
    list_snippet,
)
from tests.performance.conftest import LIBRARY_BUDGET, PAGE_BUDGET

pytestmark = pytest.mark.django_db


def counts_of(query_count, urls):
    return {key: query_count(url) for key, url in urls.items()}


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_a_page_costs_the_same_with_2_and_20_blocks_and_related_items(busy_site, query_count, kind):
    counts = counts_of(query_count, {size: busy_site.pages[kind, size].url for size in PAGE_SIZES})

    assert counts[2] == counts[20] <= PAGE_BUDGET, counts


def test_the_home_page_costs_the_same_with_1_and_20_featured_resources(busy_site, query_count):
    resources = ResourcePage.objects.filter(pk__in=[page.pk for page in busy_site.resources])
    resources.filter(pk=busy_site.resources[0].pk).update(featured=True)
    one = query_count(busy_site.home.url)
    resources.filter(pk__in=[page.pk for page in busy_site.resources[:20]]).update(featured=True)
    twenty = query_count(busy_site.home.url)

    assert one == twenty <= PAGE_BUDGET, (one, twenty)


@pytest.mark.parametrize("index", ["story_indexes", "campaign_indexes"])
def test_an_index_costs_the_same_for_1_20_and_50_children(busy_site, query_count, index):
    indexes = getattr(busy_site, index)
    counts = counts_of(query_count, {size: indexes[size].url for size in LIST_SIZES})

    assert counts[1] == counts[20] == counts[50] <= PAGE_BUDGET, counts


def test_the_library_filtered_by_type_costs_the_same_for_1_20_and_50_resources(
    busy_site, query_count, client
):
    urls = {
        size: f"{busy_site.library.url}?type={list_snippet(busy_site, 'resource-types', size).slug}"
        for size in LIST_SIZES
    }
    counts = counts_of(query_count, urls)

    assert counts[1] == counts[20] == counts[50] <= LIBRARY_BUDGET, counts
    library = client.get(urls[50]).content.decode()
    assert library.count('class="card"') == ITEMS_PER_PAGE  # the first of the pages
    assert "50 resources" in library


def test_search_costs_the_same_for_1_20_and_50_results(busy_site, query_count, client):
    urls = {size: f"/en/search/?q={SEARCH_WORDS[size]}" for size in LIST_SIZES}
    counts = counts_of(query_count, urls)

    assert counts[1] == counts[20] == counts[50] <= PAGE_BUDGET, counts
    assert "50 results" in client.get(urls[50]).content.decode()


def test_every_page_type_is_within_the_budget(busy_site, query_count):
    pages = [
        busy_site.home,
        busy_site.library,
        busy_site.story_indexes[20],
        busy_site.campaign_indexes[20],
        *(busy_site.pages[kind, 20] for kind in PAGE_KINDS),
    ]
    by_type = {type(page.specific): page for page in pages}
    assert set(by_type) == set(PAGE_MODELS), "a page type without a budget"

    counts = {model.__name__: query_count(page.url) for model, page in by_type.items()}

    print(f"queries per page type: {counts}")
    assert counts.pop("ResourceIndexPage") <= LIBRARY_BUDGET
    assert max(counts.values()) <= PAGE_BUDGET, counts


def test_a_french_visitor_reading_an_untranslated_page_is_within_the_budget(busy_site, query_count):
    """The French site shows the English pages not translated yet under its own addresses
    (SitePage.route), with its own menu and settings."""
    french_url = busy_site.pages["campaign", 20].url.replace("/en/", "/fr/", 1)

    assert query_count(french_url) <= PAGE_BUDGET
