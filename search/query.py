"""What site search looks in: the live, public pages of the visitor's language, never a story
whose consent has lapsed, sorted into the kinds a visitor can choose between.

The filters are conditions of the search itself (in every backend), and the database rows are
read again with them when results are shown: a page unpublished, made private or taken down for
its consent leaves the results at once, before its index entry is updated in the background."""

import unicodedata

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.models import CampaignPage
from resources.models import ResourcePage
from stories.models import ConsentRecord, SurvivorStoryPage

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
# The kinds of results (?type=), in the order of the filter's links; "page" is every other page.
KIND_MODELS = {"resource": ResourcePage, "campaign": CampaignPage, "story": SurvivorStoryPage}
KIND_LABELS = {
    "resource": _("Resources"),
    "campaign": _("Campaigns"),
    "story": _("Stories"),
    "page": _("Pages"),
}
# What a result says it is.
KIND_NAMES = {
    "resource": _("Resource"),
    "campaign": _("Campaign"),
    "story": _("Survivor story"),
    "page": _("Page"),
}


def search_words(text):
    """The words of a query: letters, digits and combining marks (Arabic vowel signs) kept,
    everything else (punctuation, symbols, quotes, control characters) read as a space, so that
    no backend's query syntax ever sees it."""
    kept = "".join(
        char if unicodedata.category(char)[0] in "LNM" else " " for char in text.casefold()
    )
    return kept.split()


def consent_lapsed():
    """Stories whose consent no longer lets them be on the site, by translation key (the story
    and its translations share one record), before the take-down job gets to them."""
    today = timezone.localdate()
    lapsed = ConsentRecord.objects.filter(
        Q(withdrawn_on__lte=today)
        | Q(expires_on__lte=today)
        | Q(given_on__gt=today)
        | Q(covers_web=False),
        story__isnull=False,
    )
    return list(lapsed.values_list("story__translation_key", flat=True))


def searchable_pages(locale):
    """The pages site search may show in `locale`."""
    pages = Page.objects.live().public().filter(locale=locale)
    lapsed = consent_lapsed()
    if lapsed:
        pages = pages.exclude(translation_key__in=lapsed)
    return pages


def kind_content_types():
    """The content type id of each kind's model (Django keeps them after the first query)."""
    types = ContentType.objects.get_for_models(*KIND_MODELS.values())
    return {kind: types[model].pk for kind, model in KIND_MODELS.items()}


def of_kind(pages, kind):
    """`pages` of one kind ("page": those of no other kind); all of them for "" """
    types = kind_content_types()
    if kind in types:
        return pages.filter(content_type=types[kind])
    if kind == "page":
        return pages.exclude(content_type__in=list(types.values()))
    return pages


def counts_by_kind(facet):
    """{kind: number of results} from a content-type facet of the results."""
    kinds = {pk: kind for kind, pk in kind_content_types().items()}
    counts = dict.fromkeys(KIND_LABELS, 0)
    for content_type, count in facet.items():
        counts[kinds.get(content_type, "page")] += count
    return counts
