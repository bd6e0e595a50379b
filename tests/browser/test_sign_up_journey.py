"""A visitor in Nairobi signs up on the Swahili home page in a browser without JavaScript,
confirms from the email, and no page along the way leaves a cookie."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from newsletter.models import Subscription

pytestmark = pytest.mark.browser


@pytest.fixture
def reader(browser, live_server, demo_site, settings):
    settings.NEWSLETTER_FORM_MIN_SECONDS = 0  # a test types faster than a person
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    yield context.new_page()
    context.close()


def test_signing_up_and_confirming_without_javascript_or_cookies(reader):
    from playwright.sync_api import expect

    reader.goto("/sw/")
    form = reader.locator("form.sign-up__form")
    form.get_by_label("Anwani ya barua pepe").fill("amina@mail.co.ke")
    form.get_by_role("button").click()

    expect(reader.get_by_role("heading", name="Angalia sanduku lako la barua")).to_be_visible()
    message = mail.outbox[-1]
    assert message.to == ["amina@mail.co.ke"]
    link = re.search(r"https?://\S+/sw/newsletter/confirm/\S+/", message.body).group(0)
    reader.goto(urlsplit(link).path)
    reader.get_by_role("button", name="Thibitisha usajili wangu").click()

    expect(reader.get_by_role("heading", name="Umesajiliwa")).to_be_visible()
    statuses = set(
        Subscription.objects.filter(subscriber__email="amina@mail.co.ke").values_list(
            "status", flat=True
        )
    )
    assert statuses == {"confirmed"}
    assert reader.context.cookies() == []
