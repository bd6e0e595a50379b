"""Editors link the menus to a landing page of the library (a resource type, topic or region):
they choose the library and the part of it, and every language's menu leads to its own library's
landing page, in the pages and in the APIs."""

import pytest
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from core.blocks import LinkBlock
from core.models import NavigationMenu
from tests.resources.library_data import parse

pytestmark = pytest.mark.django_db

TOPIC = "topics/online-exploitation/"


def menu_link(library, subpage=TOPIC, label="Online exploitation"):
    return {"page": library.english.pk, "subpage": subpage, "url": "", "label": label}


def link_the_menu(admin_client, library, language_code="en", **link):
    menu = NavigationMenu.objects.get(locale__language_code=language_code)
    synced = Translation.objects.filter(
        source__object_id=menu.translation_key, target_locale=menu.locale
    ).first()
    if synced:  # the French menu follows the English one until an editor stops syncing it
        admin_client.post(reverse("wagtail_localize:stop_translation", args=[synced.pk]))
    return admin_client.post(
        reverse("wagtailsnippets_core_navigationmenu:edit", args=[menu.pk]),
        nested_form_data(
            {
                "main_links": streamfield([("link", menu_link(library, **link))]),
                "footer_links": streamfield([]),
                "footer_text": rich_text(""),
            }
        ),
    )


def test_the_editor_is_offered_every_landing_page_of_the_library(admin_client, library):
    menu = NavigationMenu.objects.get(locale__language_code="en")
    form = admin_client.get(reverse("wagtailsnippets_core_navigationmenu:edit", args=[menu.pk]))

    offered = dict(LinkBlock().child_blocks["subpage"].field.choices)
    assert offered[TOPIC] == "Topic: Online exploitation"
    assert offered["regions/kenya/"] == "Region: Kenya"
    assert offered["policy-brief/"] == "Resource type: Policy brief"
    assert form.status_code == 200


def test_the_menu_leads_to_the_topics_landing_page(admin_client, client, library):
    assert link_the_menu(admin_client, library).status_code == 302

    link = parse(client.get("/en/")).select_one(f'header a[href$="{TOPIC}"]')
    assert link.text.strip() == "Online exploitation"
    landing = parse(client.get(link["href"]))
    assert landing.h1.text == "Online exploitation"


def test_each_language_leads_to_its_own_librarys_landing_page(admin_client, client, library):
    link_the_menu(admin_client, library, "fr", label="Exploitation en ligne")

    link = parse(client.get("/fr/")).select_one(f'header a[href$="{TOPIC}"]')
    assert link["href"] == library.french.url + TOPIC
    assert parse(client.get(link["href"])).h1.text == "Online exploitation (fr)"


def test_the_apis_give_the_landing_pages_address(admin_client, client, library):
    link_the_menu(admin_client, library, "fr", label="Exploitation en ligne")

    site = client.get("/api/v3/site/", {"locale": "fr"}).json()
    link = site["navigation"]["main"][0]
    assert link["url"].endswith(library.french.url + TOPIC)
    assert link["text"] == "Exploitation en ligne"


@pytest.mark.parametrize(
    "link, field",
    [
        ({"page": None, "url": "https://example.org/"}, "subpage"),  # no page to be part of
        ({"subpage": "topics/no-such-topic/"}, "subpage"),
        ({"label": ""}, "label"),  # a topic's link text is the editor's, in each language
    ],
)
def test_a_link_to_a_part_the_page_lacks_is_refused(library, link, field):
    block = LinkBlock()
    value = {**menu_link(library), **link}

    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python(value))
    assert field in refused.value.block_errors


def test_a_link_to_a_part_of_another_kind_of_page_is_refused(library, home_pages):
    block = LinkBlock()

    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python({**menu_link(library), "page": home_pages["en"].pk}))
    assert "subpage" in refused.value.block_errors


def test_a_refused_link_is_a_form_error_and_keeps_the_menu(admin_client, client, library):
    menu = NavigationMenu.objects.get(locale__language_code="en")

    response = link_the_menu(admin_client, library, subpage="topics/no-such-topic/")

    assert response.status_code == 200  # the form again, with its error
    assert list(NavigationMenu.objects.get(pk=menu.pk).main_links.raw_data) == list(
        menu.main_links.raw_data
    )
