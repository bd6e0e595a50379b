"""The library page with every filter, a search and its facet counts costs the same number of
queries for 1 and for 20 matching resources, in the default language and in French (where the
resources not translated yet are listed too), and on its landing pages."""

import datetime

import pytest

from tests.factories import ResourcePageFactory
from tests.performance.conftest import LIBRARY_BUDGET
from tests.resources.library_data import build_library

pytestmark = pytest.mark.django_db

EVERY_FILTER = (
    "?q=deepfake&type=policy-brief&type=legal-tool&topic=online-exploitation&region=kenya"
    "&partner=audri&year_from=2020&year_to=2026&sort=title"
)


@pytest.fixture
def library(home_pages):
    return build_library(home_pages)


def add_matching_resources(library, count):
    model = library.resources["deepfake-laws"]
    for number in range(count):
        ResourcePageFactory(
            parent=library.english,
            title=f"Deepfake brief {number}",
            resource_type=model.resource_type,
            publication_date=datetime.date(2024, 1, 1 + number),
            topics=list(model.topics.all()),
            regions=list(model.regions.all()),
            partners=list(model.partners.all()),
            summary="On deepfake abuse.",
        )


@pytest.mark.parametrize(
    "address",
    [
        lambda library: library.english.url + EVERY_FILTER,
        lambda library: library.french.url + EVERY_FILTER + "&available=",
        lambda library: library.english.url + "topics/online-exploitation/?region=kenya",
        lambda library: library.english.url,
    ],
    ids=["english", "french", "landing", "unfiltered"],
)
def test_the_library_with_facets_costs_the_same_for_1_and_20_resources(
    library, query_count, client, address
):
    url = address(library)
    one = query_count(url)
    add_matching_resources(library, 19)
    twenty = query_count(url)

    assert one == twenty <= LIBRARY_BUDGET, (one, twenty)
    assert client.get(url).status_code == 200
