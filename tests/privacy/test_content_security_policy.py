"""No tracking, no injected code: every answer carries a Content-Security-Policy, strict on the
public site (only this site's own files, nothing inline), looser in the admin, which writes
inline scripts, and allowing nothing at all for the APIs' JSON."""

import pytest
from django.conf import settings

from home.models import CampaignPage
from tests.html import parse
from tests.page_types import PAGE_MODELS

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def policy(response):
    """The response's Content-Security-Policy as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def public_addresses(code):
    """One live page of each type in language `code`, its search results and its 404 page."""
    pages = [
        model.objects.live().public().filter(locale__language_code=code) for model in PAGE_MODELS
    ]
    return [
        *[queryset.first().get_url() for queryset in pages],
        f"/{code}/search/?q=trafficking",
        f"/{code}/this-page-does-not-exist/",
    ]


STRICT_PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


@pytest.mark.usefixtures("module_site_content")
@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_public_page_has_the_strict_policy_and_no_inline_code(client, code):
    for url in public_addresses(code):
        response = client.get(url)

        assert response.status_code in (200, 404), url
        assert policy(response) == STRICT_PUBLIC_POLICY, url
        assert response["Referrer-Policy"] in ("same-origin", "no-referrer"), url
        document = parse(response)
        assert not document.find_all("style"), url
        for script in document.find_all("script"):
            is_data = script.get("type") in ("application/json", "application/ld+json")
            assert is_data or script.get("src", "").startswith("/static/"), (url, script)
        for tag, attributes in document.elements:
            inline = [name for name in attributes if name == "style" or name.startswith("on")]
            assert not inline, (url, tag, attributes)


@pytest.mark.django_db
def test_sitemap_health_check_and_static_files_have_a_policy_too(client):
    for url in ("/sitemap.xml", "/healthz", "/static/js/quick-exit.js"):
        assert policy(client.get(url))["script-src"] == ["'self'"], url


@pytest.mark.usefixtures("module_site_content")
@pytest.mark.django_db
def test_api_json_may_load_nothing_and_be_framed_nowhere(client):
    campaign = CampaignPage.objects.live().first()
    for url in (
        "/api/v2/pages/",
        f"/api/v2/pages/{campaign.pk}/",
        "/api/v2/pages/not-a-number/",
        "/api/v2/no-such-endpoint/",
        "/api/v3/pages/",
        f"/api/v3/pages/{campaign.pk}/",
        "/api/v3/no-such-endpoint/",
        "/api/v3/openapi.json",
    ):
        response = client.get(url, HTTP_ACCEPT="text/html,application/json")

        assert "html" not in response["Content-Type"], url
        assert policy(response) == {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}, url


@pytest.mark.django_db
def test_api_docs_come_from_this_site_under_the_public_policy(client):
    response = client.get("/api/v3/docs/")

    assert response.status_code == 200
    assert policy(response) == STRICT_PUBLIC_POLICY
    document = parse(response)
    addresses = [script["src"] for script in document.find_all("script") if "src" in script]
    addresses += [link["href"] for link in document.find_all("link")]
    assert addresses
    assert all(address.startswith("/static/") for address in addresses), addresses


@pytest.mark.usefixtures("module_site_content")
@pytest.mark.django_db
def test_admin_allows_its_inline_scripts_but_no_eval_and_no_other_site(admin_client):
    campaign = CampaignPage.objects.live().first()
    for url in ("/admin/", f"/admin/pages/{campaign.pk}/edit/", "/admin/login/"):
        directives = policy(admin_client.get(url))

        assert directives["script-src"] == ["'self'", "'unsafe-inline'"], url
        assert directives["style-src"] == ["'self'", "'unsafe-inline'"], url
        assert directives["connect-src"] == ["'self'"], url
        assert directives["frame-src"] == ["'self'"], url
        assert directives["frame-ancestors"] == ["'self'"], url
        assert directives["object-src"] == ["'none'"], url
        assert not any("*" in source for sources in directives.values() for source in sources)


@pytest.mark.usefixtures("module_site_content")
@pytest.mark.django_db
def test_admin_preview_shows_the_page_under_its_public_policy_in_an_admin_frame():
    campaign = CampaignPage.objects.live().first()

    response = campaign.make_preview_request()

    assert response.status_code == 200
    assert policy(response) == {**STRICT_PUBLIC_POLICY, "frame-ancestors": ["'self'"]}


def test_policy_names_the_origins_an_operator_configures(run_python):
    code = (
        "from django.conf import settings as s; "
        "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']); "
        "print(s.CSP_ADMIN_DIRECTIVES['img-src']); "
        "print(s.CSP_ADMIN_DIRECTIVES['frame-src'])"
    )

    result = run_python(
        code,
        "cms.settings.dev",
        CSP_EXTRA_IMG_SRC="https://media.example.org, https://cdn.example.net",
        HEADLESS_PREVIEW_URL="https://www.example.org/{locale}/preview",
        HEADLESS_PREVIEW_URL_SW="https://sw.example.org:8443/preview",
    )

    assert result.returncode == 0, result.stderr
    public_images, admin_images, admin_frames = result.stdout.splitlines()
    for images in (public_images, admin_images):
        assert "'https://media.example.org'" in images and "'https://cdn.example.net'" in images
    assert "'https://www.example.org'" in admin_frames
    assert "'https://sw.example.org:8443'" in admin_frames


def test_production_upgrades_insecure_requests_on_pages_and_in_the_admin(run_python):
    code = (
        "from django.conf import settings as s; "
        "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES'].get('upgrade-insecure-requests'), "
        "s.CSP_ADMIN_DIRECTIVES.get('upgrade-insecure-requests'))"
    )

    production = run_python(
        code, "cms.settings.production", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="a.org"
    )
    development = run_python(code, "cms.settings.dev")

    assert production.stdout.split() == ["True", "True"], production.stderr
    assert development.stdout.split() == ["None", "None"], development.stderr


DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]


def permissions_policy(response):
    """The response's Permissions-Policy as {feature: allowlist}."""
    features = (item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
    return dict(features)


@pytest.mark.usefixtures("module_site_content")
@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_public_pages_deny_camera_microphone_location_and_the_like(client, code):
    for url in [*public_addresses(code), "/api/v2/pages/", "/healthz"]:
        features = permissions_policy(client.get(url))

        for feature in DENIED_FEATURES:
            assert features.get(feature) == "()", (url, feature)
        assert not [allowlist for allowlist in features.values() if allowlist != "()"], url
