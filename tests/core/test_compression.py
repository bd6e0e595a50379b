"""Public pages and API answers travel compressed (brotli or gzip); an answer that may hold a
secret (a CSRF token, a session, a token, a cookie) never does, so that its compressed size
cannot give the secret away (BREACH)."""

import gzip

import brotli
import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def vary(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",") if value}


def decoded(response):
    coding = response.get("Content-Encoding")
    if coding == "gzip":
        return gzip.decompress(response.content)
    if coding == "br":
        return brotli.decompress(response.content)
    return response.content


def public_addresses(resource):
    return [
        "/en/",
        resource.url,
        f"/api/v2/pages/{resource.pk}/",
        "/api/v2/pages/?locale=en",
        f"/api/v3/pages/{resource.pk}/",
        "/api/v3/pages/?locale=en",
    ]


@pytest.mark.parametrize(
    ("accept_encoding", "coding"),
    [("gzip", "gzip"), ("gzip, deflate, br, zstd", "br"), ("br;q=0, gzip", "gzip")],
)
def test_public_pages_and_api_answers_come_compressed(
    client, english_resource, accept_encoding, coding
):
    for url in public_addresses(english_resource):
        plain = client.get(url)
        response = client.get(url, HTTP_ACCEPT_ENCODING=accept_encoding)

        assert response.status_code == 200, url
        assert response["Content-Encoding"] == coding, url
        assert "accept-encoding" in vary(response), url
        assert "accept-encoding" in vary(plain), url
        assert decoded(response) == plain.content, url
        assert int(response["Content-Length"]) == len(response.content) < len(plain.content)


@pytest.mark.parametrize("accept_encoding", ["", "identity", "gzip;q=0"])
def test_nothing_is_compressed_for_a_client_that_does_not_ask(
    client, english_resource, accept_encoding
):
    response = client.get(english_resource.url, HTTP_ACCEPT_ENCODING=accept_encoding)

    assert not response.has_header("Content-Encoding")
    assert b"</html>" in response.content


@pytest.mark.parametrize("api", ["/api/v2", "/api/v3"])
def test_a_compressed_api_answer_still_gets_its_304(client, english_resource, api):
    url = f"{api}/pages/{english_resource.pk}/"
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")

    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["ETag"].startswith('W/"')  # another representation than the plain answer's
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert "accept-encoding" in vary(again)


def assert_not_compressed(response):
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding"), response.request["PATH_INFO"]
    assert "accept-encoding" not in vary(response)


@pytest.mark.parametrize("accept_encoding", ["gzip", "gzip, deflate, br"])
def test_a_page_with_a_csrf_token_is_never_compressed(client, english_resource, accept_encoding):
    PageViewRestriction.objects.create(
        page=english_resource, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for _visit in range(2):  # with no CSRF cookie yet, then with one
        response = client.get(english_resource.url, HTTP_ACCEPT_ENCODING=accept_encoding)

        assert b"csrfmiddlewaretoken" in response.content
        assert_not_compressed(response)


def test_the_admin_sign_in_form_is_never_compressed(client):
    for _visit in range(2):
        response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip, br")

        assert b"csrfmiddlewaretoken" in response.content
        assert_not_compressed(response)


def test_nothing_is_compressed_for_a_signed_in_user(logged_in, django_user_model, english_resource):
    client = logged_in(django_user_model.objects.create_user("reader", password="x"))

    for url in public_addresses(english_resource):
        assert_not_compressed(client.get(url, HTTP_ACCEPT_ENCODING="gzip, br"))


def test_nothing_is_compressed_for_an_api_token(
    client, create_token, django_user_model, english_resource
):
    token = create_token(django_user_model.objects.create_superuser("automation", password="x"))

    for url in public_addresses(english_resource)[2:]:
        response = client.get(
            url, HTTP_ACCEPT_ENCODING="gzip, br", HTTP_AUTHORIZATION=f"Bearer {token}"
        )

        assert_not_compressed(response)
