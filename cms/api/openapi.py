"""How API v3's operations answer, in its OpenAPI document, beyond what Wagtail declares.

Wagtail and django-ninja document only each operation's success. Every failure of API v3 is an
RFC 7807 problem (`application/problem+json`, wagtail.api.v3.errors), so each operation here also
declares the error statuses it can answer with that body: clients and contract testers
(schemathesis, in CI: tests/fuzz/) then know every answer they may get.
"""

from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail

PROBLEM_SCHEMA = "ProblemDetail"

ERRORS = {
    "400": "Bad request: a parameter is malformed or out of bounds; `detail` says which.",
    "401": "Authentication required: send a valid API token (`Authorization: Bearer …`).",
    "403": "The token's user may not do this; `detail` says why when it is a publishing rule.",
    "404": "Not found, or not visible to this client: an id in the path, the body or a filter.",
    "409": "Conflicts with existing content, e.g. a slug or address already in use.",
    "422": "Validation failed: `errors` lists each invalid field, with its location.",
}
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


def complete_document(schema):
    """Wagtail's document, with anonymous access described and each operation's answers."""
    return document_answers(describe_anonymous_access(schema))


def document_answers(schema):
    """Complete an OpenAPI document: the problem schema, each operation's error answers, the
    finders' redirects; operations that no request can reach are left out."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components[PROBLEM_SCHEMA] = ProblemDetail.model_json_schema(
        ref_template="#/components/schemas/{model}"
    )
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
