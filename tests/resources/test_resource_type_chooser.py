"""A resource's type is chosen among its own language's types: the chooser window lists only
those, and another language's type is refused on save."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from resources.models import ResourcePage
from tests.factories import (
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    translate,
)
from tests.html import Document, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_library(english_home, home_pages):
    """The resource library in French, a type translated into French and one left in English."""
    index = ResourceIndexPageFactory(parent=english_home, title="Resources", slug="resources")
    policy_brief = ResourceTypeFactory(name="Policy brief", slug="policy-brief")
    ResourceTypeFactory(name="Bench book", slug="bench-book")
    french_type = translate(policy_brief, "fr", {"Policy brief": "Note de synthèse"})
    return translate(index, "fr"), french_type, policy_brief


def chooser_url(response, field):
    chooser = parse(response).find("div", id=f"id_{field}-chooser")
    assert chooser is not None, f"no chooser for {field}"
    return chooser["data-chooser-url"]


def test_the_french_resource_type_chooser_lists_only_french_types(admin_client, french_library):
    french_index, french_type, _english_type = french_library
    resource = ResourcePageFactory(
        parent=french_index, locale=french_index.locale, resource_type=french_type
    )
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[resource.pk]))
    add = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", french_index.pk])
    )

    for page in (edit, add):
        window = admin_client.get(chooser_url(page, "resource_type"))
        text = Document(window.json()["html"]).text
        assert "Note de synthèse" in text
        assert "Policy brief" not in text
        assert "Bench book" not in text


def test_searching_in_the_chooser_window_stays_in_the_pages_language(admin_client, french_library):
    french_index, _french_type, _english_type = french_library
    add = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", french_index.pk])
    )
    window = Document(admin_client.get(chooser_url(add, "resource_type")).json()["html"])
    search = next(attrs for tag, attrs in window.elements if tag == "form")
    chosen_locale = [
        attrs["value"] for tag, attrs in window.elements if tag == "option" and "selected" in attrs
    ]

    for query in ("Note", "brief"):
        results = admin_client.get(search["action"], {"locale": chosen_locale, "q": query})
        assert results.status_code == 200
        text = Document(results.content.decode()).text
        assert ("Note de synthèse" in text) == (query == "Note")
        assert "Policy brief" not in text


def test_an_english_resource_type_is_refused_on_a_french_resource(admin_client, french_library):
    french_index, _french_type, english_type = french_library
    url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", french_index.pk])
    form = nested_form_data(
        {
            "action-publish": "action-publish",
            "title": "Lois contre l'exploitation",
            "slug": "lois",
            "summary": "Comment les lois définissent l'exploitation.",
            "publication_date": "2026-03-01",
            "resource_type": english_type.pk,
            "body": streamfield([]),
            "downloads": streamfield([]),
            "video": streamfield([]),
            "related_pages": streamfield([]),
        }
    )

    response = admin_client.post(url, form)

    assert response.status_code == 200
    errors = response.context["form"].errors["resource_type"]
    message = (
        "This page is in French: choose its resource types in French, not “Policy brief” (English)."
    )
    assert errors == [message]
    assert message in response.content.decode().replace("&quot;", '"').replace("&#x27;", "'")
    assert not ResourcePage.objects.filter(slug="lois").exists()
