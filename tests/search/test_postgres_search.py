"""Search in each language's own words on PostgreSQL (search.backends.LanguageSearchBackend).

Each query below is a form of a word that the target page does not contain: the stemming of the
page's language relates the two (French stems "tribunal" and "tribunaux" alike, while English and
'simple' do not)."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from wagtail.images.models import Image
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from home.models import HomePage
from tests.factories import (
    ImageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    StandardPageFactory,
    StoryIndexPageFactory,
    SurvivorStoryPageFactory,
    translate,
)

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="per-language text-search configurations need PostgreSQL (DATABASE_URL)",
    ),
    pytest.mark.django_db,
]

CONFIGS = {"en": "english", "fr": "french", "es": "spanish", "sw": "simple", "ar": "simple"}
# Written translations where a query needs a word of the language ("[sw] original" elsewhere).
WRITTEN = {
    "fr": {
        "We take traffickers to court.": "Nous traduisons les trafiquants devant les tribunaux.",
        "About us": "À propos",
        "We help governments reform their laws and train judges.": (
            "Nous aidons les gouvernements à réformer leurs lois, formons les juges."
        ),
        "Film: justice for survivors": "Film : justice pour les survivantes",
        "A judge listens to survivors.": "Une juge écoute les survivantes.",
    },
    "es": {
        "We take traffickers to court.": "Llevamos a los tratantes ante los tribunales.",
        "Climate and trafficking": "Clima y trata",
        "When floods destroy the harvest, traffickers come.": (
            "Cuando las inundaciones destruyen la cosecha, llegan los tratantes."
        ),
    },
}


@pytest.fixture(scope="module", autouse=True)
def searchable_site(module_db):
    """Pages whose words the queries below reach in their own language, in every language (the
    partner's name, AUDRi, and "deepfake" are in all of them), and an image."""
    with module_db.unblock():
        home = HomePage.objects.get(locale__language_code="en", depth=2)
        home.hero_text = "We take traffickers to court."
        home.save_revision().publish()
        about = StandardPageFactory(
            parent=home,
            title="About us",
            slug="about",
            intro="Lawyers working with AUDRi.",
            body=[("paragraph", "<p>We help governments reform their laws and train judges.</p>")],
        )
        library = ResourceIndexPageFactory(parent=home, title="Resources", slug="resources")
        resources = [
            ResourcePageFactory(parent=library, slug=slug, title=title, summary=summary)
            for slug, title, summary in [
                ("world-day-film", "Film: justice for survivors", "A judge listens to survivors."),
                ("deepfake-abuse", "Deepfake abuse", "Deepfake images shame survivors."),
                (
                    "climate-and-trafficking",
                    "Climate and trafficking",
                    "When floods destroy the harvest, traffickers come.",
                ),
            ]
        ]
        stories = StoryIndexPageFactory(parent=home, title="Stories", slug="stories")
        SurvivorStoryPageFactory(
            parent=stories, slug="chisomo", body="<p>The floods took our house.</p>"
        )
        ImageFactory(title="Campaigners marching for survivors")
        for code in CONFIGS:
            if code != "en":
                translated = [home, about, library, *[r.resource_type for r in resources]]
                for instance in [*translated, *resources]:
                    translate(instance, code, WRITTEN.get(code))


def page_in(language, english_slug=None):
    """The page with this English slug (the home page without one) in a language."""
    if english_slug is None:
        english = HomePage.objects.get(locale__language_code="en", depth=2)
    else:
        english = Page.objects.get(locale__language_code="en", slug=english_slug)
    return english.get_translation(Locale.objects.get(language_code=language)).specific


def search(client, language, query):
    """The result links of the public search page, in order."""
    document = BeautifulSoup(
        client.get(f"/{language}/search/", {"q": query}).content, "html.parser"
    )
    assert document.find("html")["lang"] == language
    return [link["href"] for link in document.select("ol.search-results h2 a")]


def page_text(page):
    entry = index_entry(page)
    return f"{entry.title_text} {entry.body_text}"


def contains_word(text, word):
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags=re.IGNORECASE) is not None


def lexemes(sql, *params):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT tsvector_to_array({sql})", params)  # noqa: S608
        return set(cursor.fetchone()[0])


def index_entry(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return IndexEntry.objects.get(content_type=content_type, object_id=str(obj.pk))


# (language, query, English slug of the page that has another form of the word, that form)
INFLECTED_QUERIES = [
    ("fr", "tribunal", None, "tribunaux"),
    ("fr", "réforme", "about", "réformer"),
    ("fr", "juges", "world-day-film", "juge"),
    ("es", "inundación", "climate-and-trafficking", "inundaciones"),
    ("es", "tribunal", None, "tribunales"),
    ("en", "flooded", "chisomo", "floods"),
    ("en", "flooded", "climate-and-trafficking", "floods"),
]


@pytest.mark.parametrize(("language", "query", "english_slug", "word"), INFLECTED_QUERIES)
def test_an_inflected_form_finds_the_page_with_another_form(
    client, language, query, english_slug, word
):
    page = page_in(language, english_slug)
    text = page_text(page)
    assert contains_word(text, word)
    assert not contains_word(text, query)

    assert page.url in search(client, language, query)


def test_french_stemming_is_not_english_stemming(client):
    """'tribunal' is stemmed 'tribun' in English: the French home page ('tribunaux') is found
    from /fr/ only because the French configuration is used for the page and the query."""
    french_home = page_in("fr")

    assert french_home.url in search(client, "fr", "tribunal")
    with translation.override("en"):
        found = Page.objects.filter(pk=french_home.pk).search("tribunal")
        assert list(found) == []


def test_results_never_include_pages_of_another_locale(client):
    languages_by_url = {
        page.url: page.locale.language_code for page in Page.objects.live().select_related("locale")
    }
    # Words found in pages of every language (the partner's name) or of most ("deepfake").
    for language in CONFIGS:
        links = search(client, language, "AUDRi") + search(client, language, "deepfake")
        assert links
        assert {languages_by_url[link] for link in links} == {language}, links


@pytest.mark.parametrize(("language", "config"), CONFIGS.items())
def test_each_page_is_indexed_with_its_languages_configuration(language, config):
    page = page_in(language, "about")
    entry = index_entry(page)

    assert lexemes("%s::tsvector", entry.body) == lexemes(
        "to_tsvector(%s::regconfig, %s)", config, entry.body_text
    )
    assert lexemes("%s::tsvector", entry.title) == lexemes(
        "to_tsvector(%s::regconfig, %s)", config, entry.title_text
    )
    # Autocomplete matches prefixes of the words as written, in every language.
    assert lexemes("%s::tsvector", entry.autocomplete) == lexemes(
        "to_tsvector('simple', %s)", page.title
    )


def test_french_vectors_hold_french_stems():
    # "… aidons les gouvernements à réformer leurs lois, formons les juges …"
    about = page_in("fr", "about")
    entry = index_entry(about)
    body = lexemes("%s::tsvector", entry.body)

    assert {"réform", "jug", "gouvern"} <= body
    assert not {"réformer", "juges", "gouvernements"} & body


def test_objects_without_a_locale_use_the_default_languages_configuration():
    stemmed = 0
    for image in Image.objects.all():
        entry = index_entry(image)
        english = lexemes("to_tsvector('english', %s)", entry.title_text)
        assert lexemes("%s::tsvector", entry.title) == english
        stemmed += english != lexemes("to_tsvector('simple', %s)", entry.title_text)
    assert stemmed  # some titles read differently in English than word for word


def test_the_configuration_follows_the_active_language():
    backend = get_search_backend()

    assert backend.config_for_language("fr") == "french"
    assert backend.config_for_language("fr-ca") == "french"
    assert backend.config_for_language("ES") == "spanish"
    assert backend.config_for_language("ar") == "simple"
    assert backend.config_for_language("de") == "simple"
    assert backend.config_for_language(None) == "english"
    assert backend.autocomplete_config == "simple"
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        available = {name for (name,) in cursor.fetchall()}
    assert set(CONFIGS.values()) <= available


def test_results_stay_right_after_update_index(client):
    IndexEntry.objects.all().delete()  # so that everything found below was indexed anew
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())

    for language, query, english_slug, _word in INFLECTED_QUERIES:
        assert page_in(language, english_slug).url in search(client, language, query)
    about = page_in("fr", "about")
    entry = index_entry(about)
    assert lexemes("%s::tsvector", entry.body) == lexemes(
        "to_tsvector('french', %s)", entry.body_text
    )
