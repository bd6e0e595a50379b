"""How much one network and one address may ask for, counted in the shared cache (Redis in
production; keys are hashes, never an address): NEWSLETTER_SIGNUPS_PER_NETWORK_PER_HOUR sign-ups
from one network (/24, /48: privacy.network), NEWSLETTER_EMAILS_PER_ADDRESS_PER_DAY
confirmation emails to one address. A network over its limit is told so (429); an address over
its limit is answered as any other, and no more email is sent to it: nobody can flood someone
else's inbox, and the answer says nothing about the address."""

from hashlib import sha256

from django.conf import settings
from django.core.cache import cache

from privacy.network import client_network

HOUR = 60 * 60
DAY = 24 * HOUR


def _key(kind, value):
    return "newsletter-limit-" + sha256(f"{kind}:{value}".encode()).hexdigest()


def _count(key, timeout):
    """Add one to the counter at `key` (started for `timeout` seconds); the new count."""
    if cache.add(key, 1, timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.add(key, 1, timeout)
        return 1


def network_allows_sign_up(request):
    """Count a sign-up from the request's network; False once beyond the hourly limit."""
    count = _count(_key("network", client_network(request)), HOUR)
    return count <= settings.NEWSLETTER_SIGNUPS_PER_NETWORK_PER_HOUR


def address_allows_email(email):
    """Count an email to `email`; False once beyond the daily limit."""
    return _count(_key("address", email), DAY) <= settings.NEWSLETTER_EMAILS_PER_ADDRESS_PER_DAY


def retry_after_seconds():
    return HOUR
