"""A list of resources with their type, topics, regions and cover image costs the same number
of SQL queries whatever its length, in both APIs."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.api.representations import IMAGE_RENDITIONS
from resources.models import Region, ResourceIndexPage, ResourceType, Topic
from tests.api.conftest import locale
from tests.factories import ImageFactory, ResourcePageFactory

FIELDS = "resource_type,topics,regions,cover_image,publication_date,summary,featured"


@pytest.fixture
def big_french_library(db, api_site):
    """60 more French resources whose type, topics and regions are the English snippets (as
    when an editor picks them before translating), so that each must be read in French."""
    library = ResourceIndexPage.objects.get(locale=locale("fr"))
    english = locale("en")
    types = list(ResourceType.objects.filter(locale=english))
    topics = list(Topic.objects.filter(locale=english))
    regions = list(Region.objects.filter(locale=english))
    for number in range(60):
        image = ImageFactory(title=f"Couverture {number}")
        image.get_renditions(*IMAGE_RENDITIONS.values())
        page = ResourcePageFactory.build(
            title=f"Ressource {number}",
            slug=f"ressource-{number}",
            locale=locale("fr"),
            resource_type=types[number % len(types)],
            publication_date=datetime.date(2020 + number % 6, 1 + number % 12, 1),
            cover_image=image,
        )
        library.add_child(instance=page)
        page.topics.set(topics[number % 3 : number % 3 + 2])
        page.regions.set(regions[: 1 + number % 3])
        page.save()
    return library


def count_queries(client, url):
    client.get(url)  # warm caches shared by every request (site root paths, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(context.captured_queries), response.json()


@pytest.mark.django_db
def test_v2_resource_list_costs_the_same_queries_for_1_20_and_50_items(client, big_french_library):
    counts = {}
    for limit in (1, 20, 50):
        url = f"/api/v2/pages/?type=resources.ResourcePage&locale=fr&fields={FIELDS}&limit={limit}"
        counts[limit], data = count_queries(client, url)
        assert len(data["items"]) == limit
        item = data["items"][-1]
        assert (
            item["resource_type"]["name"]
            == ResourceType.objects.get(
                locale=locale("fr"), slug=item["resource_type"]["slug"]
            ).name
        )
        assert all(topic["id"] in french_ids(Topic) for topic in item["topics"])
        assert all(region["id"] in french_ids(Region) for region in item["regions"])
        assert set(item["cover_image"]["renditions"]) == set(IMAGE_RENDITIONS)

    print(f"v2 queries for limit 1/20/50: {counts}")
    assert counts[1] == counts[20] == counts[50] <= 20


@pytest.mark.django_db
def test_v3_page_list_costs_the_same_queries_for_1_20_and_50_items(client, big_french_library):
    counts = {}
    for limit in (1, 20, 50):
        url = f"/api/v3/pages/?type=resources.ResourcePage&locale=fr&limit={limit}"
        counts[limit], data = count_queries(client, url)
        assert len(data["items"]) == limit

    print(f"v3 queries for limit 1/20/50: {counts}")
    assert counts[1] == counts[20] == counts[50] <= 10


@pytest.mark.django_db
def test_v3_resource_detail_costs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, big_french_library
):
    page = big_french_library.get_children().live().last()
    url = f"/api/v3/pages/{page.pk}/"
    client.get(url)

    with django_assert_max_num_queries(30):
        response = client.get(url)

    assert response.json()["topics"]


def french_ids(model):
    return set(model.objects.filter(locale=locale("fr")).values_list("pk", flat=True))
