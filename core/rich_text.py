"""Links to pages and documents in rich text: every link of a page read in two queries, however
many texts and blocks hold them, and pages followed to their translation in the visitor's
language.

Wagtail expands the links of each text on its own (a query per text and per kind of link, and
per link for a page's translation). `prefetch_links(page)`, called before a page is rendered or
serialized, reads all the links of its texts and StreamFields at once and keeps them for the
request (core/request_memo.py); the link handlers below read from there first. Documents are
kept with those chosen in blocks (core/chosen.py), so that both are read in one query."""

from django.utils.html import escape
from wagtail.api.rich_text import APIRichText
from wagtail.documents import get_document_model
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.rich_text.rewriters import FIND_A_TAG, LinkRewriter, extract_attrs

from core.chosen import read_known
from core.localization import active_language_code, localized_pages_by_id
from core.request_memo import request_memo

PAGE_LINKS = "rich_text_page_links"
PREFETCHED = "_rich_text_links_prefetched"


def linked_ids(attrs_list, linktype):
    ids = []
    for attrs in attrs_list:
        value = str(attrs.get("id", ""))
        if attrs.get("linktype", linktype) == linktype:
            ids.append(int(value) if value.isdigit() else None)
    return ids


def pages_by_id(ids):
    """{id: page in the visitor's language} for `ids`, from the request's prefetched links
    first."""
    known = request_memo().setdefault((PAGE_LINKS, active_language_code()), {})
    missing = {pk for pk in ids if pk and pk not in known}
    if missing:
        found = localized_pages_by_id(missing, require_live=False)
        known.update({pk: found.get(pk) for pk in missing})
    return known


def documents_by_id(ids):
    return read_known(get_document_model(), ids)


class LocalizedPageLinkHandler(PageLinkHandler):
    """Wagtail's page links: each page's live translation in the active language, else the
    page itself."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        ids = linked_ids(attrs_list, "page")
        pages = pages_by_id(ids)
        return [f'<a href="{escape(pages[pk].url)}">' if pages.get(pk) else "<a>" for pk in ids]


class PrefetchedDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        ids = linked_ids(attrs_list, "document")
        documents = documents_by_id(ids)
        return [
            f'<a href="{escape(documents[pk].url)}">' if documents.get(pk) else "<a>" for pk in ids
        ]


def prefetch_links(*pages):
    """Read every page and document the rich texts of `pages` link to (in StreamFields too), in
    one query each, for the rest of the request, in the active language. Pages done before in
    this request are skipped."""
    pages = [page for page in pages if not page.__dict__.get(PREFETCHED)]
    attrs_list = links_in(pages)
    pages_by_id(linked_ids(attrs_list, "page"))
    documents_by_id(linked_ids(attrs_list, "document"))
    for page in pages:
        page.__dict__[PREFETCHED] = True


def linked_document_ids(pages):
    """The ids of the documents the rich texts of `pages` link to."""
    return {pk for pk in linked_ids(links_in(pages), "document") if pk}


def links_in(pages):
    """The attributes of every link in the rich texts of `pages`, StreamFields included."""
    return [
        extract_attrs(tag.group(1))
        for page in pages
        for text in texts_of(page)
        if "linktype=" in text
        for tag in FIND_A_TAG.finditer(text)
    ]


def texts_of(page):
    for field in page._meta.concrete_fields:
        if isinstance(field, RichTextField):
            yield getattr(page, field.attname) or ""
        elif isinstance(field, StreamField):
            yield from strings_in(list(getattr(page, field.attname).raw_data))


def strings_in(data):
    """Every string in JSON-like `data` (a StreamField's stored blocks)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from strings_in(value)


# Rich text in the APIs --------------------------------------------------------------------------


def rich_text_for_api(html, request=None, features=None):
    """Stored rich text in the format of the request's `?rich_text_format=` (else
    WAGTAILAPI_RICH_TEXT_FORMAT). In `html` and `markdown` alike, links to pages lead to their
    translation in the active language (the page's, which the APIs activate): Wagtail's own
    Markdown links to the page chosen, whatever its language, and reads each link on its own.
    The stored formats (`db_html`, `db_markdown`) keep the stored references, as Wagtail's.
    An unknown format raises RichTextFormatError (both APIs refuse it before)."""
    rich_text_format = APIRichText.resolve_format(
        request.GET.get("rich_text_format") if request is not None else None
    )
    if rich_text_format == APIRichText.FORMAT_MARKDOWN:
        html = with_resolved_links(html or "")
    return APIRichText.serialize(html or "", format=rich_text_format, features=features)


def with_resolved_links(html):
    """`html` with its links to pages and documents as plain `href`s, as in the site's HTML."""
    rewrite = LinkRewriter(
        bulk_rules={
            "page": LocalizedPageLinkHandler.expand_db_attributes_many,
            "document": PrefetchedDocumentLinkHandler.expand_db_attributes_many,
        }
    )
    return rewrite(html)
