"""Editors preview drafts in the headless frontend: the admin hands the frontend a token, and
the API gives the draft for that token only, for a limited time; everyone else keeps getting
the published page."""

import time
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_headless_preview.models import PagePreview

from home.models import StandardPage
from tests.factories import StandardPageFactory, translate
from tests.html import parse

pytestmark = pytest.mark.django_db

FRONTEND = "https://front.example.org/{locale}/preview"
HEADLESS = {
    "CLIENT_URLS": {"default": FRONTEND},
    "SERVE_BASE_URL": None,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}
DRAFT_TITLE = "About us (draft under review)"


@pytest.fixture
def headless():
    with override_settings(WAGTAIL_HEADLESS_PREVIEW=HEADLESS, HEADLESS_PREVIEW_LOCALE_URLS={}):
        yield


@pytest.fixture(autouse=True)
def about_pages(english_home):
    """The "About us" page and its French translation, "À propos" at /fr/a-propos/."""
    about = StandardPageFactory(parent=english_home, title="About us", slug="about")
    translate(about, "fr", {"About us": "À propos", "about": "a-propos"})


def standard_page(language, slug):
    return StandardPage.objects.get(locale__language_code=language, slug=slug)


def edit_form(page, title):
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "intro": "An introduction nobody has published yet.",
            "body": streamfield([("paragraph", rich_text("<p>Draft body.</p>"))]),
            "comments": inline_formset([]),
        }
    )


def preview(client, page, title=DRAFT_TITLE):
    """What the admin's preview panel does: post the edit form, then load the preview."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    posted = client.post(url, edit_form(page, title))
    assert posted.status_code == 200
    assert posted.json() == {"is_valid": True, "is_available": True}
    response = client.get(url)
    assert response.status_code == 200
    return response


def preview_address(response):
    """The frontend address in the preview panel's frame."""
    frame = parse(response).find("iframe")
    assert frame is not None, response.content.decode()[:500]
    return frame["src"]


def preview_api(client, address):
    query = parse_qs(urlsplit(address).query)
    return client.get(
        "/api/v2/page_preview/",
        {"content_type": query["content_type"][0], "token": query["token"][0]},
    )


@pytest.mark.usefixtures("headless")
def test_the_frontend_gets_the_draft_for_the_editors_token_and_nobody_else_does(
    admin_client, client
):
    about = standard_page("en", "about")
    published_title = about.title

    response = preview(admin_client, about)

    address = preview_address(response)
    assert address.startswith("https://front.example.org/en/preview/?")
    query = parse_qs(urlsplit(address).query)
    assert query["content_type"] == ["home.standardpage"]

    draft = preview_api(client, address)
    assert draft.status_code == 200
    data = draft.json()
    assert data["id"] == about.pk
    assert data["title"] == DRAFT_TITLE
    if "intro" in data:  # the page's API fields show the draft's too
        assert data["intro"] == "An introduction nobody has published yet."
    assert data["meta"]["type"] == "home.StandardPage"
    assert data["meta"]["detail_url"].endswith(f"/api/v2/pages/{about.pk}/")
    assert draft["Cache-Control"] == "private, no-store"
    assert "ETag" not in draft

    # The published page is unchanged for everyone, in both APIs and on the site.
    for url in (f"/api/v2/pages/{about.pk}/", f"/api/v3/pages/{about.pk}/"):
        assert client.get(url).json()["title"] == published_title
    assert client.get(f"/api/v3/pages/{about.pk}/", {"version": "draft"}).json()["title"] == (
        published_title
    )
    assert StandardPage.objects.get(pk=about.pk).title == published_title
    assert DRAFT_TITLE not in client.get(about.url).content.decode()


@pytest.mark.usefixtures("headless")
def test_an_expired_token_is_refused(admin_client, client):
    address = preview_address(preview(admin_client, standard_page("en", "about")))
    an_hour_later = time.time() + 3601

    with mock.patch("django.core.signing.time.time", return_value=an_hour_later):
        response = preview_api(client, address)

    assert response.status_code == 410
    assert "expired" in response.json()["message"]
    assert response["Cache-Control"] == "private, no-store"

    with (
        override_settings(HEADLESS_PREVIEW_MAX_AGE=7200),
        mock.patch("django.core.signing.time.time", return_value=an_hour_later),
    ):
        assert preview_api(client, address).status_code == 200


@pytest.mark.usefixtures("headless")
def test_a_missing_forged_or_mismatched_token_never_gives_a_draft(admin_client, client):
    address = preview_address(preview(admin_client, standard_page("en", "about")))
    token = parse_qs(urlsplit(address).query)["token"][0]
    api = "/api/v2/page_preview/"

    missing = client.get(api, {"content_type": "home.standardpage"})
    assert missing.status_code == 400
    assert missing.json()["message"]
    assert missing["Cache-Control"] == "private, no-store"

    assert client.get(api).status_code == 400
    assert client.get(api, {"content_type": "nope.nothing", "token": token}).status_code == 400
    assert client.get(api, {"content_type": "auth.user", "token": token}).status_code == 400

    forged = token.rsplit(":", 1)[0] + ":forged-signature"
    response = client.get(api, {"content_type": "home.standardpage", "token": forged})
    assert response.status_code == 404
    assert response.json()["message"]

    # A valid token only opens the page type it was made for.
    response = client.get(api, {"content_type": "home.campaignpage", "token": token})
    assert response.status_code == 404

    # Nor does a token whose preview was cleared away.
    PagePreview.objects.filter(token=token).delete()
    assert client.get(api, {"content_type": "home.standardpage", "token": token}).status_code == 404


@pytest.mark.usefixtures("headless")
def test_a_new_page_can_be_previewed_before_it_exists(admin_client, client):
    home = standard_page("en", "about").get_parent()
    url = reverse("wagtailadmin_pages:preview_on_add", args=["home", "standardpage", home.pk])
    form = edit_form(StandardPage(slug="new-page"), "A page not created yet")
    assert admin_client.post(url, form).json()["is_valid"]

    address = preview_address(admin_client.get(url))

    data = preview_api(client, address).json()
    assert data["title"] == "A page not created yet"
    assert data["id"] == 0
    assert not StandardPage.objects.filter(title="A page not created yet").exists()


@pytest.mark.usefixtures("headless")
def test_the_frontend_address_follows_the_pages_language(admin_client, client):
    french = standard_page("fr", "a-propos")

    address = preview_address(preview(admin_client, french, "À propos (brouillon)"))

    assert address.startswith("https://front.example.org/fr/preview/?")
    assert preview_api(client, address).json()["title"] == "À propos (brouillon)"


@override_settings(
    WAGTAIL_HEADLESS_PREVIEW={**HEADLESS, "CLIENT_URLS": {}},
    HEADLESS_PREVIEW_LOCALE_URLS={"fr": "https://fr.example.org/apercu"},
)
def test_one_frontend_per_language_and_wagtail_for_the_others(admin_client):
    french = preview(admin_client, standard_page("fr", "a-propos"), "À propos (brouillon)")
    assert preview_address(french).startswith("https://fr.example.org/apercu/?")

    english = preview(admin_client, standard_page("en", "about"))
    assert parse(english).find("iframe") is None
    assert DRAFT_TITLE in english.content.decode()


@override_settings(
    WAGTAIL_HEADLESS_PREVIEW={**HEADLESS, "CLIENT_URLS": {}}, HEADLESS_PREVIEW_LOCALE_URLS={}
)
def test_without_a_frontend_wagtail_renders_the_preview_itself(admin_client):
    response = preview(admin_client, standard_page("en", "about"))

    document = parse(response)
    assert document.find("iframe") is None
    assert DRAFT_TITLE in document.text
    assert "Draft body." in document.text
    assert not PagePreview.objects.exists()


def test_preview_tokens_are_not_issued_to_visitors(client):
    about = standard_page("en", "about")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[about.pk])

    response = client.post(url, edit_form(about, DRAFT_TITLE))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not PagePreview.objects.exists()
