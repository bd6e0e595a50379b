"""A page that exists in English only is still reachable in every language, clearly marked."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.models import Translation as LocalizeTranslation

from resources.models import ResourceIndexPage
from tests.factories import ResourcePageFactory, translate
from tests.html import parse

pytestmark = pytest.mark.usefixtures("module_site_content")


@pytest.fixture
def english_only_resource(db):
    library = ResourceIndexPage.objects.get(locale__language_code="en")
    return ResourcePageFactory(
        parent=library,
        title="Annual report 2026",
        slug="annual-report-2026",
        resource_type=library.get_children().first().specific.resource_type,
    )


def french(page):
    return page.get_translation(Locale.objects.get(language_code="fr"))


@pytest.mark.django_db
def test_french_visitor_reads_an_untranslated_page_in_english_with_a_french_notice(
    client, english_only_resource
):
    french_library = french(english_only_resource.get_parent())
    address = f"{french_library.url}{english_only_resource.slug}/"

    response = client.get(address)

    assert response.status_code == 200
    document = parse(response)
    assert document.find("html")["lang"] == "fr"
    assert document.find("div", **{"class": "page-content"})["lang"] == "en"
    assert "Annual report 2026" in document.text
    assert "pas encore traduite" in document.text
    assert document.find("link", rel="canonical")["href"] == english_only_resource.full_url
    hreflangs = {link["hreflang"] for link in document.find_all("link", rel="alternate")}
    assert hreflangs == {"en", "x-default"}


@pytest.mark.django_db
def test_language_switcher_marks_languages_the_page_is_not_translated_into(
    client, english_only_resource
):
    document = parse(client.get(english_only_resource.url))
    links = {a["hreflang"]: a for a in document.find_all("a") if a.get("hreflang")}

    french_library = french(english_only_resource.get_parent())
    assert links["fr"]["href"] == f"{french_library.url}{english_only_resource.slug}/"
    assert links["fr"]["class"] == "is-untranslated"
    assert "(not translated)" in document.text
    assert client.get(links["ar"]["href"]).status_code == 200


@pytest.mark.django_db
def test_once_translated_the_fallback_address_gives_way_to_the_translation(
    client, english_only_resource, django_capture_on_commit_callbacks
):
    french_library = french(english_only_resource.get_parent())
    fallback_address = f"{french_library.url}{english_only_resource.slug}/"
    source, _ = TranslationSource.get_or_create_from_instance(english_only_resource)
    translation = LocalizeTranslation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="fr")
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data=f"FR {segment.string.data}",
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    translated = french(english_only_resource)

    # Links already shared to the fallback address now lead to the translation.
    response = client.get(fallback_address)
    assert response.status_code in (301, 302)
    assert response["Location"] == translated.url
    assert client.get(translated.url).status_code == 200
    switcher = parse(client.get(english_only_resource.url)).find("a", hreflang="fr")
    assert switcher["href"] == translated.url


@pytest.mark.django_db
def test_drafts_and_unknown_slugs_are_not_reachable_through_the_fallback(
    client, english_only_resource
):
    french_library = french(english_only_resource.get_parent())
    english_only_resource.unpublish()

    assert client.get(f"{french_library.url}{english_only_resource.slug}/").status_code == 404
    assert client.get(f"{french_library.url}no-such-page/").status_code == 404


@pytest.mark.django_db
def test_translated_pages_are_not_served_twice_under_their_english_slug(
    client, english_only_resource
):
    french_resource = translate(
        english_only_resource, "fr", {english_only_resource.slug: "rapport-annuel-2026"}
    )
    # Wagtail redirected the address the new translation had for a moment, under the English
    # slug, before its own slug was written in: without that redirect, routing alone answers.
    Redirect.objects.filter(redirect_page=french_resource, automatically_created=True).delete()
    french_library = french(english_only_resource.get_parent())

    assert client.get(french_resource.url).status_code == 200
    assert client.get(f"{french_library.url}{english_only_resource.slug}/").status_code == 404
