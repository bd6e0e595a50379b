from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def query_problem(query):
    """Why the search words cannot be searched for, in the visitor's language; None if they can.
    (PostgreSQL refuses NUL characters in text, and long queries cost it dearly.)"""
    if "\x00" in query:
        return _("Your search contains a character that cannot be searched for.")
    if len(query) > MAX_QUERY_LENGTH:
        return _("Your search is too long: use at most %(limit)s characters.") % {
            "limit": MAX_QUERY_LENGTH
        }
    return None


def search(request):
    """Search the live pages of the visitor's language."""
    query = request.GET.get("q", "").strip()
    problem = query_problem(query)
    results = Page.objects.none()
    if query and not problem:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    context = {
        "search_query": "" if problem else query,
        "search_results": page,
        "search_problem": problem,
    }
    return TemplateResponse(request, "search/search.html", context, status=400 if problem else 200)
