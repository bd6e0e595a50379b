"""The demo's mailing lists, consent wording and sign-up boxes (on the home page and the
campaign), made once like the rest of the demo; their translations are in
demo/translations/newsletter.py."""

from newsletter.models import ConsentWording, MailingList

LISTS = [
    (
        "newsletter",
        "Newsletter",
        "News from the campaign once a month: new research, court cases and ways to act.",
        MailingList.NEWSLETTER,
    ),
    (
        "early-access-briefings",
        "Early-access briefings",
        "Upcoming knowledge products and expert briefings, sent to you before they are public.",
        MailingList.EARLY_ACCESS,
    ),
]
CONSENT = (
    "I agree to receive these emails from the collective. My address is used for nothing else, "
    "and I can unsubscribe at any time with one click."
)
HOME_BOX = {
    "heading": "Get our briefings first",
    "text": "Research reports and policy briefs reach subscribers before they are published.",
    "button_label": "Sign up",
}
CAMPAIGN_BOX = {
    "heading": "Stay with the campaign after 30 July",
    "text": "One email a month on what changed for survivors, and what you can do next.",
    "button_label": "Subscribe",
}


def build_lists(objects):
    """The two lists and the consent wording, in English."""
    lists = [
        objects.snippet(MailingList, key, name=name, slug=key, description=description, kind=kind)
        for key, name, description, kind in LISTS
    ]
    objects.snippet(ConsentWording, "consent-1", text=CONSENT)
    return lists


def sign_up_box(box, lists):
    return ("sign_up", {**box, "lists": lists})


def add_sign_up_boxes(objects, home, campaign):
    """A box for both lists under the home page's newsletter call, one for the newsletter among
    the campaign's calls to action; left alone once there."""
    newsletter, briefings = build_lists(objects)
    if not home.sign_up:
        home.sign_up = [sign_up_box(HOME_BOX, [briefings, newsletter])]
        home.save_revision().publish()
    if not any(block.block_type == "sign_up" for block in campaign.calls_to_action):
        campaign.calls_to_action.append(sign_up_box(CAMPAIGN_BOX, [newsletter]))
        campaign.save_revision().publish()


def sources(english):
    """What to translate before the pages that show it."""
    return [
        *MailingList.objects.filter(locale=english),
        *ConsentWording.objects.filter(locale=english),
    ]
