"""Editors' search promotions (wagtail.contrib.search_promotions, Settings › Promoted search
results): chosen results shown above the others for a query, in each language.

A promotion's query is not tied to a language, so its page is shown in the visitor's: the
promoted page itself or its translation, when that is live and public; a page with no such
translation is not shown in that language. An editor who wants a page for the French query
"hypertrucage" promotes it under that query. External links are shown in every language.

The promotions are read without `Query.get`, which would create a row for every query a
visitor types, and no hit is counted (`Query.add_hit`): the site keeps no record of what its
visitors search for, not even as anonymous daily counts."""

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from search.query import searchable_pages

MAX_PROMOTIONS = 5


@dataclass
class Promotion:
    title: str
    url: str
    description: str
    page: object = None


def promotions_for(query, locale):
    """The promotions of `query` for visitors of `locale`, in the editors' order."""
    chosen = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")[:MAX_PROMOTIONS]
    )
    if not chosen:
        return []
    keys = [promotion.page.translation_key for promotion in chosen if promotion.page]
    pages = {
        page.translation_key: page
        for page in searchable_pages(locale).filter(translation_key__in=keys).specific()
    }
    shown = []
    for promotion in chosen:
        if promotion.page is None:
            shown.append(
                Promotion(
                    promotion.external_link_text or promotion.external_link_url,
                    promotion.external_link_url,
                    promotion.description,
                )
            )
        elif page := pages.get(promotion.page.translation_key):
            # The description is in the promoted page's language: not shown with a translation.
            description = promotion.description if page.pk == promotion.page_id else ""
            shown.append(Promotion(page.title, page.url, description, page))
    return shown
