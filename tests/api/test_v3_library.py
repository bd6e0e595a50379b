"""API v3's page lists as a frontend's library reads them (issue 13, item 1): the resource
library's filters as in API v2, by the same slugs in every language, unknown parameters refused,
both declared in the OpenAPI document, and each item a card in one request."""

import pytest

from resources.models import ResourcePage, Topic
from stories.models import SurvivorStoryPage
from tests.api.conftest import get_json, in_language, locale, validator_for

pytestmark = pytest.mark.usefixtures("api_site")

PAGES = "/api/v3/pages/"
LIBRARY = {"type": "resources.ResourcePage"}


def ids(data):
    return {item["id"] for item in data["items"]}


def resources(code, **filters):
    return set(
        ResourcePage.objects.live()
        .filter(locale=locale(code), **filters)
        .distinct()
        .values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_the_issues_french_library_filtered_by_topic_and_region_lists_only_matches(client):
    data = get_json(
        client,
        PAGES,
        {**LIBRARY, "locale": "fr", "topic": "access-to-justice", "region": "kenya"},
    )

    expected = resources("fr", topics__slug="access-to-justice") & resources(
        "fr", regions__slug="kenya"
    )
    assert ids(data) == expected != set()
    assert data["count"] == len(expected) < len(resources("fr"))


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["fr", "ar"])
def test_resource_type_year_and_featured_filter_by_the_english_slug_in_every_language(client, code):
    by_type = get_json(client, PAGES, {**LIBRARY, "locale": code, "resource_type": "policy-brief"})
    by_year = get_json(client, PAGES, {**LIBRARY, "locale": code, "year": "2026"})
    featured = get_json(client, PAGES, {**LIBRARY, "locale": code, "featured": "true"})
    both = get_json(
        client,
        f"{PAGES}?type=resources.ResourcePage&locale={code}"
        "&resource_type=policy-brief&resource_type=bench-book",
    )

    assert ids(by_type) == resources(code, resource_type__slug="policy-brief") != set()
    assert {item["card"]["resource_type"]["slug"] for item in by_type["items"]} == {"policy-brief"}
    assert ids(by_year) == resources(code, publication_date__year=2026) != set()
    assert ids(featured) == resources(code, featured=True) != set()
    assert ids(both) == resources(code, resource_type__slug__in=["policy-brief", "bench-book"])


@pytest.mark.django_db
def test_v2_and_v3_list_the_same_resources_for_the_same_filters(client):
    params = {**LIBRARY, "locale": "es", "topic": "online-exploitation,access-to-justice"}

    v2 = get_json(client, "/api/v2/pages/", {**params, "limit": 50})
    v3 = get_json(client, PAGES, {**params, "limit": 50})

    assert [item["id"] for item in v3["items"]] == [item["id"] for item in v2["items"]]


@pytest.mark.django_db
@pytest.mark.parametrize("api", ["/api/v2/pages/", PAGES])
def test_the_english_slug_finds_a_translation_given_a_slug_of_its_own(client, api):
    english = Topic.objects.get(locale=locale("en"), slug="online-exploitation")
    Topic.objects.filter(translation_key=english.translation_key, locale=locale("fr")).update(
        slug="exploitation-en-ligne"
    )

    by_english = get_json(client, api, {**LIBRARY, "locale": "fr", "topic": "online-exploitation"})
    by_french = get_json(client, api, {**LIBRARY, "locale": "fr", "topic": "exploitation-en-ligne"})

    assert (
        ids(by_english)
        == ids(by_french)
        == resources("fr", topics=english.pk)
        | resources("fr", topics__translation_key=english.translation_key)
        != set()
    )


@pytest.mark.django_db
def test_resources_are_newest_first(client):
    items = get_json(client, PAGES, {**LIBRARY, "locale": "fr", "limit": 50})["items"]

    dates = [item["card"]["date"] for item in items]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({**LIBRARY, "fields": "*"}, "not an operation or a recognised field: fields"),
        ({**LIBRARY, "yaer": "2025"}, "yaer"),
        ({"topic": "law-reform"}, "needs type=resources.ResourcePage"),
        ({"featured": "true"}, "needs type=resources.ResourcePage"),
        ({**LIBRARY, "topic": "not a slug!"}, "topic must be slugs"),
        ({**LIBRARY, "locale": "xx"}, "locale 'xx' doesn't exist"),
    ],
)
def test_unknown_or_misplaced_parameters_are_a_400_problem(client, params, words):
    response = client.get(PAGES, params)

    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert words in response.json()["detail"]


@pytest.mark.django_db
def test_a_malformed_year_is_refused_not_ignored(client):
    response = client.get(PAGES, {**LIBRARY, "year": "abc"})

    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "year"]


@pytest.mark.django_db
def test_a_resource_card_has_what_the_sites_card_shows_in_its_language(client):
    french = in_language(ResourcePage, "fr", slug="regulating-platforms")

    data = get_json(client, PAGES, {**LIBRARY, "locale": "fr", "resource_type": "policy-brief"})
    card = next(item["card"] for item in data["items"] if item["id"] == french.pk)

    assert card["title"] == french.title
    assert card["url"].endswith(french.get_url())
    assert card["locale"] == "fr"
    assert card["type"] == "resources.ResourcePage"
    assert card["summary"] == french.summary
    assert card["date"] == french.publication_date.isoformat()
    assert card["resource_type"]["name"] == french.resource_type.name
    assert card["resource_type"]["slug"] == "policy-brief"
    assert [topic["slug"] for topic in card["topics"]] == ["online-exploitation"]
    assert card["topics"][0]["name"] == "[fr] Online exploitation"
    assert card["regions"][0]["slug"] == "malawi"
    assert card["image"]["renditions"]["w480_webp"].startswith("http")


@pytest.mark.django_db
def test_a_story_card_carries_its_content_warning_and_country(client):
    story = in_language(SurvivorStoryPage, "ar", slug="amani")

    data = get_json(client, PAGES, {"type": "stories.SurvivorStoryPage", "locale": "ar"})
    card = data["items"][0]["card"]

    assert data["items"][0]["id"] == story.pk
    assert card["content_warning"]["topics"][0]["code"] == "coercion"
    assert card["regions"][0]["slug"] == "kenya"


@pytest.mark.django_db
def test_a_list_of_every_page_type_shows_each_as_a_card(client):
    data = get_json(client, PAGES, {"locale": "fr", "limit": 50})

    types = {item["card"]["type"] for item in data["items"]}
    assert {"home.HomePage", "resources.ResourcePage", "stories.SurvivorStoryPage"} <= types
    assert all(item["card"]["url"] == item["meta"]["html_url"] for item in data["items"])


@pytest.mark.django_db
def test_the_openapi_document_declares_the_filters_and_types_the_cards(client):
    openapi = get_json(client, "/api/v3/openapi.json")
    operation = openapi["paths"]["/api/v3/pages/"]["get"]
    parameters = {parameter["name"] for parameter in operation["parameters"]}
    data = get_json(client, PAGES, {**LIBRARY, "locale": "fr"})
    pointer = "/paths/~1api~1v3~1pages~1/get/responses/200/content/application~1json/schema"

    assert {"resource_type", "topic", "region", "year", "featured", "publication_date"} <= (
        parameters
    )
    assert "400" in operation["responses"]
    assert list(validator_for(openapi, pointer).iter_errors(data)) == []
    assert "card" in openapi["components"]["schemas"]["PageListItemSchema"]["required"]


@pytest.mark.django_db
def test_a_client_with_a_token_lists_the_pages_no_site_serves_without_a_card(
    client, create_token, django_user_model
):
    token = create_token(django_user_model.objects.create_superuser("automation", password="x"))
    response = client.get(PAGES, {"limit": 50}, HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.status_code == 200
    cards = {item["meta"]["type"]: item["card"] for item in response.json()["items"]}
    assert cards["wagtailcore.Page"] is None  # the tree's root: no address
    assert cards["home.HomePage"]["url"]
