"""Donate, share and join: a visitor gives one of the suggested amounts in their language's
currency and number format, shares the page with the hashtag through plain links, and joins the
coalition the editor chose; a headless frontend gets the same from both APIs."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.text import slugify
from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.blocks import CallToActionBlock
from core.models import SiteSettings
from core.money import format_amount
from home.models import HomePage, StandardPage
from tests.api.conftest import get_json, response_schema_pointer, validator_for
from tests.factories import PartnerFactory, StandardPageFactory, translate
from tests.html import parse

AMOUNT_URL = "https://give.example.org/checkout?amount={amount}&currency={currency}"
DONATIONS = {
    "en": ("USD", "10, 25, 1000"),
    "fr": ("EUR", "10, 25, 1000"),
    "es": ("EUR", "10, 25, 10000"),
    "sw": ("KES", "500, 1000, 2500"),
    "ar": ("USD", "10, 25, 1000"),
}
SHARE_PAGES = (
    "https://bsky.app/intent/",
    "https://x.com/intent/",
    "https://www.facebook.com/sharer/",
    "https://www.linkedin.com/sharing/",
    "https://wa.me/",
    "https://t.me/share/",
    "mailto:",
)
TRACKING = ("utm_", "fbclid", "gclid", "mc_", "ref", "source")


def call(kind, **value):
    return (
        "call_to_action",
        {"kind": kind, "heading": f"{kind} now", "text": "", "button_label": "", **value},
    )


@pytest.fixture
def donations(db):
    for language, (currency, amounts) in DONATIONS.items():
        SiteSettings.objects.filter(locale__language_code=language).update(
            donate_currency=currency, donate_amounts=amounts, donate_amount_url=AMOUNT_URL
        )


@pytest.fixture
def coalition(db):
    partner = PartnerFactory(name="AUDRi", join_url="https://audri.example.org/join")
    texts = {"AUDRi": "AUDRi (coalition)"}
    return {"en": partner, "fr": translate(partner, "fr", texts)}


@pytest.fixture
def pages(db, donations, coalition):
    """A page with the three calls to action in English, and its translations."""
    english = StandardPageFactory(
        parent=HomePage.objects.get(locale__language_code="en"),
        title="Act now",
        slug="act-now",
        body=[call("share"), call("coalition", partner=coalition["en"]), call("donate")],
    )
    return {"en": english, **{code: translate(english, code) for code in DONATIONS if code != "en"}}


def amount_links(document):
    return {
        a["href"]: a
        for a in document.find_all("a")
        if a.get("href", "").startswith("https://give.example.org/")
    }


@pytest.mark.parametrize(
    ("language", "amount", "currency", "written"),
    [
        ("en", 1000, "USD", "$1,000"),
        ("en", 500, "KES", "KES\u00a0500"),
        ("fr", 10, "EUR", "10\u00a0€"),
        ("fr", 1000, "EUR", "1\u202f000\u00a0€"),
        ("es", 1000, "EUR", "1000\u00a0€"),
        ("es", 10000, "EUR", "10.000\u00a0€"),
        ("sw", 1000, "KES", "Ksh\u00a01,000"),
        ("ar", 1000, "USD", "١٬٠٠٠\u00a0US$"),
        ("ar", 50, "EGP", "٥٠\u00a0ج.م.\u200f"),
    ],
)
def test_each_language_writes_money_its_own_way(language, amount, currency, written):
    assert format_amount(amount, currency, language) == written


@pytest.mark.django_db
def test_french_visitor_sees_suggested_amounts_in_euros_written_the_french_way(client, pages):
    response = client.get(pages["fr"].url)
    html = response.content.decode()
    links = amount_links(parse(response))

    assert "10\u00a0€" in html
    assert "1\u202f000\u00a0€" in html
    assert set(links) == {
        "https://give.example.org/checkout?amount=10&currency=EUR",
        "https://give.example.org/checkout?amount=25&currency=EUR",
        "https://give.example.org/checkout?amount=1000&currency=EUR",
    }
    assert "https://donate.example.org/" in {a.get("href") for a in parse(response).find_all("a")}


@pytest.mark.django_db
def test_arabic_visitor_sees_arabic_digits_on_a_right_to_left_page(client, pages):
    response = client.get(pages["ar"].url)
    html = response.content.decode()

    assert '<html lang="ar" dir="rtl"' in html
    assert "١٠\u00a0US$" in html
    assert "١٬٠٠٠\u00a0US$" in html
    # The provider gets plain digits, whatever the page shows.
    assert "https://give.example.org/checkout?amount=1000&currency=USD" in amount_links(
        parse(response)
    )


@pytest.mark.django_db
def test_no_amounts_without_the_providers_address_for_an_amount(client, pages):
    SiteSettings.objects.filter(locale__language_code="en").update(donate_amount_url="")

    response = client.get(pages["en"].url)

    assert amount_links(parse(response)) == {}
    assert "https://donate.example.org/" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "sw"])
def test_share_links_carry_the_hashtag_and_the_page_address_without_tracking(
    client, pages, language
):
    page = pages[language]
    hashtag = SiteSettings.objects.get(locale__language_code=language).default_hashtag
    document = parse(client.get(page.url))
    shares = [a["href"] for a in document.find_all("a") if a["href"].startswith(SHARE_PAGES)]

    assert len(shares) == 7
    for href in shares:
        query = parse_qs(urlsplit(href).query)
        values = " ".join(value for values in query.values() for value in values)
        assert page.full_url in values, href
        if "linkedin" not in href:  # LinkedIn takes the address alone
            assert hashtag.lstrip("#") in values, href
        assert not [name for name in query if name.startswith(TRACKING)], href
    assert hashtag in document.text


@pytest.mark.django_db
def test_an_editor_may_share_another_address_with_its_own_parameters(client, pages):
    shared = "https://example.org/campaign?utm_source=newsletter"
    page = pages["en"]
    page.body = [call("share", link=shared)]
    page.save_revision().publish()

    data = get_json(client, f"/api/v2/pages/{page.pk}/")

    share = data["body"][0]["value"]["share"]
    assert share["url"] == shared
    x = next(link for link in share["links"] if link["network"] == "x")
    assert parse_qs(urlsplit(x["url"]).query)["url"] == [shared]


@pytest.mark.django_db
def test_pages_load_no_third_party_script(client, pages):
    document = parse(client.get(pages["en"].url))

    sources = [script.get("src") for script in document.find_all("script") if script.get("src")]
    assert all(src.startswith("/") and not src.startswith("//") for src in sources), sources


@pytest.mark.django_db
def test_coalition_call_leads_to_its_partners_join_address_in_the_visitors_language(client, pages):
    for language, name in [("en", "AUDRi"), ("fr", "AUDRi (coalition)")]:
        document = parse(client.get(pages[language].url))

        assert name in document.text
        assert "https://audri.example.org/join" in [a.get("href") for a in document.find_all("a")]


@pytest.mark.django_db
def test_a_coalition_call_needs_its_partner_or_an_address():
    block = CallToActionBlock()
    value = block.to_python({"kind": "coalition", "heading": "Join", "partner": None, "link": ""})

    with pytest.raises(StructBlockValidationError):
        block.clean(value)


@pytest.mark.django_db
def test_every_call_to_action_is_in_both_apis_in_the_pages_language(client, pages, coalition):
    page = pages["fr"]
    openapi = get_json(client, "/api/v3/openapi.json")
    v3 = get_json(client, f"/api/v3/pages/{page.pk}/")

    assert get_json(client, f"/api/v2/pages/{page.pk}/")["body"] == v3["body"]
    validator_for(openapi, response_schema_pointer("/api/v3/pages/{page_id}/")).validate(v3)
    share, join, donate = (block["value"] for block in v3["body"])
    assert share["link"] is None and share["partner"] is None and share["donation"] is None
    assert share["share"]["url"] == page.full_url
    assert share["share"]["hashtag"] == "#TestDay"
    assert {link["network"] for link in share["share"]["links"]} >= {"x", "facebook", "email"}
    assert join["partner"] == {
        "id": coalition["fr"].pk,
        "name": "AUDRi (coalition)",
        "url": "https://partner.example.org/",
        "join_url": "https://audri.example.org/join",
    }
    assert join["link"] == "https://audri.example.org/join"
    assert donate["link"] == "https://donate.example.org/"
    assert donate["donation"]["currency"] == "EUR"
    assert donate["donation"]["amounts"][0] == {
        "amount": 10,
        "label": "10\u00a0€",
        "url": "https://give.example.org/checkout?amount=10&currency=EUR",
    }


@pytest.mark.django_db
def test_site_settings_in_the_api_carry_the_suggested_amounts(client, donations):
    for url in ("/api/v2/site/", "/api/v3/site/"):
        settings = get_json(client, url, {"locale": "ar"})["settings"]

        assert settings["donation"]["currency"] == "USD"
        assert [amount["label"] for amount in settings["donation"]["amounts"]] == [
            "١٠\u00a0US$",
            "٢٥\u00a0US$",
            "١٬٠٠٠\u00a0US$",
        ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("donate_amount_url", "https://give.example.org/"),
        ("donate_amount_url", "https://give.example.org/?amount={amount}&who={user}"),
        ("donate_amount_url", "https://give.example.org/?amount={amount:x}"),
        ("donate_amount_url", "https://give.example.org/?amount={amount"),
        ("donate_currency", "XYZ"),
        ("donate_amounts", "10, ten"),
        ("donate_amounts", "0, 10"),
        ("donate_amounts", "1, 2, 3, 4, 5, 6, 7"),
    ],
)
def test_donation_settings_refuse_what_would_make_broken_links(field, value):
    with pytest.raises(ValidationError):
        SiteSettings._meta.get_field(field).clean(value, SiteSettings())


def add_standard_page(client, parent, title, calls):
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", parent.pk])
    form = nested_form_data(
        {
            "action-publish": "action-publish",
            "title": title,
            "slug": slugify(title),
            "intro": "",
            "body": streamfield(calls),
        }
    )
    return client.post(url, form)


@pytest.mark.django_db
def test_editor_adds_a_coalition_call_choosing_its_partner_in_the_admin(admin_client, coalition):
    home = HomePage.objects.get(locale__language_code="en")
    join = {"kind": "coalition", "heading": "Join", "text": "", "button_label": "", "link": ""}

    refused = add_standard_page(admin_client, home, "No partner", [("call_to_action", join)])
    created = add_standard_page(
        admin_client,
        home,
        "With partner",
        [("call_to_action", {**join, "partner": coalition["en"].pk})],
    )

    assert refused.status_code == 200
    assert "Choose the coalition or enter its address." in refused.content.decode()
    assert created.status_code == 302
    page = StandardPage.objects.get(title="With partner")
    assert page.body[0].value["partner"] == coalition["en"]


@pytest.mark.django_db
def test_site_settings_form_refuses_amounts_it_cannot_link(admin_client):
    settings = SiteSettings.objects.get(locale__language_code="en")
    url = reverse("wagtailsnippets_core_sitesettings:edit", args=[settings.pk])
    form = nested_form_data(
        {
            "site_name": settings.site_name,
            "tagline": "",
            "donate_url": settings.donate_url,
            "donate_currency": "EUR",
            "donate_amounts": "10, lots",
            "donate_amount_url": "https://give.example.org/?sum={sum}",
            "default_hashtag": settings.default_hashtag,
            "newsletter_heading": "",
            "newsletter_text": "",
            "newsletter_url": settings.newsletter_url,
            "quick_exit_url": settings.quick_exit_url,
            "social_accounts": streamfield([]),
            "default_share_image_alt": "",
        }
    )

    response = admin_client.post(url, form)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"donate_amounts", "donate_amount_url"}, errors
    settings.refresh_from_db()
    assert settings.donate_currency == "USD"
