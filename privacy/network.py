"""Where a request comes from, as far as throttles (sign-in, newsletter sign-up) need to know:
the client's network (/24 for IPv4, /48 for IPv6, as in the logs: privacy.logging), never its
full address.

The client is the peer of this server (REMOTE_ADDR) unless the operator says that
TRUSTED_PROXY_COUNT proxies stand in front of it: then it is the address the outermost of them
saw, which each proxy appends to X-Forwarded-For. Anything a client writes into that header
itself stands further left and is ignored."""

import ipaddress

from django.conf import settings

from privacy.logging import PREFIX_LENGTHS

UNKNOWN_NETWORK = "unknown"


def client_address(request):
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [hop for hop in forwarded if hop]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return address


def network_of(address):
    """`address`'s network as text ("203.0.113.0/24", "2001:db8::/48"), or UNKNOWN_NETWORK."""
    try:
        parsed = ipaddress.ip_address(address)
        parsed = getattr(parsed, "ipv4_mapped", None) or parsed
        prefix = PREFIX_LENGTHS[parsed.version]
        return str(ipaddress.ip_network(f"{parsed}/{prefix}", strict=False))
    except ValueError:
        return UNKNOWN_NETWORK


def client_network(request):
    """The client's network (django-axes' AXES_CLIENT_IP_CALLABLE): what axes counts failures
    by, stores and logs in place of an IP address."""
    return network_of(client_address(request))
