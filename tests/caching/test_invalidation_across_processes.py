"""Every change of test_response_cache.py, made by an editor's process that serves no request,
is visible at once through the site's workers and through Varnish: after each, every watched
page and API answer is the one a server without the response cache renders."""

import subprocess
import sys

import pytest
import requests
from django.conf import settings

from tests.caching.editor import ANSWER
from tests.caching.test_response_cache import WATCHED
from tests.servers import POSTGRES_BIN, PROXY_HEADERS, editor_environment, gunicorn

pytestmark = [
    pytest.mark.outage,
    pytest.mark.django_db,  # see test_across_processes.py
    pytest.mark.skipif(POSTGRES_BIN is None, reason="needs PostgreSQL's server programs"),
]

# In an order where each change finds what it changes (a live resource, an image to delete…).
CHANGE_SEQUENCE = [
    "publish",
    "revert",
    "publish_translation",
    "save_ResourceType",
    "save_Topic",
    "save_Region",
    "save_Partner",
    "change_navigation",
    "change_settings",
    "replace_image",
    "change_image",
    "delete_image",
    "expire",
    "schedule_going_live",
    "unpublish",
    "publish",
    "copy",
    "take_down_story",
    "delete_document",
    "restrict_with_a_password",
    "add_redirect",
    "move",
    "delete",
]


class Editor:
    """The editor's process (tests/caching/editor.py), one change at a time."""

    def __init__(self, environment, purge_url):
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "tests.caching.editor"],
            cwd=settings.BASE_DIR,
            env=editor_environment(environment, purge_url),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.wait_for("ready")

    def wait_for(self, expected):
        for line in self.process.stdout:  # what the site prints besides (commands) is skipped
            if line.startswith(ANSWER):
                answer = line[len(ANSWER) :].strip()
                assert answer == expected, answer
                return
        raise AssertionError(f"the editor's process ended (exit {self.process.wait()})")

    def make(self, change):
        self.process.stdin.write(change + "\n")
        self.process.stdin.flush()
        self.wait_for("done")

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def editor(shared_environment, cdn):
    editor = Editor(shared_environment, purge_url=cdn)
    yield editor
    editor.close()


@pytest.fixture(scope="module")
def uncached_site(shared_environment, static_root):
    """A server of the same database that renders every request: what fresh answers are."""
    with gunicorn(static_root, **shared_environment, RESPONSE_CACHE="off") as base_url:
        yield base_url


def get(base_url, path):
    return requests.get(
        f"{base_url}{path}", headers=PROXY_HEADERS, timeout=30, allow_redirects=False
    )


def without_host(response, base_url):
    """The body without the address it was asked at (a 404 page's links carry the Host)."""
    return response.content.replace(base_url.split("//")[1].encode(), b"HOST")


def stale_answers(servers, expected_from):
    stale = []
    for path in WATCHED:
        expected = get(expected_from, path)
        for name, base_url in servers.items():
            served = get(base_url, path)
            if b"csrfmiddlewaretoken" in expected.content:
                # A page password's form carries each visitor's own token: never kept.
                same = served.headers.get("X-Response-Cache") != "hit"
            else:
                same = (served.status_code, without_host(served, base_url)) == (
                    expected.status_code,
                    without_host(expected, expected_from),
                )
            if not same:
                stale.append(
                    f"{name} {path}: {served.status_code} {served.headers.get('X-Response-Cache')}"
                    f" {served.headers.get('X-Cache')}, fresh {expected.status_code}"
                )
    return stale


def test_after_each_change_by_another_process_every_server_answers_fresh(
    editor, site, cdn, uncached_site
):
    servers = {"gunicorn": site, "varnish": cdn}
    for path in WATCHED:  # kept by Varnish and by the site's response cache
        get(cdn, path)
        get(site, path)  # another address (Host) than Varnish asks for: kept apart
    assert get(cdn, "/en/resources/").headers["X-Cache"] == "hit"
    assert get(site, "/en/resources/").headers["X-Response-Cache"] == "hit"

    for change in CHANGE_SEQUENCE:
        editor.make(change)
        assert stale_answers(servers, expected_from=uncached_site) == [], change
