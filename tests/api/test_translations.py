"""Localized content: pages and snippets by language and by translation, the translations of a
page, pages found by their localized address, the site's languages, and one language's
navigation, settings and redirects."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from core.models import SiteSettings
from home.models import CampaignPage, HomePage, StandardPage
from resources.models import Region, ResourceIndexPage, Topic
from tests.api.conftest import LANGUAGES, get_json, in_language, locale, path_of
from tests.factories import ResourcePageFactory, StandardPageFactory
from tests.page_types import PAGE_MODELS

pytestmark = pytest.mark.usefixtures("api_site")


@pytest.mark.django_db
@pytest.mark.parametrize("api", ["/api/v2/pages/", "/api/v3/pages/"])
def test_pages_are_listed_by_language_and_by_translation(client, api):
    english = in_language(CampaignPage, "en")

    arabic = get_json(client, api, {"type": "home.CampaignPage", "locale": "ar"})
    translations = get_json(client, api, {"translation_of": english.pk})

    assert [item["id"] for item in arabic["items"]] == [in_language(CampaignPage, "ar").pk]
    assert {item["meta"]["locale"] for item in translations["items"]} == {"fr", "es", "sw", "ar"}
    assert english.pk not in [item["id"] for item in translations["items"]]


@pytest.mark.django_db
@pytest.mark.parametrize("api", ["v2", "v3"])
@pytest.mark.parametrize(
    ("endpoint", "model"),
    [("resource-types", None), ("topics", Topic), ("regions", Region), ("partners", None)],
)
def test_snippets_are_listed_by_language_and_by_translation(client, api, endpoint, model):
    url = f"/api/{api}/{endpoint}/"
    french = get_json(client, url, {"locale": "fr"})
    first = french["items"][0]

    others = get_json(client, url, {"translation_of": first["id"]})
    detail = get_json(client, f"{url}{first['id']}/")

    assert french["items"] and {item["meta"]["locale"] for item in french["items"]} == {"fr"}
    assert {item["meta"]["locale"] for item in others["items"]} == {"en", "es", "sw", "ar"}
    assert detail == first
    if model is not None:
        assert first["name"] == model.objects.get(pk=first["id"]).name
        assert "slug" in first


@pytest.mark.django_db
def test_every_page_lists_its_live_public_translations_with_their_addresses(client):
    english = in_language(StandardPage, "en", slug="about")
    swahili = english.get_translation(locale("sw"))
    swahili.unpublish()
    arabic = english.get_translation(locale("ar"))
    PageViewRestriction.objects.create(page=arabic, restriction_type="password", password="x")

    for api in ("v2", "v3"):
        translations = get_json(client, f"/api/{api}/pages/{english.pk}/")["translations"]

        assert [item["locale"] for item in translations] == ["fr", "es"]
        french = english.get_translation(locale("fr"))
        assert translations[0] == {
            "locale": "fr",
            "id": french.pk,
            "title": french.title,
            "url": french.full_url,
        }
        assert translations[0]["url"].startswith("http://127.0.0.1:8000/fr/")


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_is_found_by_its_address_in_every_language(client, code):
    pages = Page.objects.live().public().filter(locale=locale(code), depth__gt=1)
    assert {page.specific_class for page in pages} == set(PAGE_MODELS)

    for page in pages:
        for api in ("v2", "v3"):
            response = client.get(f"/api/{api}/pages/find/", {"html_path": path_of(page)})
            assert response.status_code == 302, (api, path_of(page))
            assert f"/pages/{page.pk}/" in response["Location"]


@pytest.mark.django_db
def test_find_keeps_other_parameters_and_answers_404_in_json(client):
    campaign = in_language(CampaignPage, "es")

    found = client.get("/api/v2/pages/find/", {"html_path": path_of(campaign), "fields": "hashtag"})
    data = get_json(client, found["Location"])
    missing = get_json(client, "/api/v2/pages/find/", {"html_path": "/fr/nulle-part/"}, 404)
    missing_v3 = get_json(client, "/api/v3/pages/find/", {"html_path": "/fr/nulle-part/"}, 404)
    bad_language = get_json(client, "/api/v2/pages/find/", {"html_path": "/xx/"}, 404)

    assert data["hashtag"] == campaign.hashtag
    assert missing["message"] == missing["detail"] == "not found"
    assert missing_v3["status"] == 404
    assert bad_language["message"]


@pytest.mark.django_db
def test_find_serves_an_untranslated_page_at_its_address_in_another_language(client):
    library = ResourceIndexPage.objects.get(locale=locale("en"))
    english_only = ResourcePageFactory(
        parent=library,
        title="Annual report 2026",
        slug="annual-report-2026",
        resource_type=library.get_children().first().specific.resource_type,
    )
    french_library = library.get_translation(locale("fr"))

    for api in ("v2", "v3"):
        response = client.get(
            f"/api/{api}/pages/find/",
            {"html_path": f"{french_library.url}annual-report-2026/"},
        )
        assert response.status_code == 302
        assert get_json(client, response["Location"])["id"] == english_only.pk


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v2/locales/", "/api/v3/locales/"])
def test_locales_give_native_names_and_direction(client, url):
    data = get_json(client, url)
    items = data["items"]

    by_code = {item["code"]: item for item in items}
    assert list(by_code) == LANGUAGES
    assert by_code["fr"]["name"] == "français"
    assert by_code["sw"]["name"] == "Kiswahili"
    assert by_code["ar"]["direction"] == "rtl"
    assert {item["direction"] for code, item in by_code.items() if code != "ar"} == {"ltr"}
    assert by_code["en"]["is_default"] is True
    assert by_code["fr"]["home_url"] == in_language(HomePage, "fr").full_url


@pytest.fixture
def redirects(db):
    french_campaign = in_language(CampaignPage, "fr")
    hidden = StandardPageFactory(
        parent=in_language(HomePage, "fr"), locale=locale("fr"), live=False
    )
    return [
        Redirect.objects.create(
            old_path="/fr/ancienne-campagne", redirect_page=french_campaign, is_permanent=True
        ),
        Redirect.objects.create(
            old_path="/don", redirect_link="https://donate.example.org/", is_permanent=False
        ),
        Redirect.objects.create(old_path="/fr/cache", redirect_page=hidden),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v2/site/", "/api/v3/site/"])
def test_site_gives_a_languages_navigation_settings_and_redirects(client, url, redirects):
    french_settings = SiteSettings.objects.get(locale=locale("fr"))
    french_campaign = in_language(CampaignPage, "fr")

    data = get_json(client, url, {"locale": "fr"})

    assert data["locale"] == "fr"
    assert data["direction"] == "ltr"
    assert data["home"]["id"] == in_language(HomePage, "fr").pk
    main = data["navigation"]["main"]
    assert main and all(link["url"].startswith("http://127.0.0.1:8000/fr/") for link in main)
    assert french_campaign.get_parent().title in [link["text"] for link in main]
    assert data["navigation"]["footer_text"].startswith("<p>")
    assert in_language(StandardPage, "fr", slug="about").pk in [
        link["page_id"] for link in data["navigation"]["footer"]
    ]
    settings = data["settings"]
    assert settings["site_name"] == french_settings.site_name
    assert settings["donate_url"] == french_settings.donate_url
    assert settings["default_hashtag"] == "#TestDay"  # the English one: it is synchronized
    assert settings["newsletter"]["heading"] == french_settings.newsletter_heading
    assert settings["newsletter"]["url"] == french_settings.newsletter_url
    assert settings["quick_exit_url"] == french_settings.quick_exit_url
    assert {account["network"] for account in settings["social_accounts"]} == {
        "bluesky",
        "instagram",
        "youtube",
    }
    redirects_by_path = {item["old_path"]: item for item in data["redirects"]}
    assert redirects_by_path["/don"] == {
        "old_path": "/don",
        "new_url": "https://donate.example.org/",
        "is_permanent": False,
    }
    assert redirects_by_path["/fr/ancienne-campagne"] == {
        "old_path": "/fr/ancienne-campagne",
        "new_url": french_campaign.full_url,
        "is_permanent": True,
    }
    assert "/fr/cache" not in redirects_by_path  # to a page that is not live


@pytest.mark.django_db
def test_menus_leave_out_pages_visitors_may_not_see(client):
    french_about = in_language(StandardPage, "fr", slug="about")
    PageViewRestriction.objects.create(page=french_about, restriction_type="login")
    english_about = french_about.get_translation(locale("en"))
    english_about.unpublish()

    footer = get_json(client, "/api/v2/site/", {"locale": "fr"})["navigation"]["footer"]

    assert footer
    assert {french_about.pk, english_about.pk}.isdisjoint(link["page_id"] for link in footer)


@pytest.mark.django_db
def test_site_answers_in_arabic_right_to_left_and_in_english_by_default(client):
    arabic = get_json(client, "/api/v2/site/", {"locale": "ar"})
    default = get_json(client, "/api/v3/site/")

    assert arabic["direction"] == "rtl"
    assert arabic["settings"]["tagline"] == SiteSettings.objects.get(locale=locale("ar")).tagline
    assert default["locale"] == "en"
    assert default["home"]["url"] == "http://127.0.0.1:8000/en/"


@pytest.mark.django_db
@pytest.mark.parametrize("api", ["v2", "v3"])
def test_snippets_are_searched_in_one_language(client, api):
    found = get_json(client, f"/api/{api}/topics/", {"search": "justice", "locale": "fr"})

    assert [item["name"] for item in found["items"]] == ["Accès à la justice"]
