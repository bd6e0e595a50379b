"""Query budgets of the site search page: whatever the number of results, the kind chosen, or
none found (results for words beginning alike, a suggestion, featured resources and topics), a
search costs the same few queries. The plain search's budget is in test_query_budgets.py."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.performance.busy_site import LIST_SIZES, SEARCH_WORDS

pytestmark = pytest.mark.django_db

# Searching costs a few queries beyond the page's own: the restrictions, lapsed consents, the
# counts by kind, the results (and each kind's specific rows), the promotions.
SEARCH_BUDGET = 16
NO_RESULTS_BUDGET = 14


def counts_of(query_count, urls):
    return {key: query_count(url) for key, url in urls.items()}


@pytest.mark.parametrize("kind", ["resource", "page"])
def test_a_search_of_one_kind_costs_the_same_for_1_20_and_50_results(busy_site, query_count, kind):
    urls = {size: f"/en/search/?q={SEARCH_WORDS[size]}&type={kind}" for size in LIST_SIZES}
    counts = counts_of(query_count, urls)

    assert counts[1] == counts[20] == counts[50] <= SEARCH_BUDGET, counts


def test_a_search_of_word_beginnings_costs_the_same_for_1_20_and_50_results(busy_site, query_count):
    urls = {size: f"/en/search/?q={SEARCH_WORDS[size][:-2]}" for size in LIST_SIZES}
    counts = counts_of(query_count, urls)

    assert counts[1] == counts[20] == counts[50] <= NO_RESULTS_BUDGET, counts


def test_a_search_without_results_is_within_its_budget(busy_site, query_count, client):
    count = query_count("/en/search/?q=zzyzx")

    assert count <= NO_RESULTS_BUDGET, count
    assert 'class="search-help"' in client.get("/en/search/?q=zzyzx").content.decode()


def test_promotions_cost_the_same_for_1_and_5_promoted_pages(busy_site, query_count):
    word = SEARCH_WORDS[50]
    query = Query.objects.create(query_string=word)
    resources = busy_site.resources
    SearchPromotion.objects.create(query=query, page=resources[0], sort_order=0)
    one = query_count(f"/en/search/?q={word}")
    for number, resource in enumerate(resources[1:5], start=1):
        SearchPromotion.objects.create(query=query, page=resource, sort_order=number)
    five = query_count(f"/en/search/?q={word}")

    assert one == five <= SEARCH_BUDGET, (one, five)
