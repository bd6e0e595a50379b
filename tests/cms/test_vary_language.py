"""Answers vary on Accept-Language only where the browser's language chooses something: a CDN
keeps one copy of `/fr/…` or of an API answer, not one per browser language."""

import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db

BROWSER_LANGUAGES = ["fr-FR,fr;q=0.9", "ar", "de-DE,en;q=0.5"]


def vary(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",") if value}


def answers_in_every_browser_language(client, url):
    """The responses to `url` for browsers set to different languages."""
    return [client.get(url, HTTP_ACCEPT_LANGUAGE=language) for language in BROWSER_LANGUAGES]


def assert_same_answer_without_vary(client, url, status=200):
    responses = answers_in_every_browser_language(client, url)
    for response in responses:
        assert response.status_code == status, (url, response.status_code)
        assert "accept-language" not in vary(response), (url, response["Vary"])
    assert len({response.content for response in responses}) == 1, url


@pytest.mark.parametrize("path", ["/", "/search/"])
def test_choosing_a_language_varies_on_accept_language(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")

    assert response.status_code == 302
    assert response["Location"].startswith("/fr/")
    assert "accept-language" in vary(response)


def test_pages_under_a_language_prefix_do_not_vary_on_it(client, translated_resource):
    french = translated_resource.get_translation(Locale.objects.get(language_code="fr"))
    for url in ["/fr/", "/ar/", translated_resource.url, french.url, "/fr/search/?q=traite"]:
        assert_same_answer_without_vary(client, url)
        assert client.get(url)["Content-Language"] == url.split("/")[1]


@pytest.mark.parametrize("api", ["/api/v2", "/api/v3"])
def test_api_answers_do_not_vary_on_accept_language(client, translated_resource, api):
    for url in [
        f"{api}/pages/{translated_resource.pk}/",
        f"{api}/pages/?type=resources.ResourcePage",
        f"{api}/pages/?type=resources.ResourcePage&locale=fr",
        f"{api}/locales/",
        f"{api}/site/",
        f"{api}/site/?locale=ar",
        f"{api}/resource-types/?locale=sw",
    ]:
        assert_same_answer_without_vary(client, url)


@pytest.mark.parametrize(("api", "invalid"), [("/api/v2", 400), ("/api/v3", 422)])
def test_api_errors_are_the_same_for_every_browser_language(client, api, invalid):
    # Django's own validation message, which it would translate into the browser's language.
    assert_same_answer_without_vary(
        client, f"{api}/pages/?type=resources.ResourcePage&publication_date=soon", status=invalid
    )
    assert_same_answer_without_vary(client, f"{api}/pages/999999/", status=404)
    assert_same_answer_without_vary(client, f"{api}/no-such-endpoint/", status=404)


def test_api_answers_in_one_language_say_which(client, english_resource):
    response = client.get("/api/v2/pages/?locale=fr", HTTP_ACCEPT_LANGUAGE="ar")

    assert response["Content-Language"] == "fr"


def test_the_sitemap_does_not_vary_on_accept_language(client, translated_resource):
    assert_same_answer_without_vary(client, "/sitemap.xml")
