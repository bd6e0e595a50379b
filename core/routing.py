"""Finding the page at an address in two queries, whatever its depth."""


def joined_relations(model):
    """The foreign keys a page of `model` shows beside its own fields (images, snippets) and
    its locale, which templates read: joined when the page is fetched."""
    from wagtail.models import Page

    return [
        "locale",
        *(
            field.name
            for field in model._meta.concrete_fields
            if field.many_to_one
            and field.model is not Page
            and not issubclass(field.related_model, Page)
        ),
    ]


def live_descendant_at(page, path_components):
    """The live page under `page` at the path of slugs `path_components`, of its specific type
    with `joined_relations`, or None. Wagtail's routing instead reads each page on the way twice
    (itself, then as its specific type): every page type here routes as `SitePage` does, so the
    pages between need not be read."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    url_path = page.url_path + "".join(f"{slug}/" for slug in path_components)
    found = Page.objects.filter(url_path=url_path).values_list("pk", "content_type_id").first()
    if found is None:
        return None
    model = ContentType.objects.get_for_id(found[1]).model_class()
    if model is None or not issubclass(model, Page):
        return None
    return (
        model.objects.filter(pk=found[0], live=True)
        .select_related(*joined_relations(model))
        .first()
    )
