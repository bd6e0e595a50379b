from wagtail.models import Page

# The page types a visitor reads most, which the soak loads in every language.
PAGE_TYPES = [
    "home.homepage",
    "home.campaignpage",
    "resources.resourceindexpage",
    "resources.resourcepage",
    "stories.survivorstorypage",
]


def first_live_page(page_type, language_code):
    """The first live page of `page_type` ("app_label.ModelName") in a language, or None."""
    app_label, model_name = page_type.lower().split(".")
    page = (
        Page.objects.live()
        .filter(
            content_type__app_label=app_label,
            content_type__model=model_name,
            locale__language_code=language_code,
        )
        .order_by("path")
        .first()
    )
    return page.specific if page else None
