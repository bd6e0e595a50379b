"""Requests that anonymous clients could send to get a 500 (found by probing the site from
outside) get a clear 4xx JSON answer: numbers beyond 64 bits, digits other than 0-9 ("²", "①",
which `str.isdigit` accepts and `int()` refuses), the year 0, NUL characters anywhere."""

import json

import pytest

BIG = "9223372036854775808"  # 2**63: no database's integer holds it
ANSWERED_500_BEFORE = [
    f"/api/v2/pages/?offset={BIG}",
    "/api/v2/pages/?offset=99999999999999999999999999",
    f"/api/v2/images/?offset={BIG}",
    f"/api/v2/documents/?offset={BIG}",
    f"/api/v2/topics/?offset={BIG}",
    f"/api/v2/partners/?offset={BIG}",
    f"/api/v3/pages/?offset={BIG}",
    f"/api/v3/topics/?offset={BIG}",
    f"/api/v3/regions/?offset={BIG}",
    "/api/v2/pages/?offset=9223372036854775807",  # fits, but offset + limit does not
    "/api/v2/topics/?translation_of=①",
    "/api/v2/pages/find/?id=²",
    "/api/v3/pages/find/?id=²",
    "/api/v2/pages/?type=resources.ResourcePage&year=0000",
    f"/api/v2/partners/?logo={BIG}",
    f"/api/v2/pages/?type=resources.ResourcePage&cover_image={BIG}",
    f"/api/v2/page_preview/?content_type=home.campaignpage&token=x&offset={BIG}",
]
SAME_KINDS = [
    f"/api/v2/pages/?limit={BIG}",
    f"/api/v3/pages/?limit={BIG}",
    f"/api/v2/pages/?child_of={BIG}",
    "/api/v2/pages/?child_of=²",
    f"/api/v2/pages/?id={BIG}",
    "/api/v2/pages/?id=①",
    "/api/v2/pages/²/",
    f"/api/v2/pages/{BIG}/",
    f"/api/v3/pages/{BIG}/",
    f"/api/v3/topics/{BIG}/",
    "/api/v3/topics/?translation_of=①",
    "/api/v3/pages/?translation_of=①",
    "/api/v2/page_preview/?content_type=²&token=x",
    "/api/v2/pages/?type=resources.ResourcePage&publication_date=0000-01-01",
    "/api/v2/pages/?%00=1",
    "/api/v3/pages/?%00=1",
    "/api/v2/page_preview/?content_type=home.campaignpage&token=%00",
    "/api/v3/snippets/resources.Topic/abc/",
    "/api/v3/snippets/resources.Topic/?translation_of=abc",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ANSWERED_500_BEFORE + SAME_KINDS)
def test_malformed_numbers_and_ids_get_a_clear_4xx_json_answer(client, url):
    response = client.get(url)

    assert 400 <= response.status_code < 500, (url, response.status_code)
    data = response.json()
    message = data.get("message") or data.get("detail")
    assert message, data
    assert "Traceback" not in json.dumps(data)


@pytest.mark.django_db
def test_the_answers_say_what_is_wrong(client):
    def message(url):
        data = client.get(url).json()
        return data.get("message") or data.get("detail")

    assert message(f"/api/v2/pages/?offset={BIG}") == (
        "offset is out of range: at most 9223372036854775807"
    )
    assert message("/api/v3/pages/?offset=1000001") == "offset cannot be higher than 1000000"
    assert (
        message("/api/v2/pages/find/?id=²") == "id must be written with the digits 0 to 9, not '²'"
    )
    assert message("/api/v2/pages/?type=resources.ResourcePage&year=0000") == (
        "year must be a year such as 2025, not '0000'"
    )
