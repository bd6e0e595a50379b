"""Both content APIs: Wagtail's stable v2 (cms/api/v2.py) and Wagtail 8's API v3 (cms/api/v3.py),
showing the `api_fields` of the models through the serializers of cms/api/fields.py.

This package is imported by the models (for their `api_fields`), so it imports no views itself.
"""


def __getattr__(name):
    # `from cms.api import api_router`, without importing the views when models import fields.
    if name == "api_router":
        from cms.api.v2 import api_router

        return api_router
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
