"""`?rich_text_format=` in both APIs, for every rich text (page fields and texts inside stream
blocks): `html` (the default) and `markdown` with real addresses, links to pages leading to
their translation in the page's language; `db_html` and `db_markdown` as stored."""

import pytest

from home.models import HomePage, StandardPage
from stories.models import StoryIndexPage
from tests.api.conftest import get_json, in_language, locale
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.usefixtures("api_site")

VERSIONS = ["v2", "v3"]


def detail(client, version, page, **params):
    return get_json(client, f"/api/{version}/pages/{page.pk}/", params)


@pytest.fixture
def french_page_linking_to_about(db):
    """A French page whose texts link to the English about page (its French translation is
    what a French reader should reach) and to a page that has no French translation."""
    english_about = StandardPage.objects.get(locale=locale("en"), slug="about")
    english_only = StandardPageFactory(parent=in_language(HomePage, "en"), title="Only English")
    link = f'<a linktype="page" id="{english_about.pk}">qui nous sommes</a>'
    other = f'<a linktype="page" id="{english_only.pk}">en anglais</a>'
    page = StandardPageFactory(
        parent=in_language(HomePage, "fr"),
        locale=locale("fr"),
        title="Partenaires",
        body=[
            ("paragraph", f"<p>Lire {link}, puis {other}.</p>"),
            ("section", {"heading": "Nous", "body": f"<p>Voir <b>{link}</b>.</p>", "image": None}),
        ],
    )
    french_about = english_about.get_translation(locale("fr"))
    return page, french_about, english_only


@pytest.mark.django_db
@pytest.mark.parametrize("version", VERSIONS)
def test_markdown_links_lead_to_the_translation_in_the_pages_language(
    client, version, french_page_linking_to_about
):
    page, french_about, english_only = french_page_linking_to_about

    body = detail(client, version, page, rich_text_format="markdown")["body"]

    assert body[0]["value"] == (
        f"Lire [qui nous sommes]({french_about.url}), puis [en anglais]({english_only.url}).\n\n"
    )
    assert body[1]["value"]["body"] == f"Voir [**qui nous sommes**]({french_about.url}).\n\n"


@pytest.mark.django_db
@pytest.mark.parametrize("version", VERSIONS)
def test_html_is_the_default_with_links_to_the_translation(
    client, version, french_page_linking_to_about
):
    page, french_about, _english_only = french_page_linking_to_about

    for params in ({}, {"rich_text_format": "html"}):
        body = detail(client, version, page, **params)["body"]
        assert f'<a href="{french_about.url}">qui nous sommes</a>' in body[0]["value"]
        assert body[1]["value"]["body"] == (
            f'<p>Voir <b><a href="{french_about.url}">qui nous sommes</a></b>.</p>'
        )


@pytest.mark.django_db
@pytest.mark.parametrize("version", VERSIONS)
def test_rich_text_fields_honour_the_format_too(client, version):
    english_about = StandardPage.objects.get(locale=locale("en"), slug="about")
    index = in_language(StoryIndexPage, "ar")
    index.intro = f'<p>اقرأ <a linktype="page" id="{english_about.pk}">من نحن</a></p>'
    index.save_revision().publish()
    arabic_about = english_about.get_translation(locale("ar"))

    markdown = detail(client, version, index, rich_text_format="markdown")["intro"]
    html = detail(client, version, index)["intro"]

    assert markdown == f"اقرأ [من نحن]({arabic_about.url})\n\n"
    assert html == f'<p>اقرأ <a href="{arabic_about.url}">من نحن</a></p>'


@pytest.mark.django_db
@pytest.mark.parametrize("version", VERSIONS)
def test_stored_formats_keep_the_stored_references(client, version, french_page_linking_to_about):
    page, _french_about, _english_only = french_page_linking_to_about
    english_about = StandardPage.objects.get(locale=locale("en"), slug="about")

    stored = detail(client, version, page, rich_text_format="db_html")["body"][0]["value"]
    db_markdown = detail(client, version, page, rich_text_format="db_markdown")["body"][0]["value"]

    assert f'<a linktype="page" id="{english_about.pk}">' in stored
    assert f"(wagtail://page?id={english_about.pk})" in db_markdown


@pytest.mark.django_db
@pytest.mark.parametrize("version", VERSIONS)
def test_an_unknown_format_is_refused(client, version):
    page = in_language(StandardPage, "fr")

    response = client.get(f"/api/{version}/pages/{page.pk}/", {"rich_text_format": "pdf"})

    assert 400 <= response.status_code < 500
