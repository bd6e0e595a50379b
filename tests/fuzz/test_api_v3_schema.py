"""API v3 answers every request as its OpenAPI document says, however hostile the request.

Schemathesis reads /api/v3/openapi.json and sends each operation its documented examples, the
boundary and invalid values of every parameter and body field (its coverage phase), then random
valid and invalid requests; each answer must not be a 5xx and must match the document: a
documented status, content type and headers, and a body that conforms to the status's schema.

Anonymous clients try the operations that anonymous clients may call, and try the others to be
refused as documented; an Editors token calls every operation, writes included, on the test
database (each operation's writes are rolled back after it).
"""

import pytest
import schemathesis
from django.contrib.auth.models import Group
from django.core.handlers.wsgi import WSGIHandler
from schemathesis.config import SchemathesisConfig

from tests.fuzz.budget import EXAMPLES, SEED

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

CONFIG = {
    "seed": SEED,
    "generation": {"max-examples": EXAMPLES, "deterministic": True, "database": "none"},
    # Operations one after the other, each in its own rolled-back transaction: no state to chain.
    "phases": {"stateful": {"enabled": False}},
    "checks": {
        # Schema-valid requests may still break a rule between parameters that OpenAPI cannot
        # express (`order=random` refuses an `offset`; `child_of` excludes `descendant_of`; a
        # `locale` must be one of the site's): those answer a documented 400 or 422.
        "positive_data_acceptance": {"enabled": False},
        # The API-wide guards of cms/api/urls.py (parameter bounds, NUL bytes, JSON objects) run
        # before authentication and before the method is looked at, so a request they refuse gets
        # their 400, 404 or 422 with or without a token, whatever its method, where these checks
        # want a 401 or a 405. What matters, that no request without a token succeeds, is
        # test_anonymous_clients_are_refused_as_documented.
        "missing_required_header": {"enabled": False},
        "unsupported_method": {"enabled": False},
    },
    "suppress-health-check": ["all"],
}
# Refusing anonymous clients needs no search of the input space: a few requests each.
REFUSALS_CONFIG = {
    **CONFIG,
    "generation": {**CONFIG["generation"], "max-examples": 3},
    "phases": {**CONFIG["phases"], "coverage": {"enabled": False}},
}


def anonymous_may_call(ctx):
    return {} in ctx.operation.definition.raw.get("security", [{}])


def load(config):
    # The document is built without the database, so it is read when the module is collected.
    return schemathesis.openapi.from_wsgi(
        "/api/v3/openapi.json", WSGIHandler(), config=SchemathesisConfig.from_dict(config)
    )


api = load(CONFIG)
public_api = api.include(anonymous_may_call)
private_api = load(REFUSALS_CONFIG).exclude(anonymous_may_call)


# Schemathesis calls the WSGI application directly and reads the body as it comes, without the
# decompression an HTTP client does: ask for it uncompressed (compression: tests/core/).
UNCOMPRESSED = {"Accept-Encoding": "identity"}


@pytest.fixture
def editors_token(django_user_model, create_token):
    user = django_user_model.objects.create_user(username="fuzz-editor", password="x-Fuzz-9-pass")
    user.groups.add(Group.objects.get(name="Editors"))
    return create_token(user, name="fuzz")


@public_api.parametrize()
def test_anonymous_clients_get_documented_answers(case, count_request):
    count_request(f"{case.method} {case.formatted_path} {case.query or ''}")
    case.call_and_validate(headers=UNCOMPRESSED)


@private_api.parametrize()
def test_anonymous_clients_are_refused_as_documented(case, count_request):
    count_request(f"{case.method} {case.formatted_path} {case.query or ''}")
    response = case.call_and_validate(headers=UNCOMPRESSED)
    assert response.status_code in (400, 401, 404, 422), response.text


@api.parametrize()
def test_an_editors_token_gets_documented_answers(case, editors_token, count_request):
    count_request(f"{case.method} {case.formatted_path} {case.query or ''}")
    case.call_and_validate(headers={**UNCOMPRESSED, "Authorization": f"Bearer {editors_token}"})
