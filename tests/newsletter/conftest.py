import pytest
from django.core import signing
from wagtail.models import Locale

from newsletter import tokens
from newsletter.models import ConsentWording, MailingList
from tests.factories import StandardPageFactory

SWAHILI = {
    "Newsletter": "Jarida",
    "Early-access briefings": "Taarifa za mapema",
    "I agree": "Ninakubali kupokea barua pepe kutoka kwa shirika.",
}


def translated(instance, language_code, **fields):
    copy = instance.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy


@pytest.fixture
def lists(db):
    newsletter = MailingList.objects.create(
        name="Newsletter", slug="newsletter", description="Monthly news."
    )
    briefings = MailingList.objects.create(
        name="Early-access briefings", slug="briefings", kind=MailingList.EARLY_ACCESS
    )
    translated(newsletter, "sw", name=SWAHILI["Newsletter"])
    translated(briefings, "sw", name=SWAHILI["Early-access briefings"])
    return newsletter, briefings


@pytest.fixture
def wording(db):
    english = ConsentWording.objects.create(text="I agree to receive emails.")
    translated(english, "sw", text=SWAHILI["I agree"])
    return english


@pytest.fixture
def sign_up_page(lists, wording):
    """A Swahili page with a sign-up box for both lists."""
    from wagtail.models import Page

    home = Page.objects.get(depth=2, locale__language_code="sw")
    sw_lists = [mailing_list.get_translation(home.locale) for mailing_list in lists]
    body = [
        {
            "type": "sign_up",
            "value": {
                "heading": "Jiunge",
                "text": "",
                "lists": [mailing_list.pk for mailing_list in sw_lists],
                "button_label": "",
            },
        }
    ]
    return StandardPageFactory(parent=home, locale=home.locale, slug="jiunge", body=body)


def old_token(salt, value, seconds):
    """A token signed `seconds` ago."""
    import time

    class PastSigner(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - seconds)

    return PastSigner(salt=salt).sign(value)


def form_token(seconds=60):
    return old_token(tokens.FORM_SALT, "form", seconds)
