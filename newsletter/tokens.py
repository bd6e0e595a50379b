"""The signed values of the sign-up journey, each with its own salt so that none can stand in for
another: the confirmation link (expires), the unsubscribe links (never expire: they are in every
email ever sent) and the time a form was shown (too soon or too old is refused)."""

import datetime

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
FORM_SALT = "newsletter.form"
ALL_LISTS = "all"


class FormTooOld(Exception):
    pass


class FormTooFast(Exception):
    pass


def confirmation_token(subscriber):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscriber.key.hex)


def subscriber_key_of_confirmation(token):
    """The subscriber key a confirmation token names; signing.SignatureExpired (a subclass of
    BadSignature) when older than NEWSLETTER_CONFIRM_MAX_AGE_DAYS, BadSignature when forged."""
    max_age = datetime.timedelta(days=settings.NEWSLETTER_CONFIRM_MAX_AGE_DAYS)
    return signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=max_age)


def unsubscribe_token(subscriber, mailing_list=None):
    """For one list, or for every list of the subscriber when `mailing_list` is None."""
    scope = str(mailing_list.pk) if mailing_list else ALL_LISTS
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(f"{subscriber.key.hex}.{scope}")


def unsubscribe_scope(token):
    """(subscriber key, list id or None for all); signing.BadSignature when forged."""
    key, _dot, scope = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token).partition(".")
    return key, (None if scope == ALL_LISTS else int(scope))


def form_token():
    return signing.TimestampSigner(salt=FORM_SALT).sign("form")


def check_form_token(token):
    """FormTooFast when sent sooner than NEWSLETTER_FORM_MIN_SECONDS after the form was made,
    FormTooOld when older than NEWSLETTER_FORM_MAX_AGE_HOURS; BadSignature when forged."""
    signer = signing.TimestampSigner(salt=FORM_SALT)
    max_age = datetime.timedelta(hours=settings.NEWSLETTER_FORM_MAX_AGE_HOURS)
    try:
        signer.unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise FormTooOld from error
    if not settings.NEWSLETTER_FORM_MIN_SECONDS:
        return
    min_age = datetime.timedelta(seconds=settings.NEWSLETTER_FORM_MIN_SECONDS)
    try:
        signer.unsign(token, max_age=min_age)
    except signing.SignatureExpired:
        return  # older than the least time a person takes
    raise FormTooFast
