"""The places where the site changes Wagtail's API v3 (8.0) through its internals.

Wagtail offers no public hook for them. tests/api/test_library_internals.py fails with the reason
when an upgrade changes the shape a patch relies on: look there first after upgrading Wagtail.
"""

import sys


def build_snippet_schemas_on(base_class):
    """Have Wagtail build the read schemas of `/api/v3/snippets/<type>/` on `base_class`.

    Why: `wagtail.snippets.api.v3.registry.register_content_types()` builds them on its module's
    `BaseSnippetSchema`, chosen by no setting or argument, and registers them, when the
    `wagtail.snippets` app is ready; its router is built from them at once, so registering other
    schemas afterwards (the registry's public way) would come too late. The name is rebound
    before then: this is called from `ApiConfig.ready()`, which runs first (INSTALLED_APPS).
    """
    from wagtail.snippets.api.v3 import registry

    registry.BaseSnippetSchema = base_class


def build_page_schemas_on(detail_base, list_item_base):
    """Have Wagtail build API v3's page schemas on these classes: each page type's detail
    schema on `detail_base` (instead of `PageSchema`), the items of `GET /api/v3/pages/` on
    `list_item_base` (instead of `BasePageSchema`).

    Why: Wagtail builds them from its `wagtail.api.v3.schemas` module's names, chosen by no
    setting or argument: the detail schemas when `wagtail.api.v3.registry` is first imported
    (`register_defaults`), the list's when `wagtail.api.v3.routers.pages` is. Both names are
    rebound before then: this is called from `ApiConfig.ready()`, before the URLs import them.
    """
    from wagtail.api.v3 import schemas

    for module in ("wagtail.api.v3.registry", "wagtail.api.v3.routers.pages"):
        if module in sys.modules:
            raise RuntimeError(f"{module} was imported before its page schemas could be chosen")
    schemas.PageSchema = detail_base
    schemas.BasePageSchema = list_item_base


def convert_streams_together(stream_values):
    """Convert the blocks of several values of one StreamField (the same field of the pages of
    a list) at once: one `bulk_to_python` per block type for all of them, so that the images,
    documents and snippets their blocks choose cost one query per model, not one per page.

    Why: a `StreamValue` converts its stored blocks lazily, one stream at a time
    (`StreamValue._prefetch_blocks`), and Wagtail offers no way to batch several streams. This
    fills the same per-block cache (`_raw_data` → `_bound_blocks`) that method fills.
    """
    from collections import defaultdict

    from wagtail.blocks import StreamValue

    waiting = defaultdict(list)  # block type → [(stream, index, stored block)]
    for stream in stream_values:
        for index, stored in enumerate(stream._raw_data):
            if stream._bound_blocks[index] is None and stored is not None:
                waiting[stored["type"]].append((stream, index, stored))
    for type_name, items in waiting.items():
        child_block = items[0][0].stream_block.child_blocks.get(type_name)
        if child_block is None:  # a block type since removed: left to Wagtail
            continue
        values = child_block.bulk_to_python([stored["value"] for _s, _i, stored in items])
        for (stream, index, stored), value in zip(items, values, strict=True):
            stream._bound_blocks[index] = StreamValue.StreamChild(
                child_block, value, id=stored.get("id")
            )


def serve_public_pages_with(public_pages):
    """Have API v3 read the pages a client without a token may see with `public_pages(request,
    model)` (cms/api/public_pages.py) rather than Wagtail's `get_public_pages_queryset`.

    Why: every page endpoint of API v3 and its filters read that queryset through
    `wagtail.api.v3.querysets.get_pages_queryset`, which offers no setting to choose another;
    it looks the function up in its module's globals at each call, so rebinding the name there
    is enough (and keeps its token-holders' branch as it is).
    """
    from wagtail.api.v3 import querysets

    querysets.get_public_pages_queryset = public_pages


def join_collections_in_media_lists(image_renditions=()):
    """Have API v3's image and document endpoints read each item's collection with the item,
    and images with their `image_renditions` (filter specs).

    Why: their schemas show `collection` (`{id, meta}`), read from the related object, and
    images their `renditions` (the `api_fields` cms/api/content.py gives them); their querysets
    (`get_images_queryset`, `get_documents_queryset`, module functions looked up at each call)
    read neither: a list read one collection, and images their renditions, per item.
    """
    from wagtail.documents.api.v3 import router as documents
    from wagtail.images.api.v3 import router as images

    for module, name, renditions in (
        (images, "get_images_queryset", tuple(image_renditions)),
        (documents, "get_documents_queryset", ()),
    ):
        wagtails = getattr(module, name)
        if getattr(wagtails, "joins_collections", False):
            continue
        setattr(module, name, with_collections(wagtails, renditions))


def with_collections(get_queryset, renditions=()):
    def get_queryset_with_collections(request):
        queryset = get_queryset(request).select_related("collection")
        return queryset.prefetch_renditions(*renditions) if renditions else queryset

    get_queryset_with_collections.joins_collections = True
    return get_queryset_with_collections
