"""The one place where the site changes Wagtail's API v3 (8.0) through its internals.

Wagtail offers no public hook for it. tests/api/test_library_internals.py fails with the reason
when an upgrade changes the shape this patch relies on: look there first after upgrading Wagtail.
"""


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
