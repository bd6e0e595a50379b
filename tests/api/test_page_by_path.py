"""A page by its public address in one request (issue 13, item 2): `/api/v3/pages/by-path/`
answers the page's detail, cacheable with an ETag, follows the site's redirects, and is
documented; `pages/find/` keeps answering with a redirect (documented as one)."""

from urllib.parse import urlsplit

import pytest
from wagtail.contrib.redirects.models import Redirect

from caching.middleware import HIT_HEADER
from home.models import HomePage, StandardPage
from tests.api.conftest import (
    get_json,
    in_language,
    path_of,
    response_schema_pointer,
    validator_for,
)

pytestmark = pytest.mark.usefixtures("api_site")

BY_PATH = "/api/v3/pages/by-path/"
FIND = "/api/v3/pages/find/"


@pytest.mark.django_db
def test_the_issues_french_home_lookup_is_one_cacheable_answer_with_the_page(client):
    found = client.get(FIND, {"html_path": "/fr/"})
    response = client.get(BY_PATH, {"html_path": "/fr/"})
    detail = get_json(client, response.json()["page"]["meta"]["detail_url"])

    assert found.status_code == 302  # kept as it was, for compatibility
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Cache-Control"].startswith("public")
    assert response["ETag"]
    data = response.json()
    assert data["html_path"] == data["page_path"] == "/fr/"
    assert data["redirect"] is None
    assert data["page"] == detail
    assert data["page"]["id"] == in_language(HomePage, "fr").pk


@pytest.mark.django_db
def test_a_lookup_is_answered_304_with_its_etag(client):
    first = client.get(BY_PATH, {"html_path": "/ar/"})

    again = client.get(BY_PATH, {"html_path": "/ar/"}, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304


@pytest.mark.django_db
@pytest.mark.parametrize("asked", ["/ar/about", "/ar/about/"])
def test_an_old_address_follows_the_sites_redirect_in_the_same_answer(client, asked):
    arabic = in_language(StandardPage, "ar", slug="about")
    assert Redirect.objects.filter(old_path="/ar/about", redirect_page=arabic).exists()

    data = get_json(client, BY_PATH, {"html_path": asked})
    found = client.get(FIND, {"html_path": asked})

    assert data["html_path"] == asked
    assert data["page_path"] == path_of(arabic) != asked
    assert data["redirect"] == {
        "old_path": "/ar/about",
        "new_url": arabic.get_full_url(),
        "is_permanent": True,
    }
    assert data["page"]["id"] == arabic.pk
    assert found.status_code == 302
    assert urlsplit(found["Location"]).path == f"/api/v3/pages/{arabic.pk}/"  # absolute, as v2


@pytest.mark.django_db
def test_api_v2s_finder_follows_the_redirect_too(client):
    arabic = in_language(StandardPage, "ar", slug="about")

    found = client.get("/api/v2/pages/find/", {"html_path": "/ar/about"})

    assert found.status_code == 302
    assert found["Location"].endswith(f"/api/v2/pages/{arabic.pk}/?")


@pytest.mark.django_db
def test_a_redirect_off_the_site_says_where_with_no_page(client, api_site):
    Redirect.add_redirect("/fr/dons", "https://donate.example.org/fr/", is_permanent=False)

    data = get_json(client, BY_PATH, {"html_path": "/fr/dons/"})

    assert data["page"] is None and data["page_path"] is None
    assert data["redirect"]["new_url"] == "https://donate.example.org/fr/"
    assert data["redirect"]["is_permanent"] is False


@pytest.mark.django_db
def test_a_path_with_accents_is_found_encoded_or_not(client):
    french = in_language(StandardPage, "fr", slug="about")
    french.slug = "à-propos"
    french.save_revision().publish()

    encoded = get_json(client, BY_PATH, {"html_path": "/fr/%C3%A0-propos/"})
    raw = get_json(client, BY_PATH, {"html_path": "/fr/à-propos/"})

    assert encoded["page"]["id"] == raw["page"]["id"] == french.pk
    assert raw["page_path"] == "/fr/%C3%A0-propos/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"html_path": "/fr/nulle-part/"}, 404),
        ({"html_path": "/xx/"}, 404),
        ({"html_path": "/fr/", "fields": "*"}, 400),
        ({"html_path": "/fr/", "site": "nope.example.org"}, 404),
        ({}, 422),
    ],
)
def test_nothing_there_or_a_bad_parameter_is_a_problem(client, params, status):
    response = client.get(BY_PATH, params)

    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]


@pytest.mark.django_db
def test_a_publish_changes_the_kept_answer_at_once(client):
    french = in_language(StandardPage, "fr", slug="about")
    params = {"html_path": path_of(french)}
    client.get(BY_PATH, params)
    kept = client.get(BY_PATH, params)
    assert kept[HIT_HEADER] == "hit"

    french.title = "À propos de nous"
    french.save_revision().publish()
    after = client.get(BY_PATH, params)

    assert after.json()["page"]["title"] == "À propos de nous"
    assert after["ETag"] != kept["ETag"]


@pytest.mark.django_db
def test_the_openapi_document_types_the_lookup_and_the_finders_redirect(client):
    openapi = get_json(client, "/api/v3/openapi.json")
    by_path = openapi["paths"]["/api/v3/pages/by-path/"]["get"]
    find = openapi["paths"]["/api/v3/pages/find/"]["get"]
    data = get_json(client, BY_PATH, {"html_path": "/ar/about"})

    assert by_path["operationId"] == "pages_by_path"
    assert {"200", "400", "404", "422"} <= set(by_path["responses"])
    validator = validator_for(openapi, response_schema_pointer("/api/v3/pages/by-path/"))
    assert list(validator.iter_errors(data)) == []
    assert "200" not in find["responses"] and "302" in find["responses"]
