"""A real HTTP receiver on 127.0.0.1 that records what webhooks send, and can fail or stall."""

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
import requests

from webhooks.models import WebhookEndpoint

SECRET = "test-secret-0123456789-abcdefghij"


@dataclass
class ReceivedRequest:
    path: str
    headers: dict  # lower-case names
    body: bytes
    method: str = "POST"


class Receiver:
    def __init__(self):
        self.requests = []
        self.fail_next = 0  # answer 500 to this many requests, then 200
        self.delay = 0.0  # seconds to wait before answering
        self.lock = threading.Lock()
        self.server = None

    @property
    def url(self):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/hook"

    def answer(self, handler):
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length)
        with self.lock:
            self.requests.append(
                ReceivedRequest(
                    handler.path,
                    {name.lower(): value for name, value in handler.headers.items()},
                    body,
                    handler.command,
                )
            )
            status = 200
            if self.fail_next > 0:
                self.fail_next -= 1
                status = 500
        if self.delay:
            time.sleep(self.delay)
        try:
            handler.send_response(status)
            handler.send_header("Content-Length", "2")
            handler.end_headers()
            handler.wfile.write(b"ok")
        except OSError:  # the sender gave up waiting
            pass


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802
        self.server.receiver.answer(self)

    def do_PURGE(self):  # noqa: N802  (what wagtail.contrib.frontend_cache's HTTPBackend sends)
        self.server.receiver.answer(self)

    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture
def receiver():
    receiver = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.receiver = receiver
    receiver.server = server
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    yield receiver
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def only_localhost(monkeypatch):
    """No proxy from the environment, and no request anywhere but 127.0.0.1."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "*")
    original = requests.Session.request

    def request(self, method, url, *args, **kwargs):
        assert urlsplit(url).hostname == "127.0.0.1", f"tests may only contact 127.0.0.1: {url}"
        return original(self, method, url, *args, **kwargs)

    monkeypatch.setattr(requests.Session, "request", request)


@pytest.fixture
def endpoint(receiver, english_resource):
    """The frontend's endpoint, subscribed once the site has a resource to publish (building it
    sends nothing)."""
    return WebhookEndpoint.objects.create(name="Frontend", url=receiver.url, secret=SECRET)


@pytest.fixture
def fast_timeout(settings):
    settings.WEBHOOKS_TIMEOUT = 0.5
    return settings.WEBHOOKS_TIMEOUT
