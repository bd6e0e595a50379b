"""Every parameter of both APIs is bounded (cms/api/limits.py): a short anonymous URL cannot make
the database work for seconds. Each value of `?tags=` used to add a join: 150 of them took 28 s
of PostgreSQL, 200 got the worker killed. Beyond a bound, a 400 says what the bound is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.api import limits
from tests.api.conftest import get_json
from tests.factories import DocumentFactory, ImageFactory

TAGS = [f"tag{number}" for number in range(200)]


def message_of(data):
    return data.get("message") or data.get("detail")


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["/api/v2/images/", "/api/v2/documents/"])
def test_two_hundred_tags_are_refused_before_any_query(client, endpoint):
    with CaptureQueriesContext(connection) as queries:
        data = get_json(client, endpoint, {"tags": ",".join(TAGS)}, status=400)

    assert message_of(data) == "tags takes at most 10 values, not 200"
    assert len(queries) == 0


@pytest.mark.django_db
@pytest.mark.parametrize("model", [get_image_model(), get_document_model()])
def test_the_most_tags_allowed_still_find_what_is_tagged_with_a_bounded_query(client, model):
    tagged = {get_image_model(): ImageFactory, get_document_model(): DocumentFactory}[model]()
    most = limits.MAX_VALUES_OF["tags"]
    tagged.tags.add(*TAGS[:most])
    endpoint = f"/api/v2/{model._meta.model_name.removeprefix('site')}s/"
    get_json(client, endpoint)  # an image's renditions are made once, as the worker makes them

    with CaptureQueriesContext(connection) as one_tag:
        one = get_json(client, endpoint, {"tags": TAGS[0]})
    with CaptureQueriesContext(connection) as most_tags:
        all_tags = get_json(client, endpoint, {"tags": ",".join(TAGS[:most])})

    assert [item["id"] for item in all_tags["items"]] == [tagged.pk]
    assert [item["id"] for item in one["items"]] == [tagged.pk]
    assert len(most_tags) == len(one_tag)
    assert Tag.objects.filter(name__in=TAGS).count() == most


TOO_MANY = ",".join(f"v{number}" for number in range(limits.MAX_LIST_VALUES + 1))
LONG_TEXT = "a" * (limits.MAX_VALUE_LENGTH + 1)
TOO_LONG = [
    # (address, parameters, what the message says)
    ("/api/v2/pages/", {"type": TOO_MANY}, "type takes at most 20 values"),
    ("/api/v2/pages/", {"order": TOO_MANY}, "order takes at most 20 values"),
    ("/api/v2/pages/", {"fields": ",".join(["title"] * 51)}, "fields takes at most 50 values"),
    ("/api/v2/pages/", {"fields": "x" * 256}, "each value of fields is at most 255 characters"),
    ("/api/v2/pages/", {"search": "a" * 201}, "search is too long: at most 200 characters"),
    ("/api/v2/pages/", {"title": LONG_TEXT}, "title is too long: at most 1000 characters"),
    ("/api/v2/pages/find/", {"html_path": LONG_TEXT}, "html_path is too long: at most 1000"),
    (
        "/api/v2/pages/",
        {"type": "resources.ResourcePage", "topic": TOO_MANY},
        "topic takes at most 20 values",
    ),
    (
        "/api/v2/pages/",
        {"type": "resources.ResourcePage", "region": TOO_MANY},
        "region takes at most 20 values",
    ),
    (
        "/api/v2/pages/",
        {"type": "resources.ResourcePage", "resource_type": TOO_MANY},
        "resource_type takes at most 20 values",
    ),
    ("/api/v2/topics/", {"search": "a" * 201}, "search is too long"),
    ("/api/v2/page_preview/", {"token": LONG_TEXT}, "token is too long"),
    ("/api/v3/pages/", {"type": TOO_MANY.split(",")}, "type takes at most 20 values"),
    ("/api/v3/pages/", {"order": TOO_MANY.split(",")}, "order takes at most 20 values"),
    ("/api/v3/pages/", {"locale": ["en"] * 21}, "locale is given 21 times: at most 20"),
    ("/api/v3/pages/", {"search": "a" * 201}, "search is too long: at most 200 characters"),
    ("/api/v3/pages/find/", {"html_path": LONG_TEXT}, "html_path is too long"),
    ("/api/v3/topics/", {"search": "a" * 201}, "search is too long"),
    ("/api/v3/site/", {"locale": LONG_TEXT}, "locale is too long"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "params", "message"), TOO_LONG)
def test_a_parameter_beyond_its_bound_is_a_400_that_says_the_bound(client, url, params, message):
    data = get_json(client, url, params, status=400)

    assert message in message_of(data)


@pytest.mark.django_db
def test_requests_within_the_bounds_are_answered(client):
    within = {"search": "a" * limits.MAX_SEARCH_LENGTH, "fields": ",".join(["title"] * 20)}

    assert get_json(client, "/api/v2/pages/", within)["meta"]["total_count"] == 0
    assert get_json(client, "/api/v3/pages/", {"search": within["search"]})["count"] == 0
