"""What the site relies on inside Wagtail, django-ninja and wagtail-localize beyond their public
APIs: cms/api/ninja_patches.py, cms/api/wagtail_patches.py, translation/localize_patches.py, and
the few places that use a library's public API but depend on how the library is put together.

Each test fails, saying what changed, when an upgrade changes the shape relied on. Read the
failing test's patch module before changing the test."""

import inspect
import json
import typing
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import resolve, reverse
from ninja import NinjaAPI, Schema
from ninja.openapi.views import openapi_json
from wagtail.actions import action_registry
from wagtail.actions.create import CreatePermissionError
from wagtail.actions.edit import EditPermissionError
from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.api.v2.filters import DescendantOfFilter
from wagtail.api.v3.registry import registry
from wagtail.api.v3.urls import api
from wagtail.models import Page

from cms.api import discriminator, ninja_patches, v2, v3, v3_errors, wagtail_patches
from cms.api.snippet_locale import LocalizedSnippetSchema
from tests.page_types import PAGE_TYPES

# django-ninja ------------------------------------------------------------------------------------


class Greeting(Schema):
    text: str

    @staticmethod
    def resolve_text(obj, context):
        return "hello"


def test_ninja_keeps_a_schemas_resolvers_where_replace_resolver_replaces_them():
    resolvers = getattr(Greeting, "_ninja_resolvers", None)
    assert isinstance(resolvers, dict) and "text" in resolvers, (
        "django-ninja no longer collects `resolve_<field>` methods into `_ninja_resolvers`: "
        "rewrite ninja_patches.replace_resolver (API v3 would show unpublished parents)"
    )

    class Reply(Greeting):
        pass

    ninja_patches.replace_resolver(Reply, "text", lambda obj, context: f"hi {context['to']}")

    assert Reply.model_validate(object(), context={"to": "Amina"}).text == "hi Amina", (
        "django-ninja no longer computes a field with the Resolver in `_ninja_resolvers`"
    )
    assert Greeting.model_validate(object()).text == "hello", "the base class was changed too"
    with pytest.raises(LookupError):
        ninja_patches.replace_resolver(Reply, "no_such_field", lambda obj, context: None)


def test_every_page_type_shows_only_parents_the_client_may_see():
    patched = []
    for content_type in registry.list_content_types():
        schema = registry.get(content_type.name).read_schema
        meta = schema.model_fields["meta"].annotation if schema else None
        if "parent" in getattr(meta, "model_fields", {}):
            resolver = meta._ninja_resolvers["parent"]
            assert resolver._func is v3.resolve_visible_parent, content_type.name
            patched.append(content_type.name)

    assert "home.StandardPage" in patched, (
        "Wagtail's page read schemas no longer have `meta.parent`: check that API v3 shows no "
        "parent a visitor may not see, then update cms/api/v3.py hide_parents_visitors_may_not_see"
    )


def test_wagtail_builds_every_page_schema_on_the_classes_build_page_schemas_on_gives_it():
    from wagtail.api.v3.routers import pages

    for content_type in registry.list_content_types():
        schema = registry.get(content_type.name).read_schema
        if content_type.name in PAGE_TYPES:
            assert issubclass(schema, discriminator.TypedPageSchema), (
                f"Wagtail no longer builds {content_type.name}'s API v3 schema on "
                "`wagtail.api.v3.schemas.PageSchema` when the registry is imported: update "
                "wagtail_patches.build_page_schemas_on (pages would lose their top-level `type`)"
            )
    listing = pages.list_pages._ninja_operation  # what django-ninja answers the list with
    answer = listing.response_models[200].model_fields["response"].annotation
    items = answer.model_fields["items"].annotation
    assert typing.get_args(items) == (discriminator.PageListItemSchema,), (
        "Wagtail's `GET /api/v3/pages/` no longer answers with items of "
        "`wagtail.api.v3.schemas.BasePageSchema`: update wagtail_patches.build_page_schemas_on"
    )


def test_ninja_serves_its_openapi_document_from_get_openapi_schema():
    signature = inspect.signature(NinjaAPI.get_openapi_schema)
    keyword_only = [
        name
        for name, parameter in signature.parameters.items()
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY
    ]
    assert keyword_only == ["path_prefix", "path_params"], (
        f"NinjaAPI.get_openapi_schema takes {signature} now: update "
        "ninja_patches.complete_openapi_document"
    )
    calls = []
    stub = SimpleNamespace(get_openapi_schema=lambda **kwargs: calls.append(kwargs) or {"ok": 1})

    response = openapi_json(RequestFactory().get("/openapi.json"), api=stub)

    assert calls and response.status_code == 200, (
        "django-ninja's openapi.json view no longer asks api.get_openapi_schema() for the "
        "document: the completed document would not be served"
    )
    assert api.get_openapi_schema.__module__ == ninja_patches.__name__


def test_the_openapi_document_is_completed():
    document = api.get_openapi_schema(path_prefix="/api/v3/")

    assert "AllowAnonymous" not in document["components"].get("securitySchemes", {})
    assert "Problem" in document["components"]["schemas"]


def test_ninja_writes_every_answer_with_the_renderer_render_with_gives_it():
    stub = NinjaAPI(urls_namespace="render_with_check", openapi_url=None, docs_url=None)
    ninja_patches.render_with(stub, v3.CompactJSONRenderer())

    response = stub.create_response(RequestFactory().get("/"), {"text": "مرحبا"}, status=200)

    assert response.content == '{"text":"مرحبا"}'.encode(), (
        "NinjaAPI.create_response no longer writes with the instance's `renderer`: update "
        "ninja_patches.render_with (API v3 would escape non-ASCII text again)"
    )
    assert isinstance(api.renderer, v3.CompactJSONRenderer)
    assert isinstance(v3_errors.wagtail_answers.renderer, v3.CompactJSONRenderer)


# Wagtail's API v3 error answers ------------------------------------------------------------------


def test_the_copy_of_wagtails_error_handlers_answers_as_wagtails_api_did():
    """cms/api/v3_errors.py keeps Wagtail's handlers (registered by the public
    `register_exception_handlers`) on an API of its own, to fall back on. That holds only while
    Wagtail's `api` gets its handlers from that function and from nowhere else."""
    copies = v3_errors.wagtail_answers._exception_handlers  # where NinjaAPI keeps them
    for exc_class, handler in api._exception_handlers.items():
        if code_of(handler).co_filename.startswith(str(settings.BASE_DIR / "cms")):
            continue  # the site's own, falling back on the copy
        assert exc_class in copies and code_of(handler) is code_of(copies[exc_class]), (
            f"Wagtail's API v3 handles {exc_class.__name__} outside register_exception_handlers: "
            "cms/api/v3_errors.py wagtail_answers no longer answers as Wagtail does"
        )


def code_of(handler):
    return getattr(handler, "func", handler).__code__  # a function, or a partial of one


def test_wagtails_answer_to_a_refusal_is_a_401_or_a_403():
    request = RequestFactory().post("/api/v3/pages/1/actions/publish/")
    request.user = AnonymousUser()
    assert v3_errors.wagtail_answer(request, PublishPagePermissionError("No.")).status_code == 401

    request.user = SimpleNamespace(is_authenticated=True)
    response = v3_errors.wagtail_answer(request, PublishPagePermissionError("No."))
    assert (response.status_code, response["Content-Type"]) == (403, "application/problem+json")


@pytest.mark.django_db
def test_wagtail_refuses_to_publish_a_story_without_consent_with_the_expected_types(
    admin_user, english_home
):
    """cms/api/v3.py explain_story_publishing_refusal recognises the refusal by these types."""
    from tests.factories import StoryIndexPageFactory, SurvivorStoryPageFactory

    assert issubclass(PublishPagePermissionError, PublishPermissionError)
    index = StoryIndexPageFactory(parent=english_home)
    story = SurvivorStoryPageFactory(parent=index, consent=False)
    edit = action_registry.get_action_class(type(story), "edit")
    edit(story, user=admin_user, publish=False).check()
    with pytest.raises(EditPermissionError):
        edit(story, user=admin_user, publish=True).check()
    create = action_registry.get_action_class(type(story), "create")
    unsaved = type(story)(title="New", slug="new")
    create(unsaved, index, user=admin_user, publish=False).check()
    with pytest.raises(CreatePermissionError):
        create(unsaved, index, user=admin_user, publish=True).check()
    publish = action_registry.get_action_class(Page, "publish")
    with pytest.raises(PublishPermissionError):
        publish(story.save_revision(), user=admin_user).check()


# Wagtail's snippets in API v3 --------------------------------------------------------------------


def test_wagtail_builds_its_snippet_schemas_on_the_localized_base():
    from wagtail.snippets.api.v3 import registry as snippets_registry

    assert "BaseSnippetSchema" in snippets_registry.register_content_types.__code__.co_names, (
        "Wagtail no longer builds snippet schemas on its module's BaseSnippetSchema: "
        "rewrite cms/api/wagtail_patches.py build_snippet_schemas_on"
    )
    read_schema = registry.get("resources.Topic").read_schema
    assert issubclass(read_schema, LocalizedSnippetSchema), (
        "Wagtail built its snippet schemas before ApiConfig.ready() rebound the base: "
        "/api/v3/snippets/ items have no meta.locale (check INSTALLED_APPS order)"
    )


# Addresses served by the site instead of a library's view ---------------------------------------


def served_by(address):
    func = resolve(address).func
    return f"{func.__module__}.{func.__name__}"


def test_the_site_answers_at_wagtails_find_page_address():
    address = reverse("wagtailapi_v3:find_page")

    assert address == "/api/v3/pages/find/", (
        f"Wagtail's find moved to {address}: mount cms/api/v3.py find_page there (cms/api/urls.py)"
    )
    assert served_by(address) == "cms.api.v3.find_page"


def test_the_site_answers_at_wagtail_localizes_po_upload_address():
    address = reverse("wagtail_localize:upload_pofile", args=[7])

    assert served_by(address) == "translation.views.upload_po_file", (
        f"wagtail-localize's PO upload moved to {address}: the translation editor would import "
        "PO files without the site's checks (translation/wagtail_hooks.py)"
    )


# wagtail-localize --------------------------------------------------------------------------------


def test_wagtail_localize_still_has_what_the_po_upload_relies_on():
    from wagtail_localize.models import Translation

    from translation.localize_patches import TRANSLATION_ID_HEADER, user_can_edit_instance

    assert list(inspect.signature(user_can_edit_instance).parameters) == ["user", "instance"]
    assert TRANSLATION_ID_HEADER in inspect.getsource(Translation.export_po), (
        "wagtail-localize's PO files no longer name their translation in "
        f"{TRANSLATION_ID_HEADER}: every upload would be refused (translation/views.py)"
    )
    assert "user" in inspect.signature(Translation.import_po).parameters


def test_wagtail_localize_still_has_what_the_translation_hand_off_relies_on():
    """translation/handoff.py answers the translation editor's POSTs before wagtail-localize's
    own `before_edit_page` hook, and templates/wagtail_localize/admin/edit_translation.html
    extends wagtail-localize's editor template, adding the hand-off under its `content`."""
    from pathlib import Path

    import wagtail_localize
    from wagtail import hooks
    from wagtail_localize import wagtail_hooks as localize_hooks
    from wagtail_localize.views import edit_translation

    from translation import wagtail_hooks as site_hooks

    editor_hooks = hooks.get_hooks("before_edit_page")
    assert editor_hooks.index(site_hooks.hand_off_translations) < editor_hooks.index(
        localize_hooks.before_edit_page
    ), "wagtail-localize's editor would answer Submit and Publish before the site's checks"
    template = Path(wagtail_localize.__file__).parent / (
        "templates/wagtail_localize/admin/edit_translation.html"
    )
    assert "{% block content %}" in template.read_text(), (
        "wagtail-localize's editor template has no `content` block: the hand-off disappears"
    )
    source = inspect.getsource(edit_translation.edit_translation)
    for name in ('"translation": translation', '"instance": instance', '"publish"'):
        assert name in source, f"wagtail-localize's editor no longer has {name}"


@pytest.mark.django_db
def test_the_sites_page_list_replaces_wagtails_and_leaves_page_creation_beside_it(client):
    from wagtail.api.v3.routers.pages import router

    operations = router.path_operations["/"].operations
    listed = client.get("/api/v3/pages/", {"limit": 1}).json()
    created = client.post("/api/v3/pages/", {}, content_type="application/json")

    assert [operation.methods for operation in operations] == [["POST"], ["GET"]], (
        "django-ninja no longer keeps a path's operations in PathView.operations: rewrite "
        "ninja_patches.remove_operation (API v3 lists would lose their filters and cards)"
    )
    assert "card" in listed["items"][0], "Wagtail's own page list answered"
    assert created.status_code == 401, "Wagtail's page creation is gone"
    with pytest.raises(LookupError):
        ninja_patches.remove_operation(router, "/find/", "DELETE")


def test_the_page_at_a_path_is_routed_before_wagtails_page_detail():
    assert resolve("/api/v3/pages/by-path/").url_name == "page_by_path"
    assert reverse("wagtailapi_v3:page_by_path") == "/api/v3/pages/by-path/"


# Wagtail's API v2 ---------------------------------------------------------------------------------


def test_wagtails_child_of_mark_is_read_before_the_sites_page_filters():
    """Wagtail's DescendantOfFilter reads the mark ChildOfFilter leaves on the queryset; the
    site's filters, which do not carry the mark over, must come after it."""
    backends = v2.PagesAPIViewSet.filter_backends
    position = backends.index(DescendantOfFilter)

    assert position < backends.index(v2.LocaleFilter)
    assert position < backends.index(v2.ResourceLibraryFilter)


@pytest.mark.django_db
def test_the_v2_endpoints_listed_in_a_404_are_those_registered(client):
    message = client.get("/api/v2/no-such-endpoint/").json()["message"]

    for name in v2.ENDPOINTS:
        assert reverse(f"wagtailapi:{name}:listing").startswith(f"/api/v2/{name}/")
        assert f"{name}/" in message


def test_wagtail_localize_translate_forms_still_offer_locales_from_get_form(english_home):
    from translation.localize_patches import SubmitPageTranslationView

    view = SubmitPageTranslationView()
    view.request = type("Request", (), {"method": "GET", "GET": {}})()
    view.object = english_home.get_children().first() or english_home
    form = view.get_form()

    assert "locales" in form.fields and hasattr(form.fields["locales"], "queryset"), (
        "wagtail-localize's Translate form lost its `locales` field: the site's forms "
        "(translation/views.py) narrow it to the user's languages"
    )


def test_the_site_answers_at_wagtail_localizes_translate_addresses():
    from django.urls import resolve

    page = reverse("wagtail_localize:submit_page_translation", args=[7])
    snippet = reverse("wagtail_localize:submit_snippet_translation", args=["a", "b", "7"])

    assert resolve(page).url_name == "cms_submit_page_translation", (
        f"wagtail-localize's Translate form moved to {page}: translators would be offered "
        "every language"
    )
    assert resolve(snippet).url_name == "cms_submit_snippet_translation"


@pytest.mark.django_db
def test_streams_of_several_pages_are_converted_together_as_wagtail_converts_one(
    django_assert_num_queries,
):
    from home.models import StandardPage
    from tests.factories import ImageFactory

    field = StandardPage._meta.get_field("body")
    images = [ImageFactory() for _ in range(4)]
    stored = [
        [{"type": "image", "value": {"image": image.pk, "caption": ""}, "id": f"b{image.pk}"}]
        for image in images
    ]
    streams = [field.to_python(json.dumps(blocks)) for blocks in stored]
    assert all(
        hasattr(stream, name) for stream in streams for name in ("_raw_data", "_bound_blocks")
    ), "StreamValue no longer keeps `_raw_data` and `_bound_blocks`: rewrite "
    "cms/api/wagtail_patches.py convert_streams_together (API lists would read per page)"

    with django_assert_num_queries(1):
        wagtail_patches.convert_streams_together(streams)
    with django_assert_num_queries(0):
        chosen = [stream[0].value["image"] for stream in streams]

    assert chosen == images
    assert [stream[0].id for stream in streams] == [f"b{image.pk}" for image in images]
