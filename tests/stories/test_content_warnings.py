"""A reader is warned of what a survivor's story deals with before reading any of it, in their
language, on the page and in both APIs, and can choose not to read on."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import CampaignPage, HomePage
from stories.models import CONTENT_WARNINGS, StoryIndexPage, SurvivorStoryPage
from tests.factories import SurvivorStoryPageFactory
from tests.html import Document, parse

# Stories, with the campaign and home page that show them, in every language.
pytestmark = pytest.mark.usefixtures("module_site_content")


def in_language(model, language):
    """The first page (or snippet) of `model` in `language`."""
    return model.objects.filter(locale__language_code=language).order_by("pk").first()


def story_in(language):
    return in_language(SurvivorStoryPage, language)


def get_json(client, url, params=None, **headers):
    response = client.get(url, params or {}, **headers)
    assert response.status_code == 200, (url, response.content)
    assert response["Content-Type"].startswith("application/json"), url
    return response.json()


def french(text):
    with translation.override("fr"):
        return translation.gettext(text)


def labels_in(language):
    """Code → label of every content warning in `language`."""
    with translation.override(language):
        return {code: str(label) for code, label in CONTENT_WARNINGS}


def french_labels():
    return set(labels_in("fr").values())


def main_html(client, page):
    return client.get(page.url).content.decode().split("<main", 1)[1]


def new_story(language="en", **fields):
    index = StoryIndexPage.objects.get(locale__language_code=language)
    return SurvivorStoryPageFactory(parent=index, locale=index.locale, **fields)


# The story page ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_warning_stands_before_the_quote_the_image_and_the_body(client, language):
    story = story_in(language)
    html = main_html(client, story)

    warning = html.index('class="content-warning"')
    assert warning < html.index(story.content_warning) < html.index('id="story"')
    assert html.index('id="story"') < html.index(story.quote) < html.index(story.body[3:40])
    if story.image:
        assert warning < html.index("<picture")


@pytest.mark.django_db
def test_screen_readers_find_the_warning_by_name_and_hear_it_on_entering_the_story(client):
    story = story_in("en")
    document = parse(client.get(story.url))

    section = document.find("section", class_="content-warning")
    heading = document.find("h2", id=section["aria-labelledby"])
    assert heading is not None
    assert "Content warning" in document.text
    body = document.find("section", id="story")
    described_by = body["aria-describedby"].split()
    assert section["aria-labelledby"] in described_by
    assert all(
        document.find("div", id=name) or document.find("h2", id=name) for name in described_by
    )
    assert body["aria-label"] == "The story"


@pytest.mark.django_db
def test_reader_can_continue_to_the_story_or_leave_it_without_javascript(client):
    story = story_in("fr")
    document = parse(client.get(story.url))

    assert document.find("a", class_="button", href="#story") is not None
    skip = document.find("a", class_="button button--secondary")
    assert skip["href"] == story.get_parent().url
    assert french("Continue to the story") in document.text
    assert french("Skip this story") in document.text


@pytest.mark.django_db
def test_french_page_lists_the_ticked_warnings_in_french_and_its_own_words(client):
    story = story_in("fr")
    text = parse(client.get(story.url)).text

    for code in story.content_warning_topics:
        assert labels_in("fr")[code] != labels_in("en")[code]
        assert labels_in("fr")[code] in text
    assert story.content_warning.startswith("Ce récit")
    assert story.content_warning in text


@pytest.mark.django_db
def test_story_without_a_warning_shows_none_and_describes_nothing(client):
    story = new_story(content_warning_topics=[], content_warning="")
    document = parse(client.get(story.url))

    assert document.find("section", class_="content-warning") is None
    assert "aria-describedby" not in document.find("section", id="story")
    assert "Content warning" not in document.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "country", "age_range", "expected"),
    [
        ("en", True, "18-25", "Told by Neema, Kenya, 18 to 25"),
        ("en", True, "", "Told by Neema, Kenya"),
        ("en", False, "over-50", "Told by Neema, Over 50"),
        ("en", False, "", "Told by Neema"),
        ("ar", True, "18-25", "رواية Neema، كينيا، من 18 إلى 25 عامًا"),
        ("ar", False, "", "رواية Neema"),
    ],
)
def test_teller_line_gives_the_pseudonym_and_only_the_details_given(
    client, language, country, age_range, expected
):
    from resources.models import Region

    kenya = Region.objects.get(locale__language_code=language, slug="kenya") if country else None
    story = new_story(language, pseudonym="Neema", country=kenya, age_range=age_range)

    teller = main_html(client, story).split('class="story__teller">', 1)[1].split("</p>", 1)[0]

    assert teller == expected


def story_cards(html):
    chunks = html.split('<article class="card card--story">')[1:]
    return [unescape(chunk.split("</article>", 1)[0]) for chunk in chunks]


@pytest.mark.django_db
@pytest.mark.parametrize("page_model", [StoryIndexPage, HomePage, CampaignPage])
def test_story_cards_show_a_short_warning_before_the_quote(client, page_model):
    cards = story_cards(main_html(client, in_language(page_model, "fr")))

    assert cards
    for card in cards:
        assert card.index(french("Content warning:")) < card.index("<blockquote>")
        warning = card.split(french("Content warning:"), 1)[1].split("</p>", 1)[0]
        assert any(label in warning for label in french_labels())


@pytest.mark.django_db
def test_card_of_a_story_with_only_its_own_words_shows_them(client):
    story = new_story(content_warning_topics=[], content_warning="Mentions a forced marriage.")

    html = main_html(client, story.get_parent())

    card = next(card for card in story_cards(html) if story.quote in card)
    assert card.index("Mentions a forced marriage.") < card.index(story.quote)


# Both APIs ------------------------------------------------------------------------------------


def story_fields(data):
    """The page's own fields, in the order of the JSON answer."""
    return [key for key in data if key not in ("id", "meta", "title", "type")]


def api_details(client, page, **headers):
    return [
        get_json(client, f"/api/{version}/pages/{page.pk}/", **headers) for version in ("v2", "v3")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_both_apis_give_the_warning_first_as_topics_text_and_summary(client, language):
    story = story_in(language)

    for data in api_details(client, story):
        assert story_fields(data)[0] == "content_warning"
        warning = data["content_warning"]
        codes = [code for code, _label in CONTENT_WARNINGS if code in story.content_warning_topics]
        assert [topic["code"] for topic in warning["topics"]] == codes
        assert warning["text"] == story.content_warning
        assert all(topic["label"] in warning["summary"] for topic in warning["topics"])
        assert warning["text"] in warning["summary"]


@pytest.mark.django_db
def test_french_story_gives_french_labels_whatever_the_request_language(client):
    story = story_in("fr")

    for data in api_details(client, story, HTTP_ACCEPT_LANGUAGE="ar"):
        warning = data["content_warning"]
        for topic in warning["topics"]:
            assert (
                topic["label"] == labels_in("fr")[topic["code"]] != labels_in("en")[topic["code"]]
            )
        assert warning["summary"].startswith(french("Content warning:"))


@pytest.mark.django_db
def test_story_lists_in_french_carry_french_warnings(client):
    listing = get_json(
        client,
        "/api/v2/pages/",
        {"type": "stories.SurvivorStoryPage", "locale": "fr", "fields": "content_warning"},
    )

    assert listing["items"]
    for item in listing["items"]:
        labels = {topic["label"] for topic in item["content_warning"]["topics"]}
        assert labels and labels <= french_labels()


@pytest.mark.django_db
def test_story_without_a_warning_gives_null(client):
    story = new_story(content_warning_topics=[], content_warning="")

    for data in api_details(client, story):
        assert data["content_warning"] is None
        assert story_fields(data)[0] == "content_warning"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("topics", "text", "summary"),
    [
        (["death", "coercion"], "", "Content warning: Coercion and threats, Death."),
        ([], "Mentions a forced marriage.", "Content warning: Mentions a forced marriage."),
    ],
)
def test_summary_reads_well_with_only_topics_or_only_words(client, topics, text, summary):
    story = new_story(content_warning_topics=topics, content_warning=text)

    for data in api_details(client, story):
        assert data["content_warning"]["summary"] == summary


@pytest.mark.django_db
def test_story_cards_in_the_api_carry_the_warning_object(client):
    home = in_language(HomePage, "fr")

    data = get_json(client, f"/api/v3/pages/{home.pk}/")

    for card in data["latest_stories"]:
        assert set(card["content_warning"]) == {"topics", "text", "summary"}
        assert list(card).index("content_warning") < list(card).index("summary")
        assert {topic["label"] for topic in card["content_warning"]["topics"]} <= french_labels()


@pytest.mark.django_db
def test_openapi_document_lists_every_warning_code(client):
    openapi = get_json(client, "/api/v3/openapi.json")

    code = openapi["components"]["schemas"]["ContentWarningTopic"]["properties"]["code"]

    assert code["enum"] == [code for code, _label in CONTENT_WARNINGS]


# Editing in the admin ---------------------------------------------------------------------------


def edit_story(client, story, topics):
    data = nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "pseudonym": story.pseudonym,
            "country": story.country_id or "",
            "age_range": story.age_range,
            "content_warning": story.content_warning,
            "quote": story.quote,
            "body": rich_text(story.body),
            "support": streamfield([]),
        }
    )
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    return client.post(url, {**data, "content_warning_topics": topics})


@pytest.mark.django_db
def test_editor_ticks_content_warnings_in_the_admin(admin_client):
    story = new_story(content_warning_topics=[])

    response = edit_story(admin_client, story, ["self-harm", "coercion"])

    assert response.status_code == 302
    saved = SurvivorStoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    assert saved.content_warning_topics == ["self-harm", "coercion"]


@pytest.mark.django_db
def test_an_unknown_warning_code_is_a_form_error(admin_client):
    story = new_story()

    response = edit_story(admin_client, story, ["coercion", "made-up"])

    assert response.status_code == 200
    assert "content_warning_topics" in response.context["form"].errors
    saved = SurvivorStoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    assert saved.content_warning_topics == ["coercion"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_search_results_and_shared_links_warn_before_the_quote(client, language):
    amani = SurvivorStoryPage.objects.get(locale__language_code="en", slug="amani")
    story = SurvivorStoryPage.objects.get(
        locale__language_code=language, translation_key=amani.translation_key
    )
    first_quote_words = " ".join(story.quote.split()[:3])

    # Without the marks of the words searched for, which cut the text into pieces.
    searched = client.get(f"/{language}/search/", {"q": story.title}).content.decode()
    results = Document(re.sub(r"</?mark>", "", searched)).text
    page = parse(client.get(story.url))
    description = page.find("meta", property="og:description")["content"]

    assert results.index(story.content_warning) < results.index(first_quote_words)
    assert description.index(story.content_warning) < description.index(first_quote_words)
