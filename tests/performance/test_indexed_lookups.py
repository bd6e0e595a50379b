"""No public page or API answer reads the page tables from end to end: at the busiest scale a
full scan of `wagtailcore_page` costs milliseconds a query (finding a page by its `url_path`,
which has no index, or the related pages of a campaign by an `OR` that hides an index). SQLite's
query plans say which; PostgreSQL's depend on its statistics, so the check runs on SQLite."""

import pytest
from django.db import connection

from tests.performance.busy_site import page_addresses

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans"),
]

PAGE_TABLES = ("home_", "resources_resourcepage", "stories_")


def addresses(site):
    resource = site.pages["resource", 20]
    return {
        **page_addresses(site),
        "API v2 detail": f"/api/v2/pages/{resource.pk}/",
        "API v3 detail": f"/api/v3/pages/{resource.pk}/",
        "API v3 by path": f"/api/v3/pages/by-path/?html_path={resource.url}",
    }


def is_page_table(name):
    return name == "wagtailcore_page" or name.startswith(PAGE_TABLES)


def full_scans(sql):
    """The steps of the query plan of `sql` (as Django records it, values in place) that read
    a page table from end to end."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        plan = [row[-1] for row in cursor.fetchall()]
    return [
        step
        for step in plan
        if step.startswith("SCAN ") and " USING " not in step and is_page_table(step.split()[1])
    ]


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "library",
        "story index",
        "campaign index",
        "standard",
        "resource",
        "campaign",
        "story",
        "API v2 detail",
        "API v3 detail",
        "API v3 by path",
    ],
)
def test_no_answer_scans_the_page_tables(busy_site, queries_of, name):
    queries, _ = queries_of(addresses(busy_site)[name])
    found = {query["sql"]: steps for query in queries if (steps := full_scans(query["sql"]))}

    assert found == {}, found
