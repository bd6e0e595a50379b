import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Locale, Page

from demo.bench.kinds import KINDS
from demo.bench.seeding import bench_key
from home.models import CampaignPage
from resources.models import ResourcePage
from stories.models import ConsentRecord, SurvivorStoryPage

# The demo site in place of the test site, for this module only.
pytestmark = pytest.mark.usefixtures("seeded_demo")

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SMALL = {"resources": 5, "campaigns": 1, "stories": 2}


def seed_bench(**counts):
    output = io.StringIO()
    call_command("seed_bench", "--no-renditions", *as_arguments(counts), stdout=output)
    return output.getvalue()


def as_arguments(counts):
    return [part for name, number in counts.items() for part in (f"--{name}", str(number))]


def bench_pages(model):
    """Bench pages of `model` by language code: their number in each language."""
    kind = next(kind for kind in KINDS if kind.model is model)
    keys = {bench_key(kind, number) for number in range(100)}
    pages = model.objects.live().filter(translation_key__in=keys)
    return {code: pages.filter(locale__language_code=code).count() for code in LANGUAGE_CODES}


def counts():
    return {model: bench_pages(model) for model in (ResourcePage, CampaignPage, SurvivorStoryPage)}


@pytest.mark.django_db
def test_seed_bench_makes_the_pages_asked_for_in_every_language(client):
    seed_bench(**SMALL)

    assert counts() == {
        ResourcePage: dict.fromkeys(LANGUAGE_CODES, 5),
        CampaignPage: dict.fromkeys(LANGUAGE_CODES, 1),
        SurvivorStoryPage: dict.fromkeys(LANGUAGE_CODES, 2),
    }
    assert Page.find_problems() == ([], [], [], [], [])
    for kind in KINDS:
        english = kind.model.objects.get(
            translation_key=bench_key(kind, 0), locale__language_code="en"
        )
        translations = english.get_translations(inclusive=False)
        assert {page.locale.language_code for page in translations} == set(LANGUAGE_CODES) - {"en"}
        for page in [english, *translations]:
            response = client.get(page.url, HTTP_ACCEPT_LANGUAGE=page.locale.language_code)
            assert response.status_code == 200, page.url
            assert escape(page.title) in response.content.decode()


@pytest.mark.django_db
def test_bench_pages_are_written_in_their_own_language_with_pictures_topics_and_regions():
    seed_bench(**SMALL)

    kind = KINDS[0]
    resources = {
        page.locale.language_code: page
        for page in ResourcePage.objects.filter(translation_key=bench_key(kind, 0))
    }
    english, french = resources["en"], resources["fr"]
    assert french.title != english.title
    assert french.summary != english.summary
    assert french.cover_image_id == english.cover_image_id
    assert french.topics.exists() and french.regions.exists()
    assert {topic.locale.language_code for topic in french.topics.all()} == {"fr"}
    assert french.resource_type.locale.language_code == "fr"
    assert french.resource_type.slug == english.resource_type.slug


@pytest.mark.django_db
def test_french_search_finds_bench_resources(client):
    seed_bench(**SMALL)
    french = ResourcePage.objects.get(
        translation_key=bench_key(KINDS[0], 0), locale=Locale.objects.get(language_code="fr")
    )
    word = max(french.summary.split(), key=len).strip(".,;:")

    response = client.get("/fr/search/", {"q": word})

    assert response.status_code == 200
    # The words searched for are marked in the titles found.
    assert escape(french.title) in re.sub(r"</?mark>", "", response.content.decode())


@pytest.mark.django_db
def test_running_seed_bench_again_changes_nothing():
    seed_bench(**SMALL)
    before = counts(), Page.objects.count(), ConsentRecord.objects.count()

    output = seed_bench(**SMALL)

    assert (counts(), Page.objects.count(), ConsentRecord.objects.count()) == before
    assert "0 created, 0 removed" in output


@pytest.mark.django_db
def test_smaller_counts_remove_the_pages_beyond_them_and_keep_the_others_live():
    seed_bench(**SMALL)
    records = ConsentRecord.objects.count()

    seed_bench(resources=3, campaigns=1, stories=1)

    assert counts()[ResourcePage] == dict.fromkeys(LANGUAGE_CODES, 3)
    assert counts()[SurvivorStoryPage] == dict.fromkeys(LANGUAGE_CODES, 1)
    assert ConsentRecord.objects.count() == records - 1
    assert Page.find_problems() == ([], [], [], [], [])
