"""Whether an email address can receive mail: its syntax (Django's EmailValidator), a size limit
and its domain (a name with a dot, no IP literal, no top-level domain reserved for tests and
examples, RFC 2606 and 6761; optionally a mail server found in DNS)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

MAX_LENGTH = 254  # RFC 5321's limit on a forward path
RESERVED_TOP_LEVEL_DOMAINS = {"example", "invalid", "localhost", "local", "test", "onion"}
RESERVED_DOMAINS = {"example.com", "example.net", "example.org"}
INVALID = _("Enter a valid email address.")
UNDELIVERABLE = _("This address cannot receive email: check the part after the @.")


def normalised(email):
    return email.strip().lower()


def check_domain(domain):
    labels = domain.rstrip(".").split(".")
    if domain.startswith("[") or len(labels) < 2 or all(label.isdigit() for label in labels):
        raise ValidationError(UNDELIVERABLE, code="undeliverable")
    if labels[-1] in RESERVED_TOP_LEVEL_DOMAINS or ".".join(labels[-2:]) in RESERVED_DOMAINS:
        raise ValidationError(UNDELIVERABLE, code="undeliverable")
    if settings.NEWSLETTER_CHECK_MX and not has_mail_server(domain):
        raise ValidationError(UNDELIVERABLE, code="undeliverable")


def has_mail_server(domain):
    import dns.exception
    import dns.resolver

    try:
        return bool(dns.resolver.resolve(domain, "MX", lifetime=3))
    except dns.exception.DNSException:
        return False


def validate_address(email):
    """The address, normalised; ValidationError (with a message for the visitor) otherwise."""
    email = normalised(email)
    if not email or len(email) > MAX_LENGTH:
        raise ValidationError(INVALID, code="invalid")
    EmailValidator(message=INVALID, allowlist=[])(email)
    check_domain(email.rpartition("@")[2])
    return email
