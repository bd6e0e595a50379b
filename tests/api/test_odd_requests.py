"""Requests that only a fuzzer (tests/fuzz) or an attacker sends, each answered by both APIs as
any other mistake: a JSON 4xx that says what is wrong, never a 500 or the site's HTML page."""

import pytest
from django.contrib.auth.models import Group

from home.models import StandardPage
from tests.factories import TopicFactory

JSON_TYPES = ("application/json", "application/problem+json")


@pytest.fixture
def editors_token(django_user_model, create_token):
    user = django_user_model.objects.create_user(username="odd-editor", password="x-Odd-9-pass")
    user.groups.add(Group.objects.get(name="Editors"))
    return create_token(user)


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["[null, null]", "[]", "42", '"publish"', "null"])
def test_a_json_body_that_is_not_an_object_is_refused(client, editors_token, about, body):
    for method, url in (
        ("patch", f"/api/v3/pages/{about.pk}/"),
        ("post", "/api/v3/pages/"),
        ("post", "/api/v3/snippets/resources.Topic/"),
    ):
        response = getattr(client, method)(
            url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {editors_token}"
        )

        assert response.status_code == 422, (method, url, response.content)
        assert response.json()["detail"] == "the request body must be a JSON object"


@pytest.mark.django_db
@pytest.mark.parametrize("page_id", ["null", "abc", "1.5", "-1", "²"])
def test_updating_a_page_whose_id_is_no_number_is_a_404(client, editors_token, page_id):
    response = client.patch(
        f"/api/v3/pages/{page_id}/",
        {"title": "Changed"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {editors_token}",
    )

    assert response.status_code == 404, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert "ids are positive integers" in response.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/topics/1/"])
@pytest.mark.parametrize("value", ["0", "api", "xml", ""])
def test_a_format_other_than_json_is_a_400_that_says_so(client, url, value):
    response = client.get(url, {"format": value})

    assert response.status_code == 400, response.content
    message = f"format must be 'json' (the only one), not '{value}'"
    assert response.json()["message"] == response.json()["detail"] == message
    assert response.json()["errors"][0]["loc"] == ["query", "format"]


@pytest.mark.django_db
def test_format_json_is_still_accepted(client):
    assert client.get("/api/v2/pages/", {"format": "json"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("api", ["v2", "v3"])
@pytest.mark.parametrize("rest", ["%0A/", "pages/%0A/", "a%0Ab/c/", "%0D%0A/"])
def test_an_address_with_a_newline_gets_an_api_answer_not_the_site_page(client, api, rest):
    response = client.get(f"/api/{api}/{rest}")

    assert response.status_code in (400, 404), response.content
    assert response["Content-Type"].split(";")[0] in JSON_TYPES


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "topics"])
def test_a_detail_its_parameters_filter_away_is_a_404_that_says_what(client, about, endpoint):
    from django.apps import apps

    TopicFactory()
    model = {"pages": StandardPage, "topics": apps.get_model("resources.Topic")}.get(endpoint)
    obj_id = model.objects.order_by("pk").first().pk if model else 999999

    response = client.get(f"/api/v2/{endpoint}/{obj_id}/", {"search": "no such words at all"})

    assert response.status_code == 404, response.content
    assert response.json()["message"], response.content


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v2/", "/api/v3/"])
def test_the_root_of_each_api_is_a_json_404(client, url):
    response = client.get(url)

    assert response.status_code == 404, response.content
    assert response["Content-Type"].split(";")[0] in JSON_TYPES
