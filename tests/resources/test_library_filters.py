"""The library page: filters combined, facet counts that respect the other filters, search,
sort, pagination that keeps the state, and bad input answered with a page, never a 500."""

import pytest

from tests.resources.library_data import facet, parse, titles

pytestmark = pytest.mark.django_db


def test_unfiltered_library_lists_every_resource_newest_first_with_featured_on_top(client, library):
    page = parse(client.get(library.english.url))

    assert titles(page) == [
        "Legal checklist",
        "Deepfake laws",
        "Platform duties",
        "Courts in Malawi",
        "An old report",
    ]
    featured = [h.get_text(strip=True) for h in page.select(".library-featured .card__title")]
    assert featured == ["An old report"]
    assert "5 resources" in page.select_one("#library-results-heading").text


def test_facet_counts_respect_the_other_filters(client, library):
    page = parse(
        client.get(library.english.url, {"topic": "online-exploitation", "region": "kenya"})
    )

    assert titles(page) == ["Legal checklist", "Deepfake laws", "Platform duties"]
    # Each count: the resources listed with that value added, the other kinds' filters kept.
    assert facet(page, "type") == {
        "legal-tool": ("1", False),
        "policy-brief": ("2", False),
        "research-report": ("0", True),
    }
    assert facet(page, "topic") == {
        "access-to-justice": ("2", False),
        "online-exploitation": ("3", False),
    }
    assert facet(page, "region") == {"kenya": ("3", False), "malawi": ("0", True)}
    assert facet(page, "partner") == {"audri": ("1", False)}
    years = [option.text for option in page.select("#library-year-from option")][1:]
    assert years == ["2025 (1)", "2024 (1)", "2023 (1)"]


def test_values_of_one_filter_are_any_of_them_and_filters_combine(client, library):
    either = parse(client.get(library.english.url + "?type=legal-tool&type=research-report"))
    assert titles(either) == ["Legal checklist", "Courts in Malawi", "An old report"]

    combined = parse(
        client.get(
            library.english.url,
            {"type": "policy-brief", "year_from": "2024", "year_to": "2025", "partner": "audri"},
        )
    )
    assert titles(combined) == ["Deepfake laws"]
    assert combined.select_one('input[value="audri"]').has_attr("checked")


def test_a_reversed_year_range_is_read_the_way_round_it_was_meant(client, library):
    page = parse(client.get(library.english.url, {"year_from": "2023", "year_to": "2022"}))

    assert titles(page) == ["Platform duties", "Courts in Malawi"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("oldest", ["An old report", "Courts in Malawi", "Platform duties"]),
        ("title", ["An old report", "Courts in Malawi", "Deepfake laws"]),
        ("newest", ["Legal checklist", "Deepfake laws", "Platform duties"]),
    ],
)
def test_sorting(client, library, sort, expected):
    page = parse(client.get(library.english.url, {"sort": sort}))

    assert titles(page)[:3] == expected
    assert page.select_one(f'#library-sort option[value="{sort}"]').has_attr("selected")


def test_searching_the_library_ranks_by_relevance_and_keeps_the_filters(client, library):
    page = parse(client.get(library.english.url, {"q": "deepfake"}))
    assert titles(page) == ["Deepfake laws"]
    assert page.select_one('#library-sort option[value="relevance"]').has_attr("selected")

    filtered = parse(client.get(library.english.url, {"q": "deepfake", "region": "malawi"}))
    assert titles(filtered) == []
    assert "No resource matches" in filtered.text


def test_pagination_keeps_the_whole_state(client, library):
    from tests.factories import ResourcePageFactory

    for number in range(25):
        ResourcePageFactory(
            parent=library.english,
            title=f"Brief {number:02}",
            resource_type=library.resources["deepfake-laws"].resource_type,
            topics=[library.topics["online"]],
        )
    query = {"topic": "online-exploitation", "type": "policy-brief", "sort": "title"}
    first = parse(client.get(library.english.url, query))

    following = first.select_one("nav.pagination a[rel=next]")["href"]
    assert following == "?topic=online-exploitation&type=policy-brief&sort=title&page=2"
    second = parse(client.get(library.english.url + following))
    assert titles(second) == ["Brief 24", "Deepfake laws", "Platform duties"]
    assert second.select_one('input[value="online-exploitation"]').has_attr("checked")


def test_french_library_shows_untranslated_resources_until_asked_for_french_only(client, library):
    page = parse(client.get(library.french.url))

    assert titles(page) == [
        "Legal checklist",
        "Deepfake laws (fr)",
        "Platform duties",
        "Courts in Malawi (fr)",
        "An old report",
    ]
    untranslated = page.find("a", string="Platform duties")
    assert untranslated["href"] == library.french.url + "platform-duties/"
    assert untranslated.find_parent("article")["lang"] == "en"
    assert "Online exploitation (fr)" in page.select_one('fieldset[data-facet="topic"]').text
    assert "(2)" in page.select_one('input[name="available"]').find_parent("label").text

    french_only = parse(client.get(library.french.url, {"available": "1"}))
    assert titles(french_only) == ["Deepfake laws (fr)", "Courts in Malawi (fr)"]
    assert client.get(library.french.url + "platform-duties/").status_code == 200


def test_the_default_language_library_offers_no_language_filter(client, library):
    assert parse(client.get(library.english.url)).select_one('input[name="available"]') is None


@pytest.mark.parametrize(
    "query",
    [
        "year_from=abc",
        "year_to=20255",
        "sort=random",
        "q=" + "x" * 201,
        "q=%00",
        "topic=" + ",".join(f"t{n}" for n in range(21)),
    ],
)
def test_malformed_filters_answer_400_with_the_reason(client, library, query):
    page = parse(client.get(f"{library.english.url}?{query}"), status=400)

    assert page.select_one(".form-error").text.strip()


@pytest.mark.parametrize(
    "query",
    [
        "topic=%3Cscript%3E",
        "q=%F0%9F%98%80+%D9%85%D9%83%D8%AA%D8%A8%D8%A9",
        "q=%27%3B+DROP+TABLE+x%3B--",
        "q=.*%5B%28",
        "q=%21%21%21",
        "region=kenya&region=&year_from=&page=9999",
    ],
)
def test_odd_but_harmless_queries_answer_a_page(client, library, query):
    parse(client.get(f"{library.english.url}?{query}"))
