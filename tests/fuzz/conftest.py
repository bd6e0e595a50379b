"""The hostile-input sweeps: schemathesis over API v3's OpenAPI document, hypothesis over API v2's
parameters, the search page and page paths. They take minutes, so they run on their own
(`make fuzz`, a step of .ci/run) rather than in `make test`."""

import time

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

REQUESTS = "fuzz_requests"
SLOWEST = "fuzz_slowest"


def pytest_collection_modifyitems(config, items):
    # A session-wide hook (pytest calls it for every conftest it has loaded): it leaves every
    # other directory's tests alone, and keeps these for runs that ask for them with `-m fuzz`.
    if "fuzz" in (config.option.markexpr or ""):
        return
    fuzz = [item for item in items if item.get_closest_marker("fuzz")]
    if fuzz:
        config.hook.pytest_deselected(items=fuzz)
        items[:] = [item for item in items if not item.get_closest_marker("fuzz")]


@pytest.fixture(scope="module", autouse=True)
def site_under_fuzz(module_site_content):
    """Content for every sweep to reach: a page of each type, the library's snippets and the
    menu, in every language (tests/content.py), built once for each module."""
    return module_site_content


@pytest.fixture(autouse=True)
def requests_keep_the_test_transaction():
    """The sweeps send requests through Django's WSGI handler (as a server would), which closes
    the database connection around each request; the test's connection holds the module's
    content and the test's transaction, so it stays open, as it does for Django's test client."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


class RequestCounter:
    """Counts the requests of a test and finds its slowest: each call starts one, which lasts
    until the next call or the end of the test."""

    def __init__(self):
        self.sent = 0
        self.slowest = (0.0, "")
        self._current = None

    def __call__(self, target):
        self.finish()
        self.sent += 1
        self._current = (time.perf_counter(), target)

    def finish(self):
        if self._current:
            started, target = self._current
            self.slowest = max(self.slowest, (time.perf_counter() - started, target))
            self._current = None


@pytest.fixture
def count_request(record_property):
    """Call it before each request, with what it asks for (an address, an API operation): the
    run's summary adds them up and names the slowest; a JUnit report (`--junitxml`) has them for
    each test."""
    counter = RequestCounter()
    yield counter
    counter.finish()
    record_property(REQUESTS, counter.sent)
    record_property(SLOWEST, counter.slowest)


def pytest_terminal_summary(terminalreporter):
    properties = [
        dict(report.user_properties)
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "teardown" and REQUESTS in dict(report.user_properties)
    ]
    if properties:
        sent = sum(p[REQUESTS] for p in properties)
        seconds, target = max(tuple(p[SLOWEST]) for p in properties)
        terminalreporter.write_line(
            f"fuzz: {len(properties)} tests sent {sent} requests; "
            f"the slowest took {seconds:.1f} s: {target[:200]}"
        )
