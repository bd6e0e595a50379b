"""Logs keep no visitor's full IP address (visitors may be at risk): every IPv4 address in a log
line is cut to its /24 network and every IPv6 address to its /48, which still tells an operator
where trouble comes from (this machine's own addresses, 127.0.0.1, ::1 and 0.0.0.0, stay). For
Django's loggers (settings.LOGGING) and gunicorn's. Gunicorn's access log also leaves out the
query string of a search (Django's request log lines carry no query string)."""

import ipaddress
import logging
import re

from gunicorn.glogging import Logger

# Candidates only: each is checked by the ipaddress module (so times such as 12:30:45 stay).
IP_ADDRESS = re.compile(
    r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?!\w|\.\d)"  # IPv4, perhaps followed by :port
    r"|(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?(?![\w:]|\.\d)"
)
PREFIX_LENGTHS = {4: 24, 6: 48}


def truncate_ip_address(match):
    text = match.group()
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return text
    address = getattr(address, "ipv4_mapped", None) or address
    if address.is_loopback or address.is_unspecified:
        return text  # this machine (a proxy in front, an address to listen on): no visitor
    return str(ipaddress.ip_network(f"{address}/{PREFIX_LENGTHS[address.version]}", strict=False))


def truncate_ip_addresses(text):
    """`text` with each IP address in it replaced by its network: 203.0.113.0/24, 2001:db8::/48."""
    return IP_ADDRESS.sub(truncate_ip_address, text)


class TruncateIPAddresses(logging.Filter):
    """Rewrites a record's message (and its traceback) with IP addresses cut to their network."""

    def filter(self, record):
        message = record.getMessage()
        truncated = truncate_ip_addresses(message)
        if truncated != message:
            record.msg, record.args = truncated, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = truncate_ip_addresses(record.exc_text)
        return True


# The query-string parameters that carry what a visitor searched for (the search page's `q`, the
# APIs' `search`): never written to an access log, not even as a referring address.
SEARCH_PARAMETERS = re.compile(r"(?:^|[?&;])(?:q|search)=", flags=re.IGNORECASE)
SEARCH_WORDS_LEFT_OUT = "[search words left out]"


def without_search_words(address):
    """`address` (a path or URL, with its query string) without its query string when that holds
    search words."""
    path, question_mark, query = (address or "").partition("?")
    if question_mark and SEARCH_PARAMETERS.search("?" + query):
        return f"{path}?{SEARCH_WORDS_LEFT_OUT}"
    return address


class GunicornLogger(Logger):
    """Gunicorn's error and access logs with IP addresses cut to their network, and no search
    words in request lines or referring addresses
    (`gunicorn --logger-class privacy.logging.GunicornLogger`)."""

    def __init__(self, cfg):
        super().__init__(cfg)
        for log in (self.error_log, self.access_log):
            log.addFilter(TruncateIPAddresses())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        uri = without_search_words(environ.get("RAW_URI", ""))
        atoms["r"] = f"{environ['REQUEST_METHOD']} {uri} {environ['SERVER_PROTOCOL']}"
        if uri != environ.get("RAW_URI", ""):
            atoms["q"] = SEARCH_WORDS_LEFT_OUT
        for key in ("f", "{referer}i"):
            if key in atoms:
                atoms[key] = without_search_words(atoms[key])
        return atoms
