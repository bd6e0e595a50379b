import pytest

from resources.models import ResourceIndexPage, ResourcePage
from tests.html import parse

pytestmark = pytest.mark.usefixtures("module_site_content")


@pytest.mark.django_db
def test_resource_page_offers_its_document_with_format_and_size(client):
    resource = ResourcePage.objects.get(locale__language_code="en", slug="laws-across-africa")
    document = resource.downloads[0].value["document"]
    page = parse(client.get(resource.url))

    download = page.find("a", href=document.url)
    assert download is not None
    assert "PDF" in page.text
    size_text = f"{document.get_file_size()} bytes" if document.get_file_size() < 1024 else "KB"
    assert size_text in page.text
    assert client.get(document.url).status_code == 200


@pytest.mark.django_db
def test_resource_page_shows_type_date_topics_and_regions_in_french(client):
    resource = ResourcePage.objects.get(
        locale__language_code="fr",
        slug__isnull=False,
        translation_key=ResourcePage.objects.get(
            locale__language_code="en", slug="laws-across-africa"
        ).translation_key,
    )
    text = parse(client.get(resource.url)).text

    assert resource.resource_type.name in text
    assert "novembre 2025" in text
    for item in resource.localized_topics + resource.localized_regions:
        assert item.locale.language_code == "fr"
        assert item.name in text


@pytest.mark.django_db
def test_video_resource_links_to_the_video_without_embedding_a_player(client):
    resource = ResourcePage.objects.get(locale__language_code="en", slug="world-day-film")
    page = parse(client.get(resource.url))
    video_url = resource.video[0].value["video"].url

    assert page.find("a", href=video_url) is not None
    assert "YouTube" in page.text
    assert not page.find_all("iframe")


@pytest.mark.django_db
def test_resource_library_filters_by_type(client):
    library = ResourceIndexPage.objects.get(locale__language_code="en")
    every = parse(client.get(library.url))
    videos = parse(client.get(library.url, {"type": "video"}))

    video_titles = set(
        ResourcePage.objects.live()
        .filter(locale__language_code="en", resource_type__slug="video")
        .values_list("title", flat=True)
    )
    card_titles = [t for t in videos.text.split("  ")]
    assert card_titles
    for title in video_titles:
        assert title in videos.text
    other = ResourcePage.objects.get(locale__language_code="en", slug="laws-across-africa")
    assert other.title in every.text
    assert other.title not in videos.text


@pytest.mark.django_db
def test_unknown_resource_type_filter_shows_an_empty_list_not_an_error(client):
    library = ResourceIndexPage.objects.get(locale__language_code="en")

    response = client.get(library.url, {"type": "<script>"})

    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]
