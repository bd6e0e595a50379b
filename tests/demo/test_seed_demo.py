import io

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.models import Translation

from core.models import Helpline, NavigationMenu, SiteSettings
from demo.translations import TRANSLATIONS
from home.models import CampaignPage, HomePage
from newsletter.models import ConsentWording, MailingList
from resources.models import Partner, Region, ResourcePage, ResourceType, Topic
from stories.models import SurvivorStoryPage

# The demo site in place of the test site, for this module only.
pytestmark = pytest.mark.usefixtures("seeded_demo")

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
TRANSLATABLE_MODELS = [
    Page,
    ResourceType,
    Topic,
    Region,
    Partner,
    Helpline,
    NavigationMenu,
    SiteSettings,
    MailingList,
    ConsentWording,
]


def counts():
    return {model.__name__: model.objects.count() for model in TRANSLATABLE_MODELS}


@pytest.mark.django_db
def test_running_seed_demo_again_duplicates_nothing():
    before = counts()
    output = io.StringIO()

    call_command("seed_demo", stdout=output)

    assert counts() == before
    assert "0 objects created" in output.getvalue()


@pytest.mark.django_db
def test_seed_demo_keeps_what_an_editor_changed():
    campaign = CampaignPage.objects.get(locale__language_code="en")
    campaign.intro = "Edited by an editor."
    campaign.save_revision().publish()

    call_command("seed_demo", stdout=io.StringIO())

    campaign.refresh_from_db()
    assert campaign.intro == "Edited by an editor."


@pytest.mark.django_db
@pytest.mark.parametrize("model", TRANSLATABLE_MODELS)
def test_every_demo_object_exists_in_every_language(model):
    english = model.objects.filter(locale__language_code="en")
    if model is Page:
        english = english.filter(depth__gte=2)
    assert english.exists()
    for source in english:
        languages = set(
            source.get_translations(inclusive=True).values_list("locale__language_code", flat=True)
        )
        assert languages == LANGUAGE_CODES, source


@pytest.mark.django_db
def test_translations_are_written_text_linked_to_the_english_source():
    english = ResourcePage.objects.get(locale__language_code="en", slug="deepfake-abuse")
    for language in LANGUAGE_CODES - {"en"}:
        translated = english.get_translation(
            english.locale.__class__.objects.get(language_code=language)
        )
        assert translated.title != english.title
        assert translated.summary != english.summary
        assert translated.summary[::-1] != english.summary
        assert Translation.objects.filter(
            source__object_id=english.translation_key, target_locale__language_code=language
        ).exists()


@pytest.mark.django_db
def test_demo_covers_the_content_the_brief_asks_for():
    english_resources = ResourcePage.objects.filter(locale__language_code="en").live()
    types_used = set(english_resources.values_list("resource_type__slug", flat=True))
    all_types = set(
        ResourceType.objects.filter(locale__language_code="en").values_list("slug", flat=True)
    )

    assert english_resources.count() >= 14
    assert types_used == all_types
    assert SurvivorStoryPage.objects.filter(locale__language_code="en").live().count() == 3
    assert {"kenya", "malawi", "global"} <= set(
        Region.objects.filter(locale__language_code="en").values_list("slug", flat=True)
    )
    campaign = CampaignPage.objects.get(locale__language_code="en")
    assert (campaign.awareness_date.day, campaign.awareness_date.month) == (30, 7)
    assert campaign.hashtag == "#WorldDayAgainstTrafficking"
    assert campaign.partners.filter(name__startswith="AUDRi").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(LANGUAGE_CODES))
def test_every_language_links_its_own_browse_safely_page_beside_the_quick_exit(client, language):
    english = SiteSettings.objects.get(locale__language_code="en").browse_safely_page.specific
    page = english.get_translation(english.locale.__class__.objects.get(language_code=language))

    html = client.get(f"/{language}/").content.decode()

    assert page.live
    assert f'href="{page.url}" data-browse-safely' in html
    sections = [block.value["heading"] for block in page.body if block.block_type == "section"]
    assert len(sections) == 4
    if language != "en":
        assert page.title != english.title and page.intro != english.intro
    response = client.get(page.url)
    assert response.status_code == 200
    assert "tel:+254000000111" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(LANGUAGE_CODES))
def test_demo_stories_and_campaign_show_helplines_in_their_language(language):
    helplines = Helpline.objects.filter(locale__language_code=language)
    assert helplines.count() == 2
    for story in SurvivorStoryPage.objects.filter(locale__language_code=language):
        [block] = story.support
        assert {helpline.locale.language_code for helpline in block.value["helplines"]} == {
            language
        }
    campaign = CampaignPage.objects.get(locale__language_code=language)
    assert "helplines" in [block.block_type for block in campaign.body]


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(LANGUAGE_CODES - {"en"}))
def test_demo_pictures_are_described_in_every_language(client, language):
    english = HomePage.objects.get(locale__language_code="en")
    home = HomePage.objects.get(locale__language_code=language)
    campaign = CampaignPage.objects.get(locale__language_code=language)
    written = {TRANSLATIONS[language][english.hero_image_alt]}

    assert {home.hero_image_alt} == written
    assert f'alt="{home.hero_image_alt}"' in client.get(home.url).content.decode()
    for version in ("v2", "v3"):
        hero = client.get(f"/api/{version}/pages/{campaign.pk}/").json()["hero_image"]
        assert hero["alt"] == campaign.hero_image_alt != english.hero_image_alt
    settings_data = client.get("/api/v2/site/", {"locale": language}).json()["settings"]
    assert {settings_data["default_share_image"]["alt"]} == written


@pytest.mark.django_db
def test_demo_suggests_donations_in_each_languages_currency_and_joins_its_coalition(client):
    currencies = dict(SiteSettings.objects.values_list("locale__language_code", "donate_currency"))
    french = client.get(CampaignPage.objects.get(locale__language_code="fr").url)
    swahili = client.get(CampaignPage.objects.get(locale__language_code="sw").url)
    audri = Partner.objects.get(locale__language_code="fr", slug="audri")

    assert currencies == {"en": "USD", "fr": "EUR", "es": "EUR", "sw": "KES", "ar": "USD"}
    assert "10\u00a0€" in french.content.decode()
    assert "Ksh\u00a01,000" in swahili.content.decode()
    assert audri.name in french.content.decode()
    assert audri.join_url in french.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(LANGUAGE_CODES))
def test_the_home_page_and_campaign_offer_the_demo_lists_in_each_language(client, language):
    home = HomePage.objects.get(locale__language_code=language)
    campaign = CampaignPage.objects.get(locale__language_code=language)
    lists = MailingList.objects.filter(locale__language_code=language)

    assert {mailing_list.kind for mailing_list in lists} == {"newsletter", "early-access"}
    home_page = client.get(home.url).text
    assert 'action="/' + language + '/newsletter/sign-up/"' in home_page
    for mailing_list in lists:
        assert mailing_list.name in home_page
    assert ConsentWording.current(home.locale).text in home_page
    assert "/newsletter/sign-up/" in client.get(campaign.url).text
