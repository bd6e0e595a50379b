"""The sign-up journey without JavaScript: the form's POST, the confirmation link and the
unsubscribe links, each answering a page of the site in the visitor's language.

The pages that show a sign-up form stay cacheable and set no cookie, so these views take no CSRF
token. What protects them instead: the form's POST is refused from another site's page (Origin
or Referer not one of ALLOWED_HOSTS), counted per network (newsletter/limits.py), carries a
signed time (too fast is a bot, too old is shown again) and a honeypot field, and an address
only ever receives a confirmation email (double opt-in). The confirmation and unsubscribe links
are signed: the token is the authority, so their POSTs need no CSRF token either, and a mail
program's one-click unsubscribe (RFC 8058) POSTs to the link itself. No answer is cached."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.http import HttpResponse
from django.http.request import validate_host
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from newsletter import limits, subscriptions, tokens
from newsletter.forms import SignUpForm

MAX_BODY_BYTES = 4096
ONE_CLICK = "List-Unsubscribe=One-Click"


class FormBox:
    """The form shown again on the result page, with what the visitor wrote."""

    def __init__(self, lists=()):
        self.localized_lists = list(lists)
        self.heading = _("Sign up")
        self.text = ""
        self.button_label = ""
        self.default_button_label = _("Sign up")
        self.box_id = "form"

    @property
    def consent_wording(self):
        from newsletter.models import ConsentWording

        return ConsentWording.current()

    @property
    def form_token(self):
        return tokens.form_token()


def private(response):
    response["X-Robots-Tag"] = "noindex"
    return response


def answer(request, template, status=200, **context):
    return private(TemplateResponse(request, f"newsletter/{template}.html", context, status=status))


def from_another_site(request):
    """True when the browser says the form was sent from a page of another site."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source or source == "null":
        return bool(source)
    host = urlsplit(source).netloc
    allowed = settings.ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]
    return not (validate_host(host, allowed) or host == request.get_host())


def form_problem(request):
    """Why the form's signed time refuses it, or None."""
    try:
        tokens.check_form_token(request.POST.get("form_token", ""))
    except tokens.FormTooFast:
        return _("That was very quick. Please check your address and send the form again.")
    except tokens.FormTooOld:
        return _("This form was open for a long time. Please send it again.")
    except signing.BadSignature:
        return _("This form could not be read. Please send it again.")
    return None


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def sign_up(request):
    if request.method == "GET":
        return answer(request, "sign_up", box=FormBox(lists_on_offer()))
    if len(request.body) > MAX_BODY_BYTES or from_another_site(request):
        return answer(
            request,
            "sign_up",
            status=400,
            box=FormBox(lists_on_offer()),
            errors=[_("This form could not be read. Please send it again.")],
        )
    if not limits.network_allows_sign_up(request):
        response = answer(
            request,
            "sign_up",
            status=429,
            box=FormBox(lists_on_offer()),
            errors=[_("Too many sign-ups from your network. Please try again in an hour.")],
        )
        response["Retry-After"] = str(limits.retry_after_seconds())
        return response
    form = SignUpForm(request.POST)
    if form.is_bot():
        return answer(request, "thanks")  # the same answer as anyone's, and nothing done
    problem = form_problem(request)
    if not form.is_valid() or problem:
        errors = ([problem] if problem else []) + form.errors_shown()
        chosen = [mailing_list.pk for mailing_list in form.cleaned_data.get("lists", [])]
        box = FormBox(lists_posted(request) or lists_on_offer())
        return answer(
            request,
            "sign_up",
            status=400,
            box=box,
            errors=errors,
            email=request.POST.get("email", "")[:254],
            chosen=chosen,
        )
    subscriptions.sign_up(
        form.cleaned_data["email"],
        get_language(),
        form.cleaned_data["lists"],
        form.cleaned_data["consent"],
        form.signed_up_on(),
    )
    return answer(request, "thanks")


def lists_on_offer():
    from wagtail.models import Locale

    from core.localization import localized_objects
    from newsletter.models import MailingList

    return localized_objects(MailingList.objects.filter(locale=Locale.get_default()))


def lists_posted(request):
    from core.localization import localized_objects
    from newsletter.models import MailingList

    ids = [value for value in request.POST.getlist("lists")[:5] if value.isdigit()]
    return localized_objects(MailingList.objects.filter(pk__in=ids)) if ids else []


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        subscriber = subscriptions.subscriber_to_confirm(token)
    except subscriptions.InvalidLink:
        return answer(request, "link_invalid", status=400, box=FormBox(lists_on_offer()))
    if request.method == "GET":
        return answer(request, "confirm", subscriber=subscriber)
    subscriptions.confirm(token)
    return answer(
        request,
        "confirmed",
        lists=[mailing_list.localized for mailing_list in subscriber.confirmed_lists()],
    )


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        _subscriber, active, every_list = subscriptions.subscriptions_to_end(token)
    except subscriptions.InvalidLink:
        return answer(request, "link_invalid", status=400, box=FormBox(lists_on_offer()))
    lists = [subscription.mailing_list.localized for subscription in active]
    if request.method == "GET":
        return answer(request, "unsubscribe", lists=lists, every_list=every_list)
    subscriptions.unsubscribe(token)
    if request.POST.get("List-Unsubscribe") == "One-Click":
        return private(
            HttpResponse(_("You are unsubscribed."), content_type="text/plain; charset=utf-8")
        )
    return answer(request, "unsubscribed", lists=lists)
