"""Listing pages show their items a page at a time: a library of thousands of resources rendered
whole would take seconds on each cold request and weigh megabytes on a phone."""

from django.core.paginator import Paginator

from core.renditions import prefetch_pictures

ITEMS_PER_PAGE = 24


def paginated(request, items, per_page=ITEMS_PER_PAGE):
    """The page of `items` that `?page=` asks for (the first when it is not a number, the last
    when it is beyond the end), with the renditions of their pictures, and the rest of the
    query string for links to the others."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    prefetch_pictures(*page.object_list)
    others = request.GET.copy()
    others.pop("page", None)
    return {"page_obj": page, "page_query": others.urlencode()}
