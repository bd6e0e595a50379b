"""The site search page as a visitor uses it, on the default database (SQLite in `make test`,
PostgreSQL with DATABASE_URL): kinds and their counts, marked excerpts, stories' content warnings
first, "Did you mean", the page without results, and what never appears in results."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction
from wagtail.search import index

from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    StandardPageFactory,
    StoryIndexPageFactory,
    SurvivorStoryPageFactory,
    TopicFactory,
    translate,
)

pytestmark = pytest.mark.django_db


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def site(english_home):
    """A page of each kind about floods, and featured resources and topics for empty searches."""
    library = ResourceIndexPageFactory(parent=english_home, title="Resources", slug="resources")
    campaigns = CampaignIndexPageFactory(parent=english_home, title="Campaigns", slug="campaigns")
    stories = StoryIndexPageFactory(parent=english_home, title="Stories", slug="stories")
    pages = {
        "resource": ResourcePageFactory(
            parent=library,
            title="Floods and trafficking",
            slug="floods",
            summary="When the harvest fails, recruiters come.",
            featured=True,
        ),
        "deepfake": ResourcePageFactory(
            parent=library,
            title="Deepfake abuse and the law",
            slug="deepfake-abuse",
            summary="Images made to shame survivors.",
        ),
        "campaign": CampaignPageFactory(
            parent=campaigns, title="World Day", slug="world-day", intro="Floods displace people."
        ),
        "story": SurvivorStoryPageFactory(
            parent=stories,
            title="After the floods",
            slug="after-the-floods",
            quote="The floods took our house.",
            content_warning_topics=["coercion"],
            content_warning="",
        ),
        "page": StandardPageFactory(
            parent=english_home, title="About us", slug="about", intro="We work where floods hit."
        ),
    }
    TopicFactory(name="Online exploitation", slug="online-exploitation")
    return pages


def results(response):
    """(kind, title, excerpt, warning) of each result shown, in order."""
    shown = []
    for item in parse(response).select("ol.search-results > li"):
        warning = item.find(class_="card__warning")
        excerpt = item.find("p", class_=None)
        shown.append(
            (
                item.find(class_="card__kicker").text.strip(),
                item.find("h2").text.strip(),
                excerpt.text.strip() if excerpt else "",
                warning.text.strip() if warning else "",
            )
        )
    return shown


def titles(response):
    return [title for _kind, title, _excerpt, _warning in results(response)]


def kind_counts(response):
    nav = parse(response).find("nav", class_="search-kinds")
    return [item.text.strip() for item in nav.find_all("li")]


def test_every_kind_of_page_is_found_with_the_number_of_each(client, site):
    response = client.get("/en/search/", {"q": "floods"})

    assert set(titles(response)) == {
        "Floods and trafficking",
        "World Day",
        "After the floods",
        "About us",
    }
    assert kind_counts(response) == [
        "All (4)",
        "Resources (1)",
        "Campaigns (1)",
        "Stories (1)",
        "Pages (1)",
    ]


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("resource", "Floods and trafficking"),
        ("campaign", "World Day"),
        ("story", "After the floods"),
        ("page", "About us"),
    ],
)
def test_the_type_filter_keeps_one_kind_and_the_query(client, site, kind, title):
    response = client.get("/en/search/", {"q": "floods", "type": kind})
    document = parse(response)

    assert titles(response) == [title]
    assert document.find("input", attrs={"name": "type"})["value"] == kind
    current = document.find("a", attrs={"aria-current": "true"})
    assert current["href"] == f"?q=floods&type={kind}"


def test_an_unknown_type_shows_every_kind(client, site):
    response = client.get("/en/search/", {"q": "floods", "type": "auth.User"})

    assert response.status_code == 200
    assert len(titles(response)) == 4


def test_the_words_searched_for_are_marked_and_the_rest_escaped(client, site):
    site["resource"].summary = "Floods <script>alert(1)</script> & <b>harvests</b>."
    site["resource"].save_revision().publish()

    response = client.get("/en/search/", {"q": "floods", "type": "resource"})
    item = parse(response).select_one("ol.search-results > li")

    assert [mark.text for mark in item.find_all("mark")] == ["Floods", "Floods"]
    assert item.find("script") is None and item.find("b") is None
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;harvests" in response.content


def test_a_query_with_markup_is_shown_as_text(client, site):
    response = client.get("/en/search/", {"q": "<script>alert(1)</script>"})
    document = parse(response)

    assert response.status_code == 200
    assert document.find("input", attrs={"name": "q"})["value"] == "<script>alert(1)</script>"
    assert document.find("main").find("script") is None
    assert "“&lt;script&gt;alert(1)&lt;/script&gt;”" in response.content.decode()


def test_a_story_result_shows_its_content_warning_before_its_words(client, site):
    [(kind, title, excerpt, warning)] = results(
        client.get("/en/search/", {"q": "floods", "type": "story"})
    )

    assert (kind, title) == ("Survivor story", "After the floods")
    assert warning == "Content warning: Coercion and threats."
    assert excerpt == "The floods took our house."
    item = parse(client.get("/en/search/", {"q": "floods", "type": "story"})).select_one(
        "ol.search-results > li"
    )
    texts = [tag.get("class") or [tag.name] for tag in item.find_all(["p", "h2"])]
    assert texts.index(["card__warning"]) < texts.index(["h2"])


def test_an_unfinished_word_finds_the_word(client, site):
    """ "deepfak": a prefix of the titles' words on SQLite, the stem of "deepfake" on
    PostgreSQL's English."""
    assert titles(client.get("/en/search/", {"q": "deepfak"})) == ["Deepfake abuse and the law"]


def test_a_typo_gets_a_suggestion_that_searches_again(client, site):
    document = parse(client.get("/en/search/", {"q": "deepfke"}))

    suggestion = document.find("p", class_="search-suggestion").find("a")
    assert suggestion.text == "deepfake"
    assert suggestion["href"] == "?q=deepfake"
    assert titles(client.get("/en/search/", {"q": "deepfake"})) == ["Deepfake abuse and the law"]


def test_a_misspelt_word_gets_a_suggestion_from_the_sites_own_words(client, site):
    document = parse(client.get("/en/search/", {"q": "trafiking"}))

    assert document.find("p", class_="search-suggestion").find("a").text == "trafficking"


def test_a_search_without_results_keeps_the_query_and_offers_resources_and_topics(client, site):
    response = client.get("/en/search/", {"q": "zzyzx qwv"})
    document = parse(response)

    assert response.status_code == 200
    assert document.find("input", attrs={"name": "q"})["value"] == "zzyzx qwv"
    assert document.find("p", role="status").text == "0 results for “zzyzx qwv”"
    help_section = document.find("section", class_="search-help")
    assert "Floods and trafficking" in help_section.text
    topic = help_section.find("a", string="Online exploitation")
    assert topic["href"] == "/en/resources/?topic=online-exploitation"


def test_a_query_of_punctuation_only_gets_the_page_without_results(client, site):
    response = client.get("/en/search/", {"q": "!!! ??? ..."})

    assert response.status_code == 200
    assert parse(response).find("section", class_="search-help") is not None


def test_a_title_match_ranks_above_a_body_match(client, site):
    library = site["resource"].get_parent()
    ResourcePageFactory(parent=library, slug="body-only", title="Harvest report", summary="Kenya.")
    ResourcePageFactory(parent=library, slug="in-title", title="Kenya", summary="A report.")

    assert titles(client.get("/en/search/", {"q": "kenya"}))[:2] == ["Kenya", "Harvest report"]


def test_a_taxonomy_name_finds_the_pages_filed_under_it(client, site):
    topic = TopicFactory(name="Climate migration", slug="climate")
    site["resource"].topics.add(topic)
    site["resource"].save_revision().publish()
    # The worker indexes a page after the publishing transaction, topics saved; the tests' tasks
    # run at once, before modelcluster saves them: index again as the worker would.
    index.insert_or_update_object(site["resource"])

    assert titles(client.get("/en/search/", {"q": "migration"})) == ["Floods and trafficking"]


def test_pagination_keeps_the_query_and_the_type(client, site):
    library = site["resource"].get_parent()
    for number in range(12):
        ResourcePageFactory(parent=library, slug=f"flood-{number}", title=f"Floods {number}")

    document = parse(client.get("/en/search/", {"q": "floods", "type": "resource"}))
    next_link = document.find("a", rel="next")

    assert next_link["href"] == "?q=floods&type=resource&page=2"
    second = client.get("/en/search/", {"q": "floods", "type": "resource", "page": "2"})
    assert len(titles(second)) == 3


def test_unpublished_and_private_pages_leave_the_results_at_once(client, site):
    site["resource"].unpublish()
    PageViewRestriction.objects.create(
        page=site["page"], restriction_type=PageViewRestriction.LOGIN
    )

    assert set(titles(client.get("/en/search/", {"q": "floods"}))) == {
        "World Day",
        "After the floods",
    }


def test_a_story_whose_consent_is_withdrawn_leaves_the_results(client, site):
    from stories.models import ConsentRecord

    record = ConsentRecord.objects.get(story=site["story"])
    # The record changed without the take-down job (which the custodian's save also runs): the
    # search leaves the story out by itself.
    ConsentRecord.objects.filter(pk=record.pk).update(withdrawn_on=record.given_on)

    assert "After the floods" not in titles(client.get("/en/search/", {"q": "floods"}))


def test_a_story_whose_consent_is_withdrawn_by_its_custodian_is_unpublished(
    client, site, django_capture_on_commit_callbacks
):
    from stories.models import ConsentRecord

    record = ConsentRecord.objects.get(story=site["story"])
    record.withdrawn_on = record.given_on
    with django_capture_on_commit_callbacks(execute=True):
        record.save()

    site["story"].refresh_from_db()
    assert not site["story"].live
    assert "After the floods" not in titles(client.get("/en/search/", {"q": "floods"}))


@pytest.mark.parametrize(
    ("language", "title", "query"),
    [
        ("ar", "مكافحة الاتجار بالبشر عبر الإنترنت", "الاتجار"),
        ("ar", "مكافحة الاتجار بالبشر عبر الإنترنت", "بالبشر الإنترنت"),
        ("sw", "Biashara haramu ya binadamu mtandaoni", "binadamu"),
    ],
)
def test_arabic_and_swahili_are_searched_word_by_word(client, site, language, title, query):
    library = site["resource"].get_parent()
    for instance in (site["resource"].resource_type, library):
        translate(instance, language)
    page = translate(site["resource"], language, {"Floods and trafficking": title})

    response = client.get(f"/{language}/search/", {"q": query})

    assert titles(response) == [title]
    assert parse(response).select_one("ol.search-results h2 a")["href"] == page.url
