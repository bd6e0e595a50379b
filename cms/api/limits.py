"""How much one request may ask of the APIs: bounds on every query parameter, checked before any
view runs (cms/api/urls.py), so that a short anonymous URL cannot make the database work for
seconds (each value of `?tags=` is one more join) or reach it with a value it refuses (a NUL
character, a number beyond 64 bits).

Each bound is generous for a real frontend, and the 400 that refuses a request says which one.
"""

# Parameters whose value is a list: separated by commas in API v2, repeated in API v3.
LIST_PARAMETERS = (
    "fields",
    "order",
    "type",
    "tags",
    "topic",
    "region",
    "partner",
    "resource_type",
)
MAX_LIST_VALUES = 20
MAX_VALUES_OF = {
    "fields": 50,  # nested fields count too, e.g. `body(type,value)`
    # Each tag is one more join (an object must have them all): 10 cost PostgreSQL about 0.1 s.
    "tags": 10,
}
MAX_LIST_VALUE_LENGTH = 255  # the longest slug or tag
# Free text, never a number or a list.
TEXT_PARAMETERS = ("search", "html_path")
MAX_SEARCH_LENGTH = 200
MAX_VALUE_LENGTH = 1000
MAX_REPEATS = MAX_LIST_VALUES
# Beyond this, a number no longer fits the databases' 64-bit integers.
MAX_INTEGER = 2**63 - 1
# Far beyond any listing here; it keeps offset + limit within 64 bits.
MAX_OFFSET = 1_000_000
# Parameters that name an object by its id (Wagtail's API v3 reads some of them as text).
ID_PARAMETERS = ("id", "translation_of", "child_of", "ancestor_of", "descendant_of", "user_id")
NULL_MESSAGE = "null characters are not allowed in parameters"


def is_id(value):
    """Whether `value` is an object id: digits 0-9 only. (`str.isdigit` also accepts "²" and
    "①", which `int()` refuses.)"""
    return value.isascii() and value.isdigit() and int(value) <= MAX_INTEGER


def parameter_problem(query):
    """The parameter at fault among the query parameters (a QueryDict) and what is wrong with
    it, in one sentence: `(name, message)`; None if nothing."""
    for name, values in query.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            return name.replace("\x00", ""), NULL_MESSAGE
        problem = None
        if name in LIST_PARAMETERS:
            problem = list_problem(name, [item for value in values for item in value.split(",")])
        elif len(values) > MAX_REPEATS:
            problem = f"{name} is given {len(values)} times: at most {MAX_REPEATS}"
        problem = problem or next(filter(None, (value_problem(name, v) for v in values)), None)
        if problem:
            return name, problem
    return None


def value_problem(name, value):
    if name in TEXT_PARAMETERS:
        limit = MAX_SEARCH_LENGTH if name == "search" else MAX_VALUE_LENGTH
        if len(value) > limit:
            return f"{name} is too long: at most {limit} characters, not {len(value)}"
        return None
    if len(value) > MAX_VALUE_LENGTH:
        return f"{name} is too long: at most {MAX_VALUE_LENGTH} characters, not {len(value)}"
    number = value.removeprefix("-")
    if number.isdigit() and not number.isascii():
        return f"{name} must be written with the digits 0 to 9, not '{value}'"
    if number.isdigit() and int(number) > MAX_INTEGER:
        return f"{name} is out of range: at most {MAX_INTEGER}"
    if name == "offset" and number.isdigit() and int(value) > MAX_OFFSET:
        return f"offset cannot be higher than {MAX_OFFSET}"
    if name in ID_PARAMETERS and value != "root" and not is_id(value):
        return f"{name} must be an id (a positive integer), not '{value}'"
    return None


def list_problem(name, items):
    limit = MAX_VALUES_OF.get(name, MAX_LIST_VALUES)
    if len(items) > limit:
        return f"{name} takes at most {limit} values, not {len(items)}"
    if any(len(item) > MAX_LIST_VALUE_LENGTH for item in items):
        return f"each value of {name} is at most {MAX_LIST_VALUE_LENGTH} characters long"
    return None


def path_problem(kwargs):
    """The id in the path that names no object (Wagtail's API v3 snippet endpoints read `pk` as
    text, and its page updates read `page_id` before validating it), and why: `(name, message)`;
    None if they may."""
    for name, value in kwargs.items():
        if (name == "pk" or name.endswith("_id")) and not is_id(str(value)):
            return name, f"no object with the id '{value}': ids are positive integers"
    return None
