"""Query budgets of both APIs for an anonymous client: every list costs the same for 1, 20 and
50 items (with every field of the items in API v2: `fields=*`; API v3's with their cards, the
same for every length once every page type is in the list), the resource library's filters
too, every detail the same for a page with 2 and with 20 blocks and related items; an API v2
list of 20 resources with `fields=*` within RESOURCE_LIST_BUDGET queries."""

import pytest

from tests.performance.busy_site import LIST_SIZES, PAGE_SIZES, SEARCH_WORDS, list_snippet
from tests.performance.conftest import PAGE_BUDGET, RESOURCE_LIST_BUDGET

pytestmark = pytest.mark.django_db

PAGE_TYPES = {
    "resource": "resources.ResourcePage",
    "campaign": "home.CampaignPage",
    "story": "stories.SurvivorStoryPage",
    "standard": "home.StandardPage",
}
SNIPPETS = ["resource-types", "topics", "regions", "partners"]


def same_for_every_size(queries_of, url_of, sizes=LIST_SIZES, items=None):
    """The query counts of `url_of(size)` by size, checking each list has `size` items."""
    counts = {}
    for size in sizes:
        queries, response = queries_of(url_of(size))
        if items is not None:
            assert len(items(response.json())) == size, url_of(size)
        counts[size] = len(queries)
    assert len(set(counts.values())) == 1, counts
    return counts


def v2_items(data):
    return data["items"]


@pytest.mark.parametrize("kind", ["resource", "campaign", "story"])
def test_v2_page_lists_with_every_field_cost_the_same_for_1_20_and_50(busy_site, queries_of, kind):
    same_for_every_size(
        queries_of,
        lambda size: f"/api/v2/pages/?type={PAGE_TYPES[kind]}&fields=*&limit={size}",
        items=v2_items,
    )


def test_v2_list_of_20_resources_with_every_field_is_within_its_budget(busy_site, queries_of):
    url = "/api/v2/pages/?type=resources.ResourcePage&fields=*&limit=20"
    queries, response = queries_of(url)

    item = response.json()["items"][0]
    assert {"resource_type", "topics", "regions", "cover_image", "downloads"} <= set(item)
    assert len(queries) <= RESOURCE_LIST_BUDGET, [query["sql"][:120] for query in queries]


@pytest.mark.parametrize("parameter", ["resource_type", "topic", "region", "search"])
def test_v2_library_filters_cost_the_same_for_1_20_and_50_matches(busy_site, queries_of, parameter):
    snippets = {"resource_type": "resource-types", "topic": "topics", "region": "regions"}

    def url_of(size):
        if parameter == "search":
            value = SEARCH_WORDS[size]
        else:
            value = list_snippet(busy_site, snippets[parameter], size).slug
        return f"/api/v2/pages/?type=resources.ResourcePage&fields=*&{parameter}={value}&limit=50"

    same_for_every_size(queries_of, url_of, items=v2_items)


def test_v2_lists_of_all_pages_cost_the_same_for_1_20_and_50(busy_site, queries_of):
    same_for_every_size(queries_of, lambda size: f"/api/v2/pages/?limit={size}", items=v2_items)


def test_v3_lists_of_all_pages_cost_the_same_for_20_and_50_items_of_every_type(
    busy_site, queries_of
):
    """API v3's items are cards, read with a fixed number of queries per page type in the list
    (its first 20 pages hold every type: from 1 item on, one more type costs a few more)."""
    counts = same_for_every_size(
        queries_of, lambda size: f"/api/v3/pages/?limit={size}", sizes=(20, 50), items=v2_items
    )

    assert counts[50] <= PAGE_BUDGET, counts


@pytest.mark.parametrize("parameter", ["resource_type", "topic", "region", "search"])
def test_v3_library_filters_and_cards_cost_the_same_for_1_20_and_50_matches(
    busy_site, queries_of, parameter
):
    snippets = {"resource_type": "resource-types", "topic": "topics", "region": "regions"}

    def url_of(size):
        if parameter == "search":
            value = SEARCH_WORDS[size]
        else:
            value = list_snippet(busy_site, snippets[parameter], size).slug
        return f"/api/v3/pages/?type=resources.ResourcePage&{parameter}={value}&limit=50"

    counts = same_for_every_size(queries_of, url_of, items=v2_items)

    # A search asks the search backend first: one query of its own.
    assert counts[20] <= RESOURCE_LIST_BUDGET + (parameter == "search"), counts


@pytest.mark.parametrize("kind", ["resource", "campaign", "story"])
def test_v3_page_lists_cost_the_same_for_1_20_and_50(busy_site, queries_of, kind):
    counts = same_for_every_size(
        queries_of,
        lambda size: f"/api/v3/pages/?type={PAGE_TYPES[kind]}&limit={size}",
        items=v2_items,
    )

    assert counts[20] <= PAGE_BUDGET, counts


@pytest.mark.parametrize("version", ["v2", "v3"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_details_cost_the_same_with_2_and_20_blocks_and_related_items(
    busy_site, queries_of, version, kind
):
    counts = same_for_every_size(
        queries_of,
        lambda size: f"/api/{version}/pages/{busy_site.pages[kind, size].pk}/",
        sizes=PAGE_SIZES,
    )

    assert counts[20] <= PAGE_BUDGET, counts


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_the_home_page_detail_is_within_the_budget(busy_site, query_count, version):
    assert query_count(f"/api/{version}/pages/{busy_site.home.pk}/") <= PAGE_BUDGET


@pytest.mark.parametrize("version", ["v2", "v3"])
@pytest.mark.parametrize("endpoint", [*SNIPPETS, "images", "documents"])
def test_snippet_image_and_document_lists_cost_the_same_for_1_20_and_50(
    busy_site, queries_of, version, endpoint
):
    counts = same_for_every_size(
        queries_of,
        lambda size: f"/api/{version}/{endpoint}/?limit={size}",
        items=v2_items,
    )

    assert counts[50] <= PAGE_BUDGET, counts


@pytest.mark.parametrize("version", ["v2", "v3"])
@pytest.mark.parametrize("endpoint", [*SNIPPETS, "images", "documents"])
def test_snippet_image_and_document_details_are_within_the_budget(
    busy_site, query_count, version, endpoint
):
    objects = {
        **busy_site.snippets,
        "images": busy_site.images,
        "documents": busy_site.documents,
    }

    assert query_count(f"/api/{version}/{endpoint}/{objects[endpoint][0].pk}/") <= PAGE_BUDGET


@pytest.mark.parametrize("version", ["v2", "v3"])
@pytest.mark.parametrize("endpoint", ["locales/", "site/", "site/?locale=fr"])
def test_site_endpoints_are_within_the_budget(busy_site, query_count, version, endpoint):
    assert query_count(f"/api/{version}/{endpoint}") <= PAGE_BUDGET
