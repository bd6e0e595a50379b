"""Sign-ups through API v3, for headless frontends: `POST /api/v3/newsletter/sign-up/`,
`confirm/` and `unsubscribe/` (and `GET mailing-lists/`, from cms/api/v3.py), each answered in
JSON, every refusal a problem (cms/api/problems.py).

The same rules as the form on pages (newsletter/): the same validation of addresses and lists,
the same limits per network (the browser's, when the frontend calls from the browser through
CORS; a frontend that calls from its server counts as one network), the same answer whether or
not the address is known, and only a confirmation email sent. The confirmation and unsubscribe
tokens are those of the emailed links (the last part of their address)."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from pydantic import Field
from wagtail.models import Locale

from cms.api import problems, representations
from newsletter import limits, subscriptions
from newsletter.forms import SignUpForm
from newsletter.models import MailingList

router = Router(tags=["newsletter"])
# Ids any database takes (SQLite's and PostgreSQL's 64-bit integers): beyond, a 422.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]


class SignUpIn(Schema):
    email: str = Field(max_length=254, description="The address to confirm.")
    lists: list[Id | str] = Field(
        min_length=1, max_length=5, description="Mailing lists, by `id` or `slug`."
    )
    locale: str | None = Field(
        None, description="The subscriber's language (the emails'); the default one without it."
    )
    consent_wording: Id | None = Field(
        None, description="The `id` of the consent wording shown; the current one without it."
    )
    page: Id | None = Field(None, description="The id of the page signed up on, if any.")
    website: str = Field("", max_length=200, description="A honeypot: people leave it empty.")


class SignUpOut(Schema):
    status: str = Field(description="Always `pending`: a confirmation email is on its way.")
    detail: str


class TokenIn(Schema):
    token: str = Field(max_length=500, description="The last part of the emailed link.")


class ListsOut(Schema):
    lists: list[str] = Field(description="The slugs of the lists concerned.")


def list_ids(values, locale):
    """Ids for the lists named by id or slug; "unknown" for a slug no list has (refused by the
    form, as an unknown id is)."""
    slugs = [value for value in values if isinstance(value, str) and value.isprintable()]
    by_slug = dict(
        MailingList.objects.filter(slug__in=slugs, locale__in=[locale, Locale.get_default()])
        .order_by("locale_id")
        .values_list("slug", "pk")
    )
    return [by_slug.get(value, "unknown") if isinstance(value, str) else value for value in values]


def form_errors(form):
    return [
        {
            "loc": ["body", "consent_wording" if name == "consent" else name],
            "msg": str(error),
            "type": "invalid",
        }
        for name, errors in form.errors.items()
        for error in errors
    ]


@router.post(
    "/newsletter/sign-up/",
    response={202: SignUpOut},
    url_name="newsletter_sign_up",
    summary="Sign up for mailing lists (double opt-in)",
    operation_id="newsletter_sign_up",
)
def sign_up(request: HttpRequest, body: SignUpIn):
    """Sends a confirmation email in `locale`'s language; nothing counts until it is followed.
    The answer is the same whether or not the address is known. 429 beyond the network's
    hourly limit (`Retry-After`)."""
    language = body.locale or Locale.get_default().language_code
    if language not in representations.language_codes():
        raise HttpError(400, f"locale '{language}' doesn't exist")
    locale = Locale.objects.get(language_code=language)
    if not limits.network_allows_sign_up(request):
        response = problems.problem_response(429, "too many sign-ups from this network")
        response["Retry-After"] = str(limits.retry_after_seconds())
        return response
    answer = {"status": "pending", "detail": "A confirmation email is on its way."}
    form = SignUpForm(
        {
            "email": body.email,
            "lists": list_ids(body.lists, locale),
            "consent": body.consent_wording or "",
            "page": body.page or "",
            "website": body.website,
        }
    )
    if form.is_bot():
        return Status(202, answer)
    if not form.is_valid():
        errors = form_errors(form)
        return problems.problem_response(422, errors[0]["msg"], errors)
    subscriptions.sign_up(
        form.cleaned_data["email"],
        language,
        form.cleaned_data["lists"],
        form.cleaned_data["consent"],
        form.signed_up_on() or "API",
    )
    return Status(202, answer)


@router.post(
    "/newsletter/confirm/",
    response=ListsOut,
    url_name="newsletter_confirm",
    summary="Confirm a sign-up with the emailed token",
    operation_id="newsletter_confirm",
)
def confirm(request: HttpRequest, body: TokenIn):
    try:
        subscriber = subscriptions.confirm(body.token)
    except subscriptions.InvalidLink:
        raise HttpError(404, "this token is expired or not valid: sign up again") from None
    return {"lists": [mailing_list.slug for mailing_list in subscriber.confirmed_lists()]}


@router.post(
    "/newsletter/unsubscribe/",
    response=ListsOut,
    url_name="newsletter_unsubscribe",
    summary="Unsubscribe with the token of an emailed unsubscribe link",
    operation_id="newsletter_unsubscribe",
)
def unsubscribe(request: HttpRequest, body: TokenIn):
    """From one list or from all, as the token says; `lists` are those just left."""
    try:
        ended = subscriptions.unsubscribe(body.token)
    except subscriptions.InvalidLink:
        raise HttpError(404, "this token is not valid") from None
    return {"lists": [mailing_list.slug for mailing_list in ended]}
