"""CORS for the APIs: only the frontends listed in API_CORS_ORIGINS, only under /api/; reads
everywhere, token-authenticated writes on API v3."""

import pytest
from django.test import override_settings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("allowed_frontend"),
]

FRONTEND = "https://front.example.org"
STRANGER = "https://evil.example.net"


@pytest.fixture
def allowed_frontend():
    with override_settings(CORS_ALLOWED_ORIGINS=[FRONTEND]):
        yield


def preflight(client, url, origin, method="GET", headers=""):
    extra = {"HTTP_ACCESS_CONTROL_REQUEST_HEADERS": headers} if headers else {}
    return client.options(
        url, HTTP_ORIGIN=origin, HTTP_ACCESS_CONTROL_REQUEST_METHOD=method, **extra
    )


def listed(response, header):
    return {value.strip().lower() for value in response.get(header, "").split(",") if value}


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v3/pages/"])
def test_an_allowed_frontend_may_read(client, url):
    response = preflight(client, url, FRONTEND, headers="if-none-match")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert {"get", "head", "options"} <= listed(response, "Access-Control-Allow-Methods")
    assert "if-none-match" in listed(response, "Access-Control-Allow-Headers")
    assert "Access-Control-Allow-Credentials" not in response

    response = client.get(url, HTTP_ORIGIN=FRONTEND)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert "etag" in listed(response, "Access-Control-Expose-Headers")
    assert "origin" in listed(response, "Vary")


def test_api_v2_is_read_only_across_origins(client):
    response = preflight(client, "/api/v2/pages/", FRONTEND, "POST", "authorization")

    assert listed(response, "Access-Control-Allow-Methods") == {"get", "head", "options"}
    assert "authorization" not in listed(response, "Access-Control-Allow-Headers")


def test_api_v3_accepts_token_authenticated_writes_from_an_allowed_frontend(client):
    response = preflight(client, "/api/v3/pages/1/", FRONTEND, "PATCH", "authorization")

    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert {"post", "patch", "delete"} <= listed(response, "Access-Control-Allow-Methods")
    assert {"authorization", "content-type"} <= listed(response, "Access-Control-Allow-Headers")


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v3/pages/"])
def test_another_origin_is_refused(client, url):
    response = preflight(client, url, STRANGER)
    assert "Access-Control-Allow-Origin" not in response

    response = client.get(url, HTTP_ORIGIN=STRANGER)
    assert response.status_code == 200  # the browser, not the server, withholds it
    assert "Access-Control-Allow-Origin" not in response


def test_a_304_carries_the_cors_headers(client, home_pages):
    page = home_pages["fr"]
    url = f"/api/v2/pages/{page.pk}/"
    etag = client.get(url, HTTP_ORIGIN=FRONTEND)["ETag"]

    response = client.get(url, HTTP_ORIGIN=FRONTEND, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response["Access-Control-Allow-Origin"] == FRONTEND


def test_site_pages_get_no_cors_headers(client, home_pages):
    page = home_pages["fr"]

    response = client.get(page.url, HTTP_ORIGIN=FRONTEND)

    assert "Access-Control-Allow-Origin" not in response


@override_settings(CORS_ALLOWED_ORIGINS=[])
def test_no_origin_is_allowed_by_default(client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=FRONTEND)

    assert "Access-Control-Allow-Origin" not in response
