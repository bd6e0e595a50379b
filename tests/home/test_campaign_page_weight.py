"""The campaign page is what thousands open at once on the awareness day, many on slow phones:
its text (the HTML, and the CSS and JavaScript it links) stays under 60 KB as it travels, gzip
compressed as served (the site's own gzip for the page, WhiteNoise's `.gz` files for the rest)."""

import gzip

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from whitenoise.compress import Compressor

from home.models import CampaignPage
from tests.html import Document

pytestmark = pytest.mark.usefixtures("seeded_demo")

BUDGET = 60 * 1024


def linked_text_assets(document):
    """The addresses of the stylesheets and scripts a page makes the browser fetch."""
    stylesheets = [link["href"] for link in document.find_all("link", rel="stylesheet")]
    scripts = [script["src"] for script in document.find_all("script") if script.get("src")]
    return stylesheets + scripts


def size_as_whitenoise_serves(address):
    """A static file's size over gzip: WhiteNoise's `.gz` file, or the file itself when
    compressing it does not gain enough for collectstatic to keep the `.gz`."""
    path = finders.find(address.removeprefix(settings.STATIC_URL))
    with open(path, "rb") as file:
        data = file.read()
    compressed = Compressor.compress_gzip(data)
    kept = Compressor(quiet=True).is_compressed_effectively("gzip", path, len(data), compressed)
    return len(compressed) if kept else len(data)


@pytest.mark.django_db
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_campaign_pages_text_is_under_60_kb_compressed(client, language):
    campaign = CampaignPage.objects.live().filter(locale__language_code=language).first()
    response = client.get(campaign.url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assets = linked_text_assets(Document(gzip.decompress(response.content).decode()))
    assert any(address.endswith(".css") for address in assets)

    sizes = {address: size_as_whitenoise_serves(address) for address in assets}
    total = len(response.content) + sum(sizes.values())

    assert total < BUDGET, (campaign.url, len(response.content), sizes)
