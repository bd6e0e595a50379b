"""How API v3's operations answer, in its OpenAPI document, beyond what Wagtail declares.

Wagtail and django-ninja document only each operation's success. Every failure of API v3 is an
RFC 9457 problem (`application/problem+json`, cms/api/problems.py), so each operation here also
declares the error statuses it can answer with that body: clients and contract testers
(schemathesis, in CI: tests/fuzz/) then know every answer they may get. The document also
names the server (`WAGTAILAPI_BASE_URL`, the base of every `detail_url`), tells page types
apart (cms/api/discriminator.py), and marks as required every field an answer always has.
"""

from django.conf import settings

from cms.api import discriminator, problems
from cms.api.problems import PROBLEM_JSON

PROBLEM_SCHEMA = "Problem"

ERRORS = {
    "400": "Bad request: a parameter is malformed or out of bounds; `detail` says which.",
    "401": "Authentication required: send a valid API token (`Authorization: Bearer …`).",
    "403": "The token's user may not do this; `detail` says why when it is a publishing rule.",
    "404": "Not found, or not visible to this client: an id in the path, the body or a filter.",
    "409": "Conflicts with existing content, e.g. a slug or address already in use.",
    "422": "Validation failed: `errors` lists each invalid field, with its location.",
    "429": "Too many requests from this network: try again after `Retry-After` seconds.",
}
# The operations that are rate limited (newsletter/limits.py): only they declare a 429.
RATE_LIMITED = {"newsletter_sign_up"}
WRITES = {"post", "put", "patch"}
# Operations that answer with a redirect to the detail of what they found.
FINDERS = {
    "pages_find": "the page's detail, `GET /api/v3/pages/{page_id}/`",
    "redirects_find": "the redirect's detail, `GET /api/v3/redirects/{redirect_id}/`",
}


def error_statuses(method, operation):
    """The error statuses of one operation, from what it takes and who may call it."""
    # Any parameter may be refused (a NUL character always is: cms/api/urls.py).
    statuses = {"400"}
    if operation.get("parameters") or operation.get("requestBody"):
        # An id in the path, the body or a filter (`?site=`, `?child_of=`) may name nothing.
        statuses |= {"404", "422"}
    if {} not in operation.get("security", [{}]):
        statuses |= {"401", "403"}
    if method in WRITES:
        statuses.add("409")
    if operation.get("operationId") in RATE_LIMITED:
        statuses.add("429")
    return statuses


def problem_response(status):
    return {
        "description": ERRORS[status],
        "content": {PROBLEM_JSON: {"schema": {"$ref": f"#/components/schemas/{PROBLEM_SCHEMA}"}}},
    }


def redirect_response(target):
    return {
        "description": f"Found: `Location` is the address of {target}, with the other parameters.",
        "headers": {"Location": {"required": True, "schema": {"type": "string"}}},
    }


def callable_by_no_request(operation):
    """Wagtail declares the snippet revision and draft operations even when no snippet model has
    revisions or drafts: their `type` then accepts only an empty string, which no address has."""
    return any(
        parameter["in"] == "path" and parameter["schema"].get("const") == ""
        for parameter in operation.get("parameters", [])
    )


def describe_anonymous_access(schema):
    """Anonymous access as OpenAPI means it: Wagtail's `AllowAnonymous` fallback appears as an
    HTTP security scheme without a `scheme`, which is invalid; an empty security requirement
    (`{}`) says that no credentials are needed."""
    schemes = schema.get("components", {}).get("securitySchemes", {})
    if schemes.pop("AllowAnonymous", None) is None:
        return schema
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "security" in operation:
                operation["security"] = [
                    {} if "AllowAnonymous" in requirement else requirement
                    for requirement in operation["security"]
                ]
    if not schemes:
        schema["components"].pop("securitySchemes")
    return schema


def declare_public_operations(schema):
    """The project's own read operations (taxonomies, `/site/`, `/locales/`) declare no security:
    they need no credentials, and the document says so (`[{}]`), as Wagtail's do. An operation
    with no security at all leaves clients guessing, and openapi-typescript refuses the
    document."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation.setdefault("security", [{}])
    return schema


def complete_document(schema):
    """Wagtail's document, with anonymous access described, each operation's answers, the
    server, page types told apart and the fields always sent required."""
    schema = document_answers(declare_public_operations(describe_anonymous_access(schema)))
    schema["servers"] = [{"url": settings.WAGTAILAPI_BASE_URL or "/", "description": "This site"}]
    schema = require_fields_always_sent(discriminator.describe_page_types(schema))
    return leave_out_unused_schemas(let_the_path_choose_the_type(schema))


def document_answers(schema):
    """Complete an OpenAPI document: the problem schema, each operation's error answers, the
    finders' redirects; operations that no request can reach are left out."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    problem_schemas = problems.Problem.model_json_schema(
        ref_template="#/components/schemas/{model}"
    )
    components.update(problem_schemas.pop("$defs"))
    components[PROBLEM_SCHEMA] = problem_schemas
    for path, operations in list(schema.get("paths", {}).items()):
        for method, operation in list(operations.items()):
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            if callable_by_no_request(operation):
                del operations[method]
                continue
            # django-ninja's statuses are numbers, JSON's keys strings: one spelling, no doubles.
            operation["responses"] = {str(k): v for k, v in operation["responses"].items()}
            if operation.get("operationId") in FINDERS:
                operation["responses"] = {
                    "302": redirect_response(FINDERS[operation["operationId"]])
                }
            for status in sorted(error_statuses(method, operation)):
                operation["responses"].setdefault(status, problem_response(status))
        if not operations:
            del schema["paths"][path]
    return schema


# What an answer leaves out when it is empty (Wagtail's `exclude_if`); every other field of an
# answer is always sent, `null` when it has no value. A field that an answer may leave out (one
# shown only when asked for, say) belongs here too, or generated clients will trust it is there.
OMITTED_WHEN_EMPTY = {"warnings", "removals"}


def references(node):
    """The components `node` refers to, directly."""
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"].rsplit("/", 1)[-1]
        for value in node.values():
            yield from references(value)
    elif isinstance(node, list):
        for value in node:
            yield from references(value)


def reachable(components, names):
    seen, waiting = set(), list(names)
    while waiting:
        name = waiting.pop()
        if name not in seen and name in components:
            seen.add(name)
            waiting.extend(references(components[name]))
    return seen


def require_fields_always_sent(schema):
    """Django-ninja marks a field required only when a request must send it: in the schemas of
    answers (not those of requests, which share no component with them), each field an answer
    always has is required, so that a generated client types it as always there."""
    components = schema["components"]["schemas"]
    answers, requests = [], []
    for operations in schema["paths"].values():
        for operation in operations.values():
            if isinstance(operation, dict):
                answers += references(operation.get("responses", {}))
                requests += references([operation.get("requestBody"), operation.get("parameters")])
    for name in reachable(components, answers) - reachable(components, requests):
        properties = components[name].get("properties")
        if properties:
            components[name]["required"] = [
                field for field in properties if field not in OMITTED_WHEN_EMPTY
            ]
    return schema


def leave_out_unused_schemas(schema):
    """Django-ninja adds the schemas of filters (read as query parameters) and of operations left
    out (`callable_by_no_request`) to the components: no answer or request
    has them, and generators would emit types nothing uses."""
    components = schema["components"]["schemas"]
    used = reachable(components, references(schema["paths"]))
    for name in set(components) - used:
        del components[name]
    return schema


def says_its_type(components, member):
    """Whether a request body's member always names its type (a required, non-null `meta`)."""
    schema = components.get(member.get("$ref", "").removeprefix(discriminator.REF), {})
    return "meta" in schema.get("required", []) and "$ref" in schema["properties"]["meta"]


def let_the_path_choose_the_type(schema):
    """A body that may leave out `meta` (a page's or a snippet's changes, a new snippet) takes
    its type from the path (`{page_id}`, `{type}`): such a body matches every member of
    Wagtail's `oneOf`, which JSON Schema then refuses. `anyOf` says what the API accepts."""
    components = schema["components"]["schemas"]
    for operations in schema["paths"].values():
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            content = operation.get("requestBody", {}).get("content", {})
            body = content.get("application/json", {}).get("schema", {})
            members = body.get("oneOf", [])
            if members and not all(says_its_type(components, member) for member in members):
                body["anyOf"] = body.pop("oneOf")
                body["description"] = "One of these types, the one the path names."
    return schema
