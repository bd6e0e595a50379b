"""The parts of a page that a menu link may lead to, such as one topic's landing page below the
resource library. Apps offer them through the `register_menu_subpages` hook (core imports none
of them): each hook function returns `(page model, [(address below the page, label), ...])`."""

from wagtail import hooks


def offered_subpages():
    """{page model: {suffix: label}} from every app's hook, read when an editor's form is made
    or a link is checked (so a topic added since is offered at once)."""
    offered = {}
    for hook in hooks.get_hooks("register_menu_subpages"):
        page_model, choices = hook()
        offered.setdefault(page_model, {}).update(choices)
    return offered


def subpage_choices():
    """Every offered part, for the link block's drop-down."""
    return [
        (suffix, label)
        for choices in offered_subpages().values()
        for suffix, label in choices.items()
    ]


def page_offers(page, suffix):
    """Whether `page` has the part `suffix` below it."""
    page_class = page.specific_class
    return any(
        issubclass(page_class, model) and suffix in choices
        for model, choices in offered_subpages().items()
    )
