"""The site search page, /{lang}/search/?q=…&type=…&page=…: the visitor's language only (see
search/query.py for what is searched), editors' promotions first, excerpts with the query's
words marked, a filter by kind with the number of results of each, and, when nothing matches,
results for words beginning with the query's, a "Did you mean", featured resources and topics.

Nothing here records the query: no log line, no hit count, no row (README: Search)."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.renditions import prefetch_pictures
from core.restrictions import restricted
from resources.models import FEATURED_RESOURCES_SHOWN, ResourceIndexPage, ResourcePage, Topic
from search.highlight import excerpt
from search.promotions import promotions_for
from search.query import (
    KIND_LABELS,
    KIND_MODELS,
    KIND_NAMES,
    MAX_QUERY_LENGTH,
    MAX_QUERY_WORDS,
    counts_by_kind,
    of_kind,
    search_words,
    searchable_pages,
)
from search.suggestions import did_you_mean

RESULTS_PER_PAGE = 10
TITLE_WORDS = 60


def query_problem(query):
    """Why the search words cannot be searched for, in the visitor's language; None if they can.
    (PostgreSQL refuses NUL characters in text, and long queries cost it dearly.)"""
    if "\x00" in query:
        return _("Your search contains a character that cannot be searched for.")
    if len(query) > MAX_QUERY_LENGTH:
        return _("Your search is too long: use at most %(limit)s characters.") % {
            "limit": MAX_QUERY_LENGTH
        }
    if len(search_words(query)) > MAX_QUERY_WORDS:
        return _("Your search has too many words: use at most %(limit)s.") % {
            "limit": MAX_QUERY_WORDS
        }
    return None


def search(request):
    """Search the live pages of the visitor's language."""
    query = request.GET.get("q", "").strip()
    problem = query_problem(query)
    kind = request.GET.get("type", "")
    context = {
        "search_query": "" if problem else query,
        "search_problem": problem,
        "kind": kind if kind in KIND_LABELS else "",
        "search_results": None,
    }
    words = [] if problem else search_words(query)
    locale = Locale.get_active()
    if words:
        context.update(found(request, words, context["kind"], locale))
        if context["search_results"].paginator.count == 0:
            context.update(help_without_results(locale))
    elif query and not problem:  # punctuation, symbols: nothing to search for
        context.update(help_without_results(locale))
    return TemplateResponse(request, "search/search.html", context, status=400 if problem else 200)


def found(request, words, kind, locale):
    """The context for the results of `words` among pages of `kind` ("" for all)."""
    text = " ".join(words)
    pages = searchable_pages(locale)
    counts = counts_by_kind(pages.search(text).facet("content_type_id"))
    total = counts[kind] if kind else sum(counts.values())
    results = of_kind(pages, kind).specific().search(text)
    by_prefix = total == 0
    if by_prefix:  # "deepfak": the pages with a word beginning so, in their titles
        results = of_kind(pages, kind).specific().autocomplete(text)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    if not by_prefix:
        paginator.__dict__["count"] = total  # known from the counts: no query of its own
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    prefetch_pictures(*page.object_list)
    others = request.GET.copy()
    others.pop("page", None)
    return {
        "search_results": page,
        "results": [result_item(result, words) for result in page.object_list],
        "page_query": others.urlencode(),
        "kinds": kind_links(request, counts),
        "total": sum(counts.values()),
        "by_prefix": by_prefix and paginator.count > 0,
        "suggestion": did_you_mean(words, locale) if total == 0 else None,
        "promotions": promotions_for(text, locale) if page.number == 1 and not kind else [],
    }


def result_item(page, words):
    """What a result shows: its kind, the story's content warning (first), and an excerpt."""
    kind = next((name for name, model in KIND_MODELS.items() if isinstance(page, model)), "page")
    return {
        "page": page,
        "kind": KIND_NAMES[kind],
        "title": excerpt(page.title, words, length=TITLE_WORDS),
        "warning": page.content_warning_summary() if kind == "story" else "",
        "excerpt": excerpt(page.get_summary(), words),
    }


def kind_links(request, counts):
    """The filter by kind: (kind, label, count, query string), "All" first."""
    links = []
    for kind, label in [("", _("All")), *KIND_LABELS.items()]:
        parameters = request.GET.copy()
        parameters.pop("page", None)
        parameters["type"] = kind
        if not kind:
            parameters.pop("type")
        count = sum(counts.values()) if not kind else counts[kind]
        links.append(
            {"kind": kind, "label": label, "count": count, "query": parameters.urlencode()}
        )
    return links


def help_without_results(locale):
    """What a search without results offers instead: featured resources and the topics."""
    featured = list(
        ResourcePage.objects.live()
        .exclude(restricted())
        .filter(locale=locale, featured=True)
        .select_related("resource_type", "cover_image")
        .order_by("-publication_date")[:FEATURED_RESOURCES_SHOWN]
    )
    prefetch_pictures(*featured)
    library = ResourceIndexPage.objects.live().exclude(restricted()).filter(locale=locale).first()
    return {
        "featured_resources": featured,
        "topics": list(Topic.objects.filter(locale=locale)) if library else [],
        "library": library,
    }
