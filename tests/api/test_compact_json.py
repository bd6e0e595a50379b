"""Both APIs answer compact UTF-8 JSON: Arabic text as it is (two bytes a letter, not six for
`\\u0627`), no indentation, no spaces after separators; errors too."""

import json
import re

import pytest
from wagtail.models import Locale

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

TITLE = "من نحن"
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
INTRO = "منظمة تعمل من أجل إنهاء الاتجار بالبشر لأغراض الاستغلال الجنسي، في كل مكان."


@pytest.fixture
def arabic_page(home_pages):
    page = StandardPageFactory(
        parent=home_pages["ar"],
        locale=Locale.objects.get(language_code="ar"),
        title=TITLE,
        slug="about-us",
        intro=INTRO,
    )
    page.save_revision().publish()
    return page


def compact(data):
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def assert_compact_utf8_json(response):
    content_type, *parameters = (part.strip() for part in response["Content-Type"].split(";"))
    assert content_type in ("application/json", "application/problem+json")
    assert set(parameters) <= {"charset=utf-8"}, response["Content-Type"]
    assert b"\\u06" not in response.content
    assert b"\n" not in response.content  # indentation (a newline in a text is `\n`)
    assert response.content == compact(response.json())


@pytest.mark.parametrize("api", ["/api/v2", "/api/v3"])
def test_an_arabic_page_comes_as_compact_utf8_json(client, arabic_page, api):
    response = client.get(f"{api}/pages/{arabic_page.pk}/")

    assert response.status_code == 200
    assert TITLE.encode() in response.content
    assert INTRO.encode() in response.content
    assert_compact_utf8_json(response)
    # Escaped and indented as before, the same answer was much bigger.
    assert len(json.dumps(response.json(), indent=4).encode()) > 1.5 * len(response.content)


@pytest.mark.parametrize("api", ["/api/v2", "/api/v3"])
def test_listings_and_site_data_come_as_compact_utf8_json(client, arabic_page, api):
    for url in [f"{api}/pages/?locale=ar", f"{api}/locales/", f"{api}/site/?locale=ar"]:
        response = client.get(url)

        assert response.status_code == 200, url
        assert_compact_utf8_json(response)
        if "/site/" not in url:  # the test site's menu and settings have no Arabic text
            assert ARABIC_LETTER.search(response.content.decode()), url


@pytest.mark.parametrize("api", ["/api/v2", "/api/v3"])
def test_errors_come_as_compact_utf8_json(client, api):
    for url, status in [
        (f"{api}/site/?locale=عربي", 400),
        (f"{api}/صفحات/", 404),
    ]:
        response = client.get(url)

        assert response.status_code == status, (url, response.content)
        assert "عربي".encode() in response.content or "صفحات".encode() in response.content
        assert_compact_utf8_json(response)


@pytest.mark.parametrize("api", ["/api/v2", "/api/v3"])
def test_a_compact_answer_keeps_its_etag_and_304(client, arabic_page, api):
    first = client.get(f"{api}/pages/{arabic_page.pk}/")

    again = client.get(f"{api}/pages/{arabic_page.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
