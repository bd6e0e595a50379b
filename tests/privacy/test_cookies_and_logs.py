"""No tracking: an anonymous visitor gets no cookie anywhere on the site or from its APIs, and the
logs keep no visitor's full IP address. Editors' cookies are out of reach of scripts."""

import logging

import pytest
from django.conf import settings
from django.test import Client
from gunicorn.config import Config
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from home.models import CampaignPage, HomePage, StandardPage
from privacy.logging import GunicornLogger, truncate_ip_addresses
from tests.html import parse
from tests.page_types import PAGE_MODELS

LANGUAGES = [code for code, _name in settings.LANGUAGES]
VISITOR_IPV4 = "203.0.113.77"
VISITOR_IPV6 = "2001:db8:4a7f:12::77"
PROXY_CHAIN = "198.51.100.23, 2001:db8:9:9::9"


def public_addresses(code):
    """One live page of each type in language `code`, its search results and its 404 page."""
    pages = [
        model.objects.live().public().filter(locale__language_code=code) for model in PAGE_MODELS
    ]
    return [
        *[queryset.first().get_url() for queryset in pages],
        f"/{code}/search/?q=trafficking",
        f"/{code}/search/?q=x&page=999",
        f"/{code}/this-page-does-not-exist/",
    ]


def every_anonymous_address():
    campaign = CampaignPage.objects.live().first()
    image = get_image_model().objects.first()
    document = get_document_model().objects.first()
    return [
        "/",
        *[url for code in LANGUAGES for url in public_addresses(code)],
        "/sitemap.xml",
        "/robots.txt",
        "/healthz",
        "/static/css/site.css",
        "/static/js/quick-exit.js",
        image.get_rendition("width-480").url,
        document.url,
        "/api/v2/pages/",
        f"/api/v2/pages/{campaign.pk}/",
        f"/api/v2/pages/find/?html_path={campaign.get_url()}",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/site/?locale=ar",
        "/api/v2/pages/not-a-number/",
        "/api/v3/pages/",
        f"/api/v3/pages/{campaign.pk}/",
        "/api/v3/locales/",
        "/api/v3/openapi.json",
        "/api/v3/docs/",
        "/api/v3/no-such-endpoint/",
    ]


@pytest.mark.usefixtures("module_site_content")
@pytest.mark.django_db
@pytest.mark.parametrize("accept", ["*/*", "text/html,application/xhtml+xml,*/*;q=0.8"])
def test_anonymous_visitor_gets_no_cookie_from_any_page_file_or_api(client, accept):
    for url in every_anonymous_address():
        response = client.get(url, follow=True, HTTP_ACCEPT=accept, HTTP_ACCEPT_LANGUAGE="fr")

        assert response.status_code in (200, 400, 404), (url, response.status_code)
        assert not client.cookies, (url, client.cookies)


@pytest.mark.usefixtures("module_site_content")
@pytest.mark.django_db
def test_language_switcher_sets_no_language_or_session_cookie(client):
    client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    for code in LANGUAGES:
        for link in parse(client.get(f"/{code}/")).find_all("a"):
            if link.get("hreflang"):
                assert client.get(link["href"]).status_code == 200, link

    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert not client.cookies


@pytest.mark.usefixtures("module_site_content")
@pytest.mark.django_db
def test_only_the_password_form_of_a_private_page_sets_a_cookie(client):
    """The site's only forms for visitors are Wagtail's password and login forms of pages an
    editor made private: they need the CSRF cookie (and, once passed, the session)."""
    private = StandardPage.objects.live().filter(locale__language_code="en").first()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="p")

    form = client.get(private.get_url())

    assert list(form.cookies) == [settings.CSRF_COOKIE_NAME]
    assert not client.get(HomePage.objects.get(locale__language_code="en").get_url()).cookies


@pytest.mark.django_db
def test_editor_cookies_are_out_of_reach_of_scripts(client, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-passphrase")

    login_form = client.get("/admin/login/")
    logged_in = client.post(
        "/admin/login/", {"username": "editor", "password": "a-passphrase"}, follow=False
    )

    csrf = login_form.cookies[settings.CSRF_COOKIE_NAME]
    session = logged_in.cookies[settings.SESSION_COOKIE_NAME]
    for cookie in (csrf, session):
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"


def test_production_sends_the_editor_cookies_over_https_only(run_python):
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, "
        "s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.CSRF_COOKIE_SAMESITE, "
        "s.SECURE_REFERRER_POLICY)"
    )

    result = run_python(
        code, "cms.settings.production", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="a.org"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "Lax", "True", "True", "Lax", "same-origin"]


# Logs -------------------------------------------------------------------------------------------


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines = []

    def emit(self, record):
        self.lines.append(f"{self.format(record)} {record.args!r}")


@pytest.fixture
def every_log_line():
    """Everything any logger writes during the test, at every level, even from loggers that do
    not pass their records on to the root logger (such as django.server)."""
    recorder = Recorder()
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    levels = {logger: logger.level for logger in loggers}
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        if logger is logging.getLogger() or not logger.propagate:
            logger.addHandler(recorder)
    yield recorder.lines
    for logger in loggers:
        logger.setLevel(levels[logger])
        logger.removeHandler(recorder)


@pytest.mark.usefixtures("module_site_content")
@pytest.mark.django_db
@pytest.mark.parametrize("address", [VISITOR_IPV4, VISITOR_IPV6])
def test_requests_leave_no_visitor_address_in_the_logs(every_log_line, monkeypatch, address):
    visitor = Client(
        REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=PROXY_CHAIN, raise_request_exception=False
    )
    campaign = CampaignPage.objects.live().first()

    assert visitor.get("/en/").status_code == 200
    assert visitor.get(campaign.get_url()).status_code == 200
    assert visitor.get("/en/no-such-page/").status_code == 404
    assert visitor.get("/en/search/", {"q": "x" * 300, "page": "-1"}).status_code == 400
    assert visitor.get("/api/v2/pages/not-a-number/").status_code == 400
    assert visitor.get("/api/v3/pages/", {"locale": "xx"}).status_code == 400
    assert visitor.get("/en/", HTTP_HOST="attacker.example").status_code == 400
    assert (
        visitor.post("/admin/login/", {"username": "admin", "password": "guess"}).status_code == 200
    )
    strict = Client(enforce_csrf_checks=True, REMOTE_ADDR=address)
    assert strict.post("/en/search/", {"q": "x"}).status_code == 403
    monkeypatch.setattr(HomePage, "serve", lambda *args, **kwargs: 1 / 0)
    assert visitor.get("/fr/").status_code == 500

    log = "\n".join(every_log_line)
    assert "Not Found" in log and "ZeroDivisionError" in log  # the recorder hears everything
    for visitor_address in (address, *PROXY_CHAIN.split(", ")):
        assert visitor_address not in log


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Invalid request from ip=203.0.113.77: bad line", "ip=203.0.113.0/24: bad line"),
        ("('203.0.113.77', 51234)", "('203.0.113.0/24', 51234)"),
        ("client [2001:db8:4a7f:12::77]:443", "client [2001:db8:4a7f::/48]:443"),
        ("::ffff:198.51.100.23 left", "198.51.100.0/24 left"),
        ("at 12:30:45 version 1.2.3.4.5", "at 12:30:45 version 1.2.3.4.5"),
        ("Listening at: http://127.0.0.1:8000, [::1]:8000", "http://127.0.0.1:8000, [::1]:8000"),
    ],
)
def test_log_filter_cuts_addresses_to_their_network(text, expected):
    assert expected in truncate_ip_addresses(text)


def test_application_logs_cut_addresses_in_every_environment(run_python):
    code = (
        "import logging; "
        "logging.getLogger('django.security.DisallowedHost').warning('From %s', '203.0.113.77'); "
        "logging.getLogger('cms').error('From 2001:db8:4a7f:12::77')"
    )

    for module, env in (
        ("cms.settings.dev", {}),
        (
            "cms.settings.production",
            {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "a.org"},
        ),
    ):
        result = run_python(code, module, **env)

        assert "From 203.0.113.0/24" in result.stderr, (module, result.stderr)
        assert "From 2001:db8:4a7f::/48" in result.stderr, (module, result.stderr)
        assert ".77" not in result.stderr and "::77" not in result.stderr


def test_gunicorn_logs_cut_addresses_with_the_sites_logger_class():
    config = Config()
    config.set("accesslog", "-")
    logger = GunicornLogger(config)
    recorder = Recorder()
    logger.error_log.addHandler(recorder)
    logger.access_log.addHandler(recorder)

    logger.warning("Invalid request from ip=%s: bad request line", VISITOR_IPV4)
    logger.access_log.info(
        config.access_log_format, {**dict.fromkeys("lutrsbfa", "-"), "h": VISITOR_IPV6}
    )

    log = "\n".join(recorder.lines)
    assert "ip=203.0.113.0/24" in log and "2001:db8:4a7f::/48" in log
    assert VISITOR_IPV4 not in log and VISITOR_IPV6 not in log


def test_gunicorn_started_from_the_project_folder_takes_the_sites_logger_class():
    from gunicorn.app.base import Application

    # How gunicorn reads the file it finds in the folder it starts in.
    config = Application.get_config_from_filename(None, str(settings.BASE_DIR / "gunicorn.conf.py"))

    assert config["logger_class"] == "privacy.logging.GunicornLogger"
    # The site loaded once, its memory shared by the workers (README: gunicorn.conf.py).
    assert config["preload_app"] is True


def test_gunicorn_access_logs_leave_out_what_visitors_search_for():
    from types import SimpleNamespace

    config = Config()
    config.set("accesslog", "-")
    logger = GunicornLogger(config)
    recorder = Recorder()
    logger.access_log.addHandler(recorder)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/fr/search/?q=quitter+mon+employeur&type=story",
        "PATH_INFO": "/fr/search/",
        "QUERY_STRING": "q=quitter+mon+employeur&type=story",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": VISITOR_IPV4,
        "HTTP_REFERER": "https://example.org/api/v2/pages/?search=quitter",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    timing = SimpleNamespace(seconds=0, microseconds=1000)

    logger.access(response, request, environ, timing)
    other = {**environ, "RAW_URI": "/fr/resources/?type=policy-brief", "HTTP_REFERER": "-"}
    logger.access(response, SimpleNamespace(headers=[]), other, timing)

    log = "\n".join(recorder.lines)
    assert "quitter" not in log and "employeur" not in log
    assert "GET /fr/search/?[search words left out] HTTP/1.1" in log
    assert "/fr/resources/?type=policy-brief" in log
