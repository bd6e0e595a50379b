"""Additions to Wagtail 8's API v3 at /api/v3/ (django-ninja), beside Wagtail's `pages/`:
read endpoints for the library's snippets, the site's languages and one language's site data,
and `pages/find/` for localized public addresses.

Pages and snippets are typed from their `api_fields` by Wagtail's schema generator, through the
serializers of cms/api/fields.py, so the OpenAPI document at /api/v3/openapi.json describes
every field.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.renderers import JSONRenderer
from pydantic import PositiveInt
from wagtail.actions.create import CreatePermissionError
from wagtail.actions.edit import EditPermissionError
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.api.v2.utils import get_full_url
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.registry import registry
from wagtail.api.v3.schemas import BaseSchema, read_generator
from wagtail.api.v3.schemas.params import SearchSchema
from wagtail.api.v3.urls import api
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import DraftStateMixin, Locale

from cms.api import (
    limits,
    lookup,
    ninja_patches,
    openapi,
    representations,
    schemas,
    site,
    v3_by_path,
    v3_errors,
    v3_facets,
    v3_newsletter,
    v3_pages,  # noqa: F401 – replaces Wagtail's page list before the URLs are built
    wagtail_patches,
)
from cms.api.fields import optimise_queryset
from cms.api.public_pages import public_pages
from cms.api.shapes import TimestampEncoder
from cms.api.snippet_locale import LocalizedSnippetMetaSchema
from core.compact_json import JSON_DUMPS_PARAMS
from newsletter.models import MailingList
from resources.models import Partner, Region, ResourceType, Topic
from stories.publishing import StoryConsentError, publish_problem

SNIPPET_ENDPOINTS = {
    "resource-types": ResourceType,
    "topics": Topic,
    "regions": Region,
    "partners": Partner,
}


def locale_or_400(language_code):
    locale = site.locale_or_none(language_code)
    if locale is None:
        languages = ", ".join(representations.language_codes())
        raise HttpError(400, f"locale '{language_code}' doesn't exist (one of: {languages})")
    return locale


# Snippets ---------------------------------------------------------------------------------------


class SnippetMetaSchema(LocalizedSnippetMetaSchema):
    """The same fields as the items of Wagtail's `/api/v3/snippets/<type>/` (which share their
    schemas' names, see cms/api/snippet_locale.py), but a detail address here."""

    @staticmethod
    def resolve_detail_url(obj: Model, context: dict) -> str | None:
        try:
            path = reverse(f"wagtailapi_v3:detail_{obj._meta.model_name}", args=[obj.pk])
        except NoReverseMatch:
            return None
        return get_full_url(context.get("request"), path)


class SnippetSchema(BaseSchema):
    id: int
    meta: SnippetMetaSchema


class SnippetFilterSchema(Schema):
    locale: str | None = None
    translation_of: PositiveInt | None = None

    def filter_queryset(self, queryset):
        if self.locale is not None:
            queryset = queryset.filter(locale=locale_or_400(self.locale))
        if self.translation_of is not None:
            source = queryset.model.objects.filter(pk=self.translation_of).first()
            if source is None:
                raise HttpError(400, "translation_of object doesn't exist")
            queryset = queryset.filter(translation_key=source.translation_key).exclude(pk=source.pk)
        return queryset


def snippet_queryset(model):
    queryset = model.objects.all()
    if issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    return optimise_queryset(queryset).order_by("name", "pk")


snippets_router = Router(tags=["library"])


def add_snippet_endpoints(router, prefix, model):
    schema = read_generator.generate_schema(model, base_class=SnippetSchema)
    name = model._meta.model_name
    label = str(model._meta.verbose_name_plural)
    operation = prefix.replace("-", "_")  # `resource_types_list`, as Wagtail's `pages_list`

    @router.get(
        f"/{prefix}/",
        response=list[schema],
        url_name=f"list_{name}",
        summary=f"List {label}",
        operation_id=f"{operation}_list",
    )
    @paginate(WagtailLimitOffsetPagination)
    def listing(
        request: HttpRequest,
        filters: SnippetFilterSchema = Query(...),  # noqa: B008
        search: SearchSchema = Query(...),  # noqa: B008
        **kwargs,
    ):
        queryset = filters.filter_queryset(snippet_queryset(model))
        if search.search is not None:
            # Searched over all of them (their index has no `locale` filter field), then kept.
            matches = search.search_queryset(request, snippet_queryset(model))
            queryset = queryset.filter(pk__in=[obj.pk for obj in matches])
        return queryset

    @router.get(
        f"/{prefix}/{{obj_id}}/",
        response=schema,
        url_name=f"detail_{name}",
        summary=f"{model._meta.verbose_name.capitalize()} detail",
        operation_id=f"{operation}_detail",
    )
    def detail(request: HttpRequest, obj_id: int):
        return get_object_or_404(snippet_queryset(model), pk=obj_id)


for _prefix, _model in SNIPPET_ENDPOINTS.items():
    add_snippet_endpoints(snippets_router, _prefix, _model)


# The site ---------------------------------------------------------------------------------------

site_router = Router(tags=["site"])


@site_router.get(
    "/locales/",
    response=schemas.Languages,
    url_name="list_locales",
    summary="The site's languages",
    operation_id="locales_list",
)
def list_locales(request: HttpRequest):
    items = site.languages(request)
    return {"items": items, "count": len(items)}


@site_router.get(
    "/site/",
    response=schemas.Site,
    url_name="site_detail",
    summary="Navigation, settings and redirects of one language",
    operation_id="site_detail",
)
def site_detail(request: HttpRequest, locale: str | None = None):
    """For `locale` (the default language without it): main menu and footer links resolved in
    that language, the site settings a frontend needs, and the site's redirects."""
    return site.site_data(request, locale_or_400(locale) if locale else Locale.get_default())


api.add_router("/", snippets_router)
api.add_router("/", site_router)
api.add_router("/", v3_facets.router)
add_snippet_endpoints(v3_newsletter.router, "mailing-lists", MailingList)
api.add_router("/", v3_newsletter.router)
api.add_router("/pages/", v3_by_path.router)


# Finding a page by its localized address ------------------------------------------------------


@require_safe
def find_page(request):
    """`GET /api/v3/pages/find/?html_path=/fr/…` (or `?id=`): a redirect to the page's detail,
    following the site's redirects. (`pages/by-path/` answers the page itself.)

    Replaces Wagtail's view at the same address (mounted before it), which routes the path from
    the site's root page and so cannot find `/fr/…`; parameters and answers are the same.
    """
    if BearerTokenAuth()(request) is None:
        request.user = AnonymousUser()  # a session never elevates an API v3 request
    html_path = request.GET.get("html_path")
    page_id = request.GET.get("id")
    if page_id is not None and not limits.is_id(page_id):
        return problem_response(status=422, detail="id must be a positive integer")
    try:
        site_obj = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
    except ValueError as e:
        return problem_response(status=400, detail=str(e))
    except Http404:
        return problem_response(status=404, detail="No Site matches the given site value.")
    pages = get_pages_queryset(request)
    page = None
    if html_path and site_obj is not None:
        found = lookup.resolve(request, html_path, site_obj, pages)
        page = found.page if found else None
    if page is None and page_id:
        page = pages.filter(pk=int(page_id)).first()
    if page is None:
        return problem_response(status=404, detail="No Page matches the given query.")
    url = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
    query = request.GET.copy()
    query.pop("id", None)
    query.pop("html_path", None)
    return redirect(f"{url}?{query.urlencode()}" if query else url)


# Parents visitors may not see -------------------------------------------------------------------


def resolve_visible_parent(obj, context):
    """A page's `meta.parent`, only if the client may see that page (as in API v2): Wagtail's
    v3 schema shows any parent, e.g. the title of an unpublished section above a live page."""
    parent = obj.get_parent()
    request = (context or {}).get("request")
    if parent is None or request is None:
        return None
    return parent if get_pages_queryset(request).filter(pk=parent.pk).exists() else None


def hide_parents_visitors_may_not_see():
    # The page types' detail schemas were built by Wagtail when its routers were imported.
    for content_type in registry.list_content_types():
        schema = registry.get(content_type.name).read_schema
        meta = schema.model_fields["meta"].annotation if schema else None
        if "parent" in getattr(meta, "model_fields", {}):
            ninja_patches.replace_resolver(meta, "parent", resolve_visible_parent)


hide_parents_visitors_may_not_see()
wagtail_patches.serve_public_pages_with(public_pages)
wagtail_patches.join_collections_in_media_lists(representations.IMAGE_RENDITIONS.values())
ninja_patches.complete_openapi_document(api, openapi.complete_document)


class CompactJSONRenderer(JSONRenderer):
    """UTF-8 as it is and no spaces: django-ninja's default escapes every non-ASCII character,
    which made an Arabic page's answer half as big again. (Error answers are written by
    pydantic, compact already.)"""

    json_dumps_params = JSON_DUMPS_PARAMS
    encoder_class = TimestampEncoder  # to the millisecond, as API v2 (cms/api/shapes.py)


for answering_api in (api, v3_errors.wagtail_answers):
    ninja_patches.render_with(answering_api, CompactJSONRenderer())


# Survivor stories: say why publishing was refused ------------------------------------------------


def asks_to_publish(request):
    """A create or update whose body says `"meta": {"action": "publish"}`."""
    meta = v3_errors.json_object(request).get("meta")
    return isinstance(meta, dict) and meta.get("action") == "publish"


def is_publishing_refusal(request, exc):
    """Wagtail refusing to publish: the publish action (`PublishPagePermissionError`), or a
    create or update asked to publish, which its publish check refuses as a whole."""
    if isinstance(exc, PublishPermissionError):
        return True
    return isinstance(exc, CreatePermissionError | EditPermissionError) and asks_to_publish(request)


def creates(request, model):
    """A create whose body says `"meta": {"type": "<the model's label>"}`."""
    meta = v3_errors.json_object(request).get("meta")
    content_type = meta.get("type") if isinstance(meta, dict) else None
    return isinstance(content_type, str) and content_type.lower() == model._meta.label_lower


def explain_story_publishing_refusal(request: HttpRequest, exc: PermissionDenied):
    """Wagtail refuses to publish a story without valid consent with its generic "You do not
    have permission" (the story's permission tester says no): add the reason, so that an
    automation knows to ask a story custodian rather than for more permissions."""
    from stories.models import SurvivorStoryPage

    page_id = (request.resolver_match.kwargs if request.resolver_match else {}).get("page_id")
    if isinstance(exc, StoryConsentError):
        return problem_response(status=403, detail=str(exc))
    if is_publishing_refusal(request, exc) and request.user.is_authenticated:
        story = SurvivorStoryPage.objects.filter(pk=page_id).first() if page_id else None
        problem = story and publish_problem(story)
        if problem:
            return problem_response(status=403, detail=f"{exc} {problem}")
        if page_id is None and creates(request, SurvivorStoryPage):
            return problem_response(
                status=403,
                detail=f"{exc} A new survivor story is saved as a draft: a story reviewer "
                "publishes it once a story custodian has recorded consent.",
            )
    return v3_errors.wagtail_answer(request, exc)


api.add_exception_handler(PermissionDenied, explain_story_publishing_refusal)
