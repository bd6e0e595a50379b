"""The redirects of `/site/` (issue 13, item 10): only those of the language asked for (and
those of addresses of no language), their old paths percent-encoded as every address of the
APIs is, in both APIs."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from home.models import StandardPage
from tests.api.conftest import get_json, in_language

pytestmark = pytest.mark.usefixtures("api_site")

APIS = ["/api/v2/site/", "/api/v3/site/"]


def old_paths(client, api, **params):
    return [redirect["old_path"] for redirect in get_json(client, api, params)["redirects"]]


@pytest.mark.django_db
@pytest.mark.parametrize("api", APIS)
def test_the_french_site_lists_only_french_redirects(client, api):
    french = old_paths(client, api, locale="fr")
    arabic = old_paths(client, api, locale="ar")

    assert "/fr/about" in french
    assert all(path.startswith("/fr/") for path in french)
    assert "/ar/about" in arabic
    assert all(path.startswith("/ar/") for path in arabic)


@pytest.mark.django_db
@pytest.mark.parametrize("api", APIS)
def test_a_redirect_of_no_language_is_in_every_languages_list(client, api):
    Redirect.add_redirect("/donate", "https://donate.example.org/")

    for code in ["en", "fr", "ar"]:
        assert "/donate" in old_paths(client, api, locale=code), code
    assert "/donate" in old_paths(client, api)


@pytest.mark.django_db
@pytest.mark.parametrize("api", APIS)
def test_without_a_locale_the_default_languages_redirects_are_listed(client, api):
    Redirect.add_redirect("/en/old-about", in_language(StandardPage, "en", slug="about"))

    paths = old_paths(client, api)

    assert "/en/old-about" in paths
    assert not any(path.startswith("/fr/") for path in paths)


@pytest.mark.django_db
@pytest.mark.parametrize("api", APIS)
def test_old_paths_are_percent_encoded_like_page_urls(client, api):
    french = in_language(StandardPage, "fr", slug="about")
    Redirect.add_redirect("/fr/réguler", french)  # Wagtail keeps it decoded
    Redirect.add_redirect("/fr/%C3%A9t%C3%A9", french)  # and decodes it when given encoded

    redirects = get_json(client, api, {"locale": "fr"})["redirects"]
    paths = [redirect["old_path"] for redirect in redirects]

    assert "/fr/r%C3%A9guler" in paths
    assert "/fr/%C3%A9t%C3%A9" in paths
    assert all(path.isascii() for path in paths)
    assert all(redirect["new_url"].isascii() for redirect in redirects)
