"""The site in real processes for the cross-process cache tests: a private PostgreSQL with a
copy of the test database, gunicorn with production settings and a file cache every process of
the module shares, Varnish in front of it."""

import pytest

from tests.servers import (
    VARNISHD,
    collect_static,
    gunicorn,
    varnish,
)


@pytest.fixture(scope="module")
def shared_environment(private_database, tmp_path_factory):
    return {
        "DATABASE_URL": private_database.url,
        "CACHE_DIR": str(tmp_path_factory.mktemp("cache")),
        "TASKS_BACKEND": "immediate",
    }


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    collect_static(root)
    return root


@pytest.fixture(scope="module")
def site(shared_environment, static_root):
    with gunicorn(static_root, **shared_environment) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def cdn(site):
    if VARNISHD is None:
        pytest.skip("needs Varnish (apt-get install varnish)")
    with varnish(site) as base_url:
        yield base_url
