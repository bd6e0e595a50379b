"""The emails of the lists, in the subscriber's language: plain text and HTML (right to left in
Arabic), each with one-click unsubscribe headers (RFC 8058) so that mail programs offer their
own "Unsubscribe" button, which POSTs `List-Unsubscribe=One-Click` to the link."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from newsletter import tokens


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_url(subscriber, mailing_list=None):
    token = tokens.unsubscribe_token(subscriber, mailing_list)
    return absolute(reverse("newsletter:unsubscribe", args=[token]))


def confirmation_url(subscriber):
    token = tokens.confirmation_token(subscriber)
    return absolute(reverse("newsletter:confirm", args=[token]))


def unsubscribe_headers(link):
    targets = [f"<{link}>"]
    if settings.NEWSLETTER_UNSUBSCRIBE_MAILTO:
        targets.append(f"<mailto:{settings.NEWSLETTER_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>")
    return {
        "List-Unsubscribe": ", ".join(targets),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def message_to(subscriber, subject, template, context, mailing_list=None):
    """An email to `subscriber` from `template` (.txt and .html under templates/newsletter/
    email/), in their language, with the unsubscribe link of `mailing_list` (all lists when
    None) in its headers and its text."""
    with translation.override(subscriber.language):
        link = unsubscribe_url(subscriber, mailing_list)
        context = {
            **context,
            "unsubscribe_url": link,
            "LANGUAGE_CODE": subscriber.language,
            "LANGUAGE_BIDI": translation.get_language_bidi(),
        }
        message = EmailMultiAlternatives(
            subject=str(subject),
            body=render_to_string(f"newsletter/email/{template}.txt", context),
            from_email=settings.NEWSLETTER_FROM_EMAIL or settings.DEFAULT_FROM_EMAIL,
            to=[subscriber.email],
            headers=unsubscribe_headers(link),
        )
        message.attach_alternative(
            render_to_string(f"newsletter/email/{template}.html", context), "text/html"
        )
    return message


def confirmation_message(subscriber, pending):
    with translation.override(subscriber.language):
        lists = [subscription.mailing_list.localized for subscription in pending]
        return message_to(
            subscriber,
            _("Please confirm your subscription"),
            "confirm",
            {
                "confirm_url": confirmation_url(subscriber),
                "lists": lists,
                "max_age_days": settings.NEWSLETTER_CONFIRM_MAX_AGE_DAYS,
            },
        )
