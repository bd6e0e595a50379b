"""No tracking, seen from a real browser: public pages load nothing from another site and leave
no cookie, nothing on them breaks the Content-Security-Policy, and the admin, the translation
editor and the API docs still work under theirs."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings

from core.models import SiteSettings
from home.models import CampaignPage, HomePage
from resources.models import ResourcePage
from stories.models import SurvivorStoryPage
from tests.page_types import PAGE_MODELS

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]


class Recorder:
    """Every request a browser page makes, and what its console and its scripts complain of."""

    def __init__(self, page):
        self.requests = []
        self.console = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: self.console.append(f"{page.url}: {message.text}"))
        page.on("pageerror", lambda error: self.console.append(f"{page.url}: uncaught {error}"))

    def complaints(self):
        """Content-Security-Policy violations (Chromium says "Refused to …") and script errors."""
        return [
            line
            for line in self.console
            if "Refused to" in line or "Content Security Policy" in line or ": uncaught " in line
        ]

    def elsewhere(self, site_url):
        """The requests that went to another origin than the site's (data: and blob: aside)."""
        site = urlsplit(site_url)
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob")
            and urlsplit(url)[:2] != (site.scheme, site.netloc)
        ]


def expect(locator):
    from playwright.sync_api import expect as playwright_expect  # only where Chromium runs

    return playwright_expect(locator)


def live(model, code):
    return model.objects.live().public().filter(locale__language_code=code).first()


def public_addresses(code):
    """One live page of each type in language `code`, search results and a 404 page."""
    return [
        *[live(model, code).get_url() for model in PAGE_MODELS],
        f"/{code}/search/?q=trafficking",
        f"/{code}/this-page-does-not-exist/",
    ]


@pytest.fixture
def visitor(browser, live_server, demo_site):
    # A tall window, so that lazily loaded images below the fold are fetched too.
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 4000}
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_public_pages_break_no_rule_of_the_content_security_policy(visitor, live_server, code):
    neutral_page = f"{live_server.url}/healthz"
    SiteSettings.objects.update(quick_exit_url=neutral_page)
    recorder = Recorder(visitor)
    addresses = [
        HomePage.objects.get(locale__language_code=code).get_url(),
        live(CampaignPage, code).get_url(),
        live(ResourcePage, code).get_url(),
        live(SurvivorStoryPage, code).get_url(),
        f"/{code}/search/?q=trafficking",
        f"/{code}/this-page-does-not-exist/",
    ]

    for address in addresses:
        response = visitor.goto(address)
        assert "script-src 'self';" in response.headers["content-security-policy"] + ";"
        assert visitor.locator("h1").first.is_visible(), address
    # The quick exit's script ran: only it answers Escape pressed twice.
    visitor.locator("h1").first.click()
    visitor.keyboard.press("Escape")
    visitor.keyboard.press("Escape")
    visitor.wait_for_url(neutral_page)

    assert recorder.complaints() == []


def test_every_public_page_in_every_language_loads_only_from_this_site(visitor, live_server):
    recorder = Recorder(visitor)

    for code in LANGUAGES:
        for address in public_addresses(code):
            visitor.goto(address)
            visitor.wait_for_load_state("networkidle")

    assert len(recorder.requests) > len(LANGUAGES) * len(PAGE_MODELS) * 3  # pages, CSS, images…
    assert recorder.elsewhere(live_server.url) == []
    assert visitor.context.cookies() == []
    assert recorder.complaints() == []


def log_in_as_superuser(page, django_user_model):
    django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-passphrase")
    page.goto("/admin/login/")
    page.fill("#id_username", "boss")
    page.fill("#id_password", "a-long-passphrase")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_editor_previews_a_campaign_and_translates_it_under_the_admin_policy(
    browser, live_server, demo_site, django_user_model
):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    recorder = Recorder(page)
    log_in_as_superuser(page, django_user_model)
    english = CampaignPage.objects.get(locale__language_code="en")
    french = CampaignPage.objects.get(locale__language_code="fr")

    page.goto(f"/admin/pages/{english.pk}/edit/")
    page.locator("[data-side-panel-toggle='preview']").first.click()
    expect(page.frame_locator("#w-preview-iframe").locator("h1")).to_have_text(english.title)

    page.goto("/admin/images/")
    page.goto(f"/admin/pages/{french.pk}/edit/")
    # wagtail-localize's React editor shows the English source beside the French text.
    expect(page.get_by_text(english.title, exact=True).first).to_be_visible()
    expect(page.get_by_text(french.title, exact=True).first).to_be_visible()

    assert recorder.complaints() == []
    assert recorder.elsewhere(live_server.url) == []
    context.close()


def test_api_docs_work_from_this_site_alone(visitor, live_server):
    recorder = Recorder(visitor)

    visitor.goto("/api/v3/docs/")

    expect(visitor.locator(".swagger-ui .opblock").first).to_be_visible()
    assert recorder.complaints() == []
    assert recorder.elsewhere(live_server.url) == []
    assert visitor.context.cookies() == []
