"""API v3 with a token (editorial automation, here an Editors member): requests that Wagtail
answered with a 500 get a clear 4xx, snippets are written with their required fields, and no
error answer quotes the server's own failures."""

import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client, override_settings
from wagtail.models import Page

from resources.models import Partner, Topic
from tests.api.conftest import response_schema_pointer, validator_for
from tests.factories import TopicFactory, translate


@pytest.fixture
def editor(django_user_model, roles, create_token):
    user = django_user_model.objects.create_user("automation-editor", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return Client(HTTP_AUTHORIZATION=f"Bearer {create_token(user)}")


def send(client, method, url, body=None):
    kwargs = {} if body is None else {"data": body, "content_type": "application/json"}
    response = getattr(client, method)(url, **kwargs)
    assert response["Content-Type"].startswith("application/problem+json") or (
        response.status_code < 300
    ), (url, response.status_code, response.content)
    return response


def tree():
    return list(Page.objects.order_by("path").values_list("pk", "path", "url_path"))


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "delete", "patch"])
@pytest.mark.parametrize("pk", ["abc", "²", "1.5"])
def test_a_snippet_id_that_is_not_a_number_is_not_found(editor, method, pk):
    before = Topic.objects.count()

    body = "{}" if method == "patch" else None
    response = send(editor, method, f"/api/v3/snippets/resources.Topic/{pk}/", body)

    assert response.status_code == 404
    assert "ids are positive integers" in response.json()["detail"]
    assert Topic.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["translation_of=abc", "translation_of=①", "offset=9223372036854775808"]
)
def test_snippet_lists_refuse_malformed_numbers(editor, query):
    response = send(editor, "get", f"/api/v3/snippets/resources.Topic/?{query}")

    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize("user_id", ["abc", "²", "9223372036854775808"])
def test_revision_lists_refuse_a_user_id_that_is_not_a_number(editor, about, user_id):
    response = send(editor, "get", f"/api/v3/pages/{about.pk}/revisions/?user_id={user_id}")

    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["copy", "create_alias"])
@pytest.mark.parametrize("body", [None, "", "{}", '{"recursive": true}'])
def test_the_root_page_cannot_be_copied_or_aliased(editor, action, body):
    before = tree()

    response = send(editor, "post", f"/api/v3/pages/1/actions/{action}/", body)

    assert response.status_code == 422
    assert "root page cannot be copied" in response.json()["detail"]
    assert tree() == before


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["", "{}", "nonsense", "[]", "null", '{"destination_id": "x"}'])
@pytest.mark.parametrize("action", ["copy", "create_alias", "move"])
def test_page_actions_with_an_empty_or_invalid_body_are_a_4xx(editor, action, body):
    response = send(editor, "post", f"/api/v3/pages/1/actions/{action}/", body)

    assert 400 <= response.status_code < 500


@pytest.mark.django_db
@pytest.mark.parametrize("position", [None, "left", "right", "first-sibling", "last-sibling"])
def test_a_page_cannot_be_moved_beside_the_root_page(editor, about, position):
    body = {"destination_id": 1} | ({"position": position} if position else {})
    before = tree()

    response = send(editor, "post", f"/api/v3/pages/{about.pk}/actions/move/", json.dumps(body))

    assert response.status_code == 422
    assert "first-child" in response.json()["detail"]
    assert tree() == before


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["", "{}", '{"meta": {"type": "resources.Partner"}}'])
def test_a_partner_needs_its_name(editor, body):
    before = Partner.objects.count()

    response = send(editor, "post", "/api/v3/snippets/resources.Partner/", body)

    assert response.status_code == 422, response.json()
    missing = [error["loc"][-1] for error in response.json()["errors"]]
    assert missing == ["name"]
    assert Partner.objects.count() == before


@pytest.mark.django_db
def test_a_topic_is_created_with_what_was_sent(editor):
    body = {"name": "Forced labour", "slug": "forced-labour"}

    response = send(editor, "post", "/api/v3/snippets/resources.Topic/", json.dumps(body))

    assert response.status_code == 201, response.content
    topic = Topic.objects.get(slug="forced-labour")
    assert (topic.name, topic.locale.language_code) == ("Forced labour", "en")
    assert response.json()["meta"]["locale"] == "en"


@pytest.mark.django_db
def test_a_duplicate_slug_is_a_conflict_and_nothing_stored_is_lost(editor):
    existing = TopicFactory(name="Law reform", slug="law-reform")
    stored = list(Topic.objects.order_by("pk").values())
    body = {"name": "Another name", "slug": existing.slug}

    response = send(editor, "post", "/api/v3/snippets/resources.Topic/", json.dumps(body))

    assert response.status_code == 409
    assert response.json()["detail"] == "another topic already has the same slug and locale"
    assert list(Topic.objects.order_by("pk").values()) == stored


@pytest.mark.django_db
def test_snippet_items_match_the_openapi_schema_with_their_locale(editor, client):
    openapi = client.get("/api/v3/openapi.json").json()
    topic = translate(TopicFactory(), "sw")
    answers = {
        "/api/v3/snippets/{type}/": send(editor, "get", "/api/v3/snippets/resources.Topic/"),
        "/api/v3/snippets/{type}/{pk}/": send(
            editor, "get", f"/api/v3/snippets/resources.Topic/{topic.pk}/"
        ),
    }

    for path, response in answers.items():
        data = response.json()
        validator = validator_for(openapi, response_schema_pointer(path))
        assert list(validator.iter_errors(data)) == [], path
    assert answers["/api/v3/snippets/{type}/{pk}/"].json()["meta"]["locale"] == "sw"
    without_locale = answers["/api/v3/snippets/{type}/{pk}/"].json()
    del without_locale["meta"]["locale"]
    assert list(validator.iter_errors(without_locale))  # the schema does require it


CACHE_ON_A_CLOSED_PORT = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }
}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v3/pages/", "/api/v3/pages/{home}/", "/api/v3/site/"])
def test_a_failing_dependency_is_never_quoted_in_an_answer(english_home, url):
    """A cache that raises its connection errors (django-redis without IGNORE_EXCEPTIONS): Wagtail
    answered 422 "Error extracting attribute: ConnectionError: Error 111 connecting to…"."""
    anonymous = Client(raise_request_exception=False)
    with override_settings(CACHES=CACHE_ON_A_CLOSED_PORT):
        response = anonymous.get(url.format(home=english_home.pk))

    assert response.status_code == 500
    assert "127.0.0.1" not in response.content.decode()
    assert "Error" not in json.dumps(response.json().get("errors", ""))
