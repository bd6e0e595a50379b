"""Beside the quick exit, every page links to the advice on browsing safely, in the visitor's
language, when the site settings name such a page; frontends get its address from the API."""

import pytest
from wagtail.models import Locale

from core.models import SiteSettings
from tests.api.conftest import get_json
from tests.factories import StandardPageFactory, translate
from tests.html import parse


@pytest.fixture
def browse_safely(home_pages):
    """An English 'Browse safely' page, translated into Arabic, named in the site settings of
    every language (the English page: wagtail-localize keeps links to pages as they are)."""
    page = StandardPageFactory(parent=home_pages["en"], title="Browse safely", slug="browse-safely")
    translate(page, "ar", {"Browse safely": "تصفّح بأمان", "browse-safely": "تصفح-بأمان"})
    SiteSettings.objects.update(browse_safely_page=page)
    return page


def quick_exit_links(client, url):
    links = parse(client.get(url)).find_all("a")
    return links[0], [link for link in links if "data-browse-safely" in link]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_pages_link_to_browse_safely_in_the_visitors_language(client, browse_safely, language):
    translation = browse_safely.get_translation(Locale.objects.get(language_code=language))

    first, [safely] = quick_exit_links(client, f"/{language}/")

    assert "data-quick-exit" in first  # the quick exit stays first
    assert safely["href"] == translation.url


@pytest.mark.django_db
def test_languages_without_a_translation_link_to_the_original(client, browse_safely):
    _first, [safely] = quick_exit_links(client, "/fr/")

    assert safely["href"] == browse_safely.url


@pytest.mark.django_db
def test_no_link_while_the_page_is_unpublished_or_not_chosen(client, browse_safely):
    browse_safely.get_translations(inclusive=True).unpublish()
    assert quick_exit_links(client, "/en/")[1] == []

    SiteSettings.objects.update(browse_safely_page=None)
    assert quick_exit_links(client, "/ar/")[1] == []


@pytest.mark.django_db
@pytest.mark.parametrize("version", ["v2", "v3"])
def test_site_api_gives_the_browse_safely_address_of_the_language(client, browse_safely, version):
    arabic = get_json(client, f"/api/{version}/site/", {"locale": "ar"})["settings"]
    french = get_json(client, f"/api/{version}/site/", {"locale": "fr"})["settings"]

    translation = browse_safely.get_translation(Locale.objects.get(language_code="ar"))
    assert arabic["browse_safely_url"] == translation.get_full_url()
    assert french["browse_safely_url"] == browse_safely.get_full_url()
