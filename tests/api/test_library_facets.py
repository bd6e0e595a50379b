"""API parity with the library page: the same filters (partner, year range), search and facet
counts in /api/v2/ and /api/v3/, the facets documented and typed in the OpenAPI document."""

import pytest

from tests.api.conftest import get_json, response_schema_pointer, validator_for
from tests.resources.library_data import build_library

pytestmark = pytest.mark.django_db

FACETS = {"v2": "/api/v2/resources/facets/", "v3": "/api/v3/resources/facets/"}
LISTS = {"v2": "/api/v2/pages/", "v3": "/api/v3/pages/"}


@pytest.fixture
def library(home_pages):
    return build_library(home_pages)


def counts(values):
    return {value["slug"]: value["count"] for value in values}


def listed(client, version, **params):
    params = {"type": "resources.ResourcePage", "locale": "en", **params}
    data = get_json(client, LISTS[version], params)
    return [item["title"] for item in data["items"]]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_facet_counts_respect_the_other_filters_as_on_the_page(client, library, version):
    data = get_json(client, FACETS[version], {"topic": "online-exploitation", "region": "kenya"})

    assert data["locale"] == "en" and data["total_count"] == 3
    facets = data["facets"]
    assert counts(facets["resource_type"]) == {
        "legal-tool": 1,
        "policy-brief": 2,
        "research-report": 0,
    }
    assert counts(facets["topic"]) == {"access-to-justice": 2, "online-exploitation": 3}
    assert counts(facets["region"]) == {"kenya": 3, "malawi": 0}
    assert counts(facets["partner"]) == {"audri": 1}
    assert facets["year"] == [
        {"year": 2025, "count": 1},
        {"year": 2024, "count": 1},
        {"year": 2023, "count": 1},
    ]


def test_both_apis_answer_the_same_facets_in_french(client, library):
    params = {"locale": "fr", "resource_type": "research-report,policy-brief"}
    v2 = get_json(client, FACETS["v2"], params)
    v3 = get_json(
        client, FACETS["v3"] + "?locale=fr&resource_type=research-report&resource_type=policy-brief"
    )

    assert v2 == v3
    assert v2["total_count"] == 2
    names = {value["slug"]: value["name"] for value in v2["facets"]["topic"]}
    assert names["online-exploitation"] == "Online exploitation (fr)"


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_facets_of_a_search(client, library, version):
    data = get_json(client, FACETS[version], {"search": "deepfake"})

    assert data["total_count"] == 1
    assert counts(data["facets"]["partner"]) == {"audri": 1}


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_lists_filter_by_partner_and_years_as_the_page_does(client, library, version):
    assert listed(client, version, partner="audri") == ["Deepfake laws"]
    assert listed(client, version, year_from="2023", year_to="2024") == [
        "Deepfake laws",
        "Platform duties",
    ]
    assert listed(client, version, year_from="2025") == ["Legal checklist"]
    assert listed(client, version, year_from="2022", year_to="2022", region="malawi") == [
        "Courts in Malawi"
    ]


@pytest.mark.parametrize("version", ["v2", "v3"])
@pytest.mark.parametrize(
    "params",
    [
        {"year_from": "abc"},
        {"year_to": "20255"},
        {"partner": "<script>"},
        {"locale": "xx"},
        {"colour": "red"},
    ],
)
def test_malformed_facet_parameters_are_a_4xx_problem(client, library, version, params):
    response = client.get(FACETS[version], params)

    # API v3 answers 422 for a value its declared type refuses, as for its other parameters.
    assert response.status_code in (400, 422)
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_list_refuses_a_malformed_year_range(client, library, version):
    params = {"type": "resources.ResourcePage", "year_from": "abc"}
    response = client.get(LISTS[version], params)

    assert response.status_code == (400 if version == "v2" else 422)
    assert "year_from" in response.content.decode()


def test_the_openapi_document_types_the_facets_and_the_new_filters(client, library):
    openapi = get_json(client, "/api/v3/openapi.json")

    operation = openapi["paths"]["/api/v3/resources/facets/"]["get"]
    parameters = {parameter["name"] for parameter in operation["parameters"]}
    assert {"locale", "resource_type", "topic", "region", "partner", "year_from", "year_to"} <= (
        parameters
    )
    assert "search" in parameters
    listing = openapi["paths"]["/api/v3/pages/"]["get"]
    assert {"partner", "year_from", "year_to"} <= {p["name"] for p in listing["parameters"]}

    data = get_json(client, FACETS["v3"], {"locale": "fr"})
    validator = validator_for(openapi, response_schema_pointer("/api/v3/resources/facets/"))
    assert list(validator.iter_errors(data)) == []


def test_a_landing_page_in_api_v3_has_its_name_address_and_head(client, library):
    data = get_json(client, "/api/v3/resources/landing/topics/online-exploitation/?locale=ar")

    assert data["name"] == "الاستغلال عبر الإنترنت"
    assert data["description"] == "التجنيد والبيع عبر المنصات."
    assert data["filter"] == "topic"
    landing = library.arabic.full_url + "topics/online-exploitation/"
    assert data["url"] == data["seo"]["canonical_url"] == landing
    alternates = {item["hreflang"]: item["url"] for item in data["seo"]["alternates"]}
    assert alternates["en"] == library.english.full_url + "topics/online-exploitation/"
    assert data["seo"]["title"] == data["name"]

    openapi = get_json(client, "/api/v3/openapi.json")
    path = "/api/v3/resources/landing/{kind}/{slug}/"
    validator = validator_for(openapi, response_schema_pointer(path))
    assert list(validator.iter_errors(data)) == []


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/resources/landing/topics/nothing/",
        "/api/v3/resources/landing/partners/audri/",
        "/api/v3/resources/landing/regions/kenya/?locale=xx",
    ],
)
def test_an_unknown_landing_page_is_a_4xx(client, library, url):
    assert client.get(url).status_code in (400, 404, 422)
