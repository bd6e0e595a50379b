"""Finding the page at an address in two queries, whatever its depth, and the page not
translated yet that a language's address shows in three."""


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
    from wagtail.models import Page

    url_path = page.url_path + "".join(f"{slug}/" for slug in path_components)
    # By its slug first: `url_path` has no index, and a page's slug is its address's last part.
    slug = path_components[-1] if path_components else page.slug
    found = (
        Page.objects.filter(slug=slug, url_path=url_path)
        .order_by()
        .values_list("pk", "content_type_id")
        .first()
    )
    return specific_live_page(*found) if found else None


def untranslated_descendant_at(page, path_components):
    """The page `SitePage.route` shows at `page`'s address and `path_components` while the
    section they lead to is not translated into `page`'s language: the live page at the same
    path under `page`'s original (default-language) version, when the original's child on the
    way has no live translation into that language and `page` has no child of that slug (else
    None, and routing goes Wagtail's way). Of its specific type with `joined_relations`."""
    from django.db.models import Exists, OuterRef, Subquery, TextField, Value
    from django.db.models.functions import Concat
    from wagtail.models import Page

    from core.localization import default_language_code, locale_of

    default_locale = locale_of(default_language_code())
    if page.locale_id == default_locale.pk:
        return None
    original = Page.objects.filter(translation_key=page.translation_key, locale=default_locale)
    original_url_path = Subquery(original.values("url_path")[:1], output_field=TextField())

    def url_path_under_original(slugs):
        rest = Value("".join(f"{slug}/" for slug in slugs))
        return Concat(original_url_path, rest, output_field=TextField())

    translated = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=page.locale_id, live=True
    )
    child_on_the_way = Page.objects.filter(
        url_path=url_path_under_original(path_components[:1]), live=True
    ).exclude(Exists(translated))
    own_child = Page.objects.filter(
        path__startswith=page.path, depth=page.depth + 1, slug=path_components[0]
    )
    found = (
        Page.objects.filter(url_path=url_path_under_original(path_components))
        .filter(Exists(child_on_the_way))
        .exclude(Exists(own_child))
        .values_list("pk", "content_type_id")
        .first()
    )
    return specific_live_page(*found) if found else None


def specific_live_page(pk, content_type_id):
    """The page `pk` of its specific type with `joined_relations`, if live."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None or not issubclass(model, Page):
        return None
    return model.objects.filter(pk=pk, live=True).select_related(*joined_relations(model)).first()
