import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

# No page may cost more; an API v2 list of 20 resources with `fields=*` at most that.
PAGE_BUDGET = 25
# The library and its landing pages, with their facets: one query more per kind of facet (type,
# topic, region, partner, year, language: 6) and per taxonomy's names (4), whatever the size.
LIBRARY_BUDGET = 32
# Issue 12's figure: the documents come with their collections' privacy (no query of its own),
# which paid for the resources' partners (issue 14).
RESOURCE_LIST_BUDGET = 12


@pytest.fixture(scope="module")
def busy_site(module_db):
    """tests/performance/busy_site.py's site, built once for the tests of a module."""
    from tests.performance.busy_site import build_busy_site

    with module_db.unblock():
        return build_busy_site()


@pytest.fixture(autouse=True)
def rendering_every_time(settings):
    """Budgets measure rendering itself, never a response served from a server-side cache
    (RESPONSE_CACHE, when the site has one)."""
    settings.RESPONSE_CACHE = False


@pytest.fixture
def queries_of(client):
    """`queries_of(url)`: the SQL queries an anonymous visitor's GET of `url` costs once the
    address was seen before (renditions made, Wagtail's caches of renditions and site root
    paths warm, as on a running site), and the response (a 200)."""

    def measure(url):
        assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return context.captured_queries, response

    return measure


@pytest.fixture
def query_count(queries_of):
    """`query_count(url)`: how many SQL queries a GET of `url` costs (see `queries_of`)."""

    def count(url):
        return len(queries_of(url)[0])

    return count
