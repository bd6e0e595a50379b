"""Pictures are shown from renditions read with the page, not looked up and written back to the
cache one by one (Wagtail writes each rendition it finds in the cache back to it: with the file
cache, a disk write and a listing of the cache folder for each picture of a list)."""

from unittest import mock

import pytest
from wagtail.images import get_image_model

from tests.performance.busy_site import page_addresses

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "page",
    [
        "home",
        "library",
        "story index",
        "campaign index",
        "standard",
        "resource",
        "campaign",
        "story",
    ],
)
def test_a_page_seen_before_writes_no_rendition_to_the_cache(busy_site, client, page):
    url = page_addresses(busy_site)[page]
    client.get(url)  # renditions made, as the worker does on a running site
    cache = get_image_model().get_rendition_model().cache_backend
    with (
        mock.patch.object(cache, "set", wraps=cache.set) as set_one,
        mock.patch.object(cache, "set_many", wraps=cache.set_many) as set_many,
    ):
        response = client.get(url)

    assert response.status_code == 200
    assert b"<picture" in response.content or b'property="og:image"' in response.content
    written = [call.args[0] for call in set_one.call_args_list]
    written += [key for call in set_many.call_args_list for key in call.args[0]]
    assert [key for key in written if "rendition" in key] == []
