"""A landing page per resource type, topic and region below the library, in every language:
the taxonomy's name and description, its resources with the other filters, its own head, the
sitemap, and the links from resource pages."""

import pytest
from django.core.exceptions import ValidationError

from tests.resources.library_data import facet, parse, titles

pytestmark = pytest.mark.django_db


def test_a_topic_landing_page_shows_its_name_description_and_resources(client, library):
    page = parse(client.get(library.english.url + "topics/online-exploitation/"))

    assert page.h1.text == "Online exploitation"
    assert "Recruited and sold through platforms." in page.select_one(".page-header").text
    assert titles(page) == ["Legal checklist", "Deepfake laws", "Platform duties"]
    assert 'data-facet="topic"' not in str(page.select_one("form"))  # every resource has it
    assert facet(page, "region") == {"kenya": ("3", False), "malawi": ("0", True)}
    assert page.select_one(".library-featured") is None


def test_a_landing_page_takes_the_other_filters(client, library):
    page = parse(
        client.get(
            library.english.url + "regions/kenya/", {"type": "policy-brief", "sort": "oldest"}
        )
    )

    assert page.h1.text == "Kenya"
    assert titles(page) == ["Platform duties", "Deepfake laws"]


def test_a_resource_type_landing_page(client, library):
    page = parse(client.get(library.english.url + "research-report/"))

    assert page.h1.text == "Research report"
    assert titles(page) == ["Courts in Malawi", "An old report"]


def test_an_unknown_taxonomy_is_a_404(client, library):
    for suffix in ("topics/nothing/", "regions/nowhere/", "no-such-type/"):
        assert client.get(library.english.url + suffix).status_code == 404


def test_the_arabic_landing_page_is_in_arabic_right_to_left(client, library):
    page = parse(client.get(library.arabic.url + "topics/online-exploitation/"))

    assert page.html["dir"] == "rtl" and page.html["lang"] == "ar"
    assert page.h1.text == "الاستغلال عبر الإنترنت"
    assert "التجنيد والبيع عبر المنصات." in page.select_one(".page-header").text
    assert "٣" in page.select_one("#library-results-heading").text  # Arabic-Indic digits
    # A topic not translated into Arabic yet is offered by its English name.
    assert "Access to justice" not in page.select_one("form").text  # the landing's own topic only
    region = parse(client.get(library.arabic.url + "regions/kenya/"))
    assert region.h1.text == "Kenya"


def test_the_french_landing_page_has_its_own_head(client, library):
    page = parse(client.get(library.french.url + "topics/online-exploitation/"))

    assert page.h1.text == "Online exploitation (fr)"
    assert page.title.text.startswith("Online exploitation (fr) |")
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert canonical == library.french.full_url + "topics/online-exploitation/"
    alternates = {
        link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')
    }
    assert alternates["en"] == library.english.full_url + "topics/online-exploitation/"
    assert alternates["ar"] == library.arabic.full_url + "topics/online-exploitation/"
    assert alternates["x-default"] == alternates["en"]
    description = page.select_one('meta[name="description"]')["content"]
    assert description == "Recruited and sold through platforms."
    switcher = [a["href"] for a in page.select(".language-switcher a")]
    assert library.english.url + "topics/online-exploitation/" in switcher


def test_the_sitemap_lists_the_landing_pages_of_each_language(client, library):
    sitemap = client.get("/sitemap.xml").content.decode()

    for suffix in ("topics/online-exploitation/", "regions/malawi/", "policy-brief/"):
        assert f"<loc>{library.english.full_url}{suffix}</loc>" in sitemap
        assert f"<loc>{library.french.full_url}{suffix}</loc>" in sitemap
    # Arabic has only the topic translated: its landing page, not the others.
    assert f"<loc>{library.arabic.full_url}topics/online-exploitation/</loc>" in sitemap
    assert f"<loc>{library.arabic.full_url}regions/malawi/</loc>" not in sitemap


def test_a_resource_page_links_its_type_topics_and_regions_to_their_landing_pages(client, library):
    resource = library.resources["platform-duties"]
    page = parse(client.get(resource.url))

    links = {a.text: a["href"] for a in page.select(".facts a, .taxonomy a")}
    assert links["Policy brief"] == "../policy-brief/"
    assert links["Online exploitation"] == "../topics/online-exploitation/"
    assert links["Kenya"] == "../regions/kenya/"
    landing = resource.url.rsplit("platform-duties/", 1)[0] + "topics/online-exploitation/"
    assert parse(client.get(landing)).h1.text == "Online exploitation"


def test_a_resource_whose_slug_is_a_type_s_wins_over_the_landing_page(client, library):
    from tests.factories import ResourcePageFactory

    ResourcePageFactory(parent=library.english, title="A page of its own", slug="legal-tool")

    page = parse(client.get(library.english.url + "legal-tool/"))

    assert page.h1.text == "A page of its own"


def test_topics_and_regions_are_not_a_resource_s_slug(library):
    resource = library.resources["old-report"]
    for slug in ("topics", "regions"):
        resource.slug = slug
        with pytest.raises(ValidationError) as refused:
            resource.full_clean()
        assert "slug" in refused.value.message_dict
