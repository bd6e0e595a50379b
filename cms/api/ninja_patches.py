"""The four places where the site changes django-ninja's behaviour (1.7) through its internals.

django-ninja offers no public hook for either. Each is checked by
tests/api/test_library_internals.py, which fails with the reason when an upgrade changes the
shape these patches rely on: look there first after upgrading django-ninja.
"""

from ninja.schema import Resolver


def replace_resolver(schema, field, resolve):
    """Have `schema` compute `field` with `resolve(obj, context)` instead of its own resolver.

    Why: django-ninja collects a schema's `resolve_<field>` methods into `_ninja_resolvers` when
    the class is created, copying its bases' into each subclass. Setting the method on a class
    afterwards changes nothing, and the classes Wagtail generated (one per page type) exist
    already, so each one's collected resolver is replaced in place.
    """
    resolvers = schema._ninja_resolvers
    if field not in resolvers:
        raise LookupError(f"{schema.__name__} has no resolver for {field!r} to replace")
    resolvers[field] = Resolver(staticmethod(resolve))


def complete_openapi_document(api, complete):
    """Pass every OpenAPI document `api` generates through `complete(document)`.

    Why: django-ninja's way is a NinjaAPI subclass overriding `get_openapi_schema`, but Wagtail
    owns the instance (`wagtail.api.v3.urls.api`), so the method is overridden on the instance.
    Every reader then gets the completed document: `/api/v3/openapi.json`, the docs page, the
    `export_openapi_schema` command and the fuzz tests.
    """
    generate = api.get_openapi_schema

    def get_openapi_schema(*, path_prefix=None, path_params=None):
        return complete(generate(path_prefix=path_prefix, path_params=path_params))

    api.get_openapi_schema = get_openapi_schema


def render_with(api, renderer):
    """Have `api` write every answer it makes with `renderer`.

    Why: django-ninja takes a renderer as `NinjaAPI(renderer=…)`, but Wagtail creates the
    instance (`wagtail.api.v3.urls.api`); `NinjaAPI.create_response` reads the instance's
    `renderer` for each response, so it is replaced there.
    """
    api.renderer = renderer


def remove_operation(router, path, method):
    """Take the `method` operation at `path` off `router`, keeping the path's other methods, so
    that another one can be declared there (`@router.get(path, …)`).

    Why: django-ninja offers no way to replace an operation, and Wagtail declares its page list
    on its own router (`wagtail.api.v3.routers.pages.router`), with the create operation at the
    same path. A router keeps each path's operations in a `PathView`, whose list the URL
    patterns, the dispatch by method and the OpenAPI document are built from when `api.urls`
    is first read: removed before then, the operation is gone from all three.
    """
    path_view = router.path_operations[path]
    kept = [operation for operation in path_view.operations if method not in operation.methods]
    if len(kept) == len(path_view.operations):
        raise LookupError(f"no {method} operation at {path!r} to remove")
    path_view.operations[:] = kept
