"""Hostile input for the hypothesis sweeps: the values and addresses that broke this site before
(a NUL byte, a number beyond 64 bits, digits that are not 0-9, a year 0, hundreds of comma values)
and whatever hypothesis makes of the same kinds, sent as raw, percent-encoded query strings."""

from urllib.parse import quote

from hypothesis import strategies as st

KNOWN_TROUBLE = [
    "",
    "0",
    "-1",
    "00",
    "0000",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1e308",
    "NaN",
    "null",
    "true",
    "\x00",
    "a\x00b",
    "①",
    "²",
    "٣",
    "root",
    "..",
    "../..",
    "/",
    "//",
    "%",
    "%00",
    ",",
    ",,,",
    "*",
    "-",
    "_",
    "random",
    "-id",
    "title,-title",
    "0000-01-01",
    "9999-12-31",
    "99999-01-01",
    "2025-02-30",
    "xx",
    "fr-FR",
    "en,fr",
    "home.Page",
    "wagtailcore.Page",
    "resources.ResourcePage",
    "auth.User",
    "body(type,value)",
    "*,-title",
    "' OR 1=1 --",
    "<script>",
    "\u202e",
    "\ufeff",
    "\U0001f600",
]

numbers = st.integers(min_value=-(2**70), max_value=2**70).map(str)
unicode_digits = st.text(st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=4)
comma_lists = st.lists(st.text(max_size=8), min_size=2, max_size=60).map(",".join)
long_text = st.integers(min_value=200, max_value=20_000).map(lambda n: "é" * n)


def values(known=()):
    """Any hostile value, sometimes one a parameter accepts (to get past its first checks)."""
    return st.one_of(
        st.sampled_from(KNOWN_TROUBLE),
        st.text(max_size=30),
        numbers,
        unicode_digits,
        comma_lists,
        long_text,
        *([st.sampled_from(known)] if known else []),
    )


def encoded(text_or_bytes):
    if isinstance(text_or_bytes, str):
        text_or_bytes = text_or_bytes.encode("utf-8", "surrogatepass")
    return quote(text_or_bytes, safe="")


@st.composite
def query_strings(draw, parameters, bases=("",)):
    """A query string of one to four parameters: mostly the endpoint's own (`parameters` maps
    each name to values it accepts), sometimes any name; now and then raw bytes that are not
    UTF-8, or one parameter given many times. It starts with one of `bases` (a query that opens
    the endpoint's deeper filters, such as `type=resources.ResourcePage`)."""
    names = st.one_of(st.sampled_from(sorted(parameters)), st.text(max_size=12))
    pairs = [base for base in [draw(st.sampled_from(bases))] if base]
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        name = draw(names)
        value = draw(st.one_of(values(parameters.get(name, ())), st.binary(max_size=12)))
        repeats = draw(st.sampled_from([1, 1, 1, 2, 50]))
        pairs += [f"{encoded(name)}={encoded(value)}"] * repeats
    return "&".join(pairs)


# One segment of an address: unicode, NUL, dots, percent-encoding (of a slash too, and twice),
# bytes that are not UTF-8, very long, empty, or a real slug.
path_segments = st.one_of(
    st.sampled_from(["..", ".", "", "~", "%2e%2e", "%2F", "%252F", "%00", "%C0%AE", "%ZZ"]),
    st.text(max_size=20).map(encoded),
    st.binary(max_size=10).map(encoded),
    st.integers(min_value=256, max_value=6000).map(lambda n: "a" * n),
    st.sampled_from(["about", "campaigns", "resources", "stories", "search", "find"]),
)


def paths(prefix):
    """Addresses under `prefix`: one to four hostile segments, with or without a final slash."""
    return st.tuples(
        st.lists(path_segments, min_size=1, max_size=4), st.sampled_from(["/", ""])
    ).map(lambda parts: prefix + "/".join(parts[0]) + parts[1])
