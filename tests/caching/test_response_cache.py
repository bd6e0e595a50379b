"""The server's response cache (caching/): anonymous answers served again without rendering,
never stale after a change, never kept for anyone whose answer is their own."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, PageViewRestriction

from caching.middleware import HIT_HEADER
from core.models import NavigationMenu, SiteSettings
from resources.models import Partner, Region, ResourcePage, ResourceType, Topic
from tests.factories import ImageFactory

pytestmark = pytest.mark.usefixtures("module_site_content")

WATCHED = [
    "/en/",
    "/fr/",
    "/en/resources/",
    "/en/resources/laws-across-africa/",
    "/en/stories/amani/",
    "/en/campaigns/world-day/",
    "/api/v2/pages/?type=resources.ResourcePage&fields=*",
    "/api/v2/pages/?locale=fr",
    "/api/v3/pages/",
]


def fresh(client, path, settings):
    settings.RESPONSE_CACHE = False
    try:
        return client.get(path)
    finally:
        settings.RESPONSE_CACHE = True


def warm(client):
    for path in WATCHED:
        client.get(path)
    return {path: client.get(path) for path in WATCHED}


def assert_served_fresh(client, settings):
    for path in WATCHED:
        served = client.get(path)
        expected = fresh(client, path, settings)
        assert served.status_code == expected.status_code, path
        if b"csrfmiddlewaretoken" in expected.content:
            # A form with a visitor's own token (a page password): rendered for each visitor.
            assert served[HIT_HEADER] == "miss", path
        else:
            assert served.content == expected.content, f"{path} is stale"


def resource():
    return ResourcePage.objects.get(locale__language_code="en", slug="laws-across-africa")


@pytest.mark.django_db
def test_an_anonymous_page_is_served_again_without_touching_the_database(
    client, django_assert_num_queries
):
    first = client.get("/en/resources/laws-across-africa/")
    assert first[HIT_HEADER] == "miss"

    with django_assert_num_queries(0):
        again = client.get("/en/resources/laws-across-africa/")

    assert again[HIT_HEADER] == "hit"
    assert again.content == first.content


SITE_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Cache-Control",
    "ETag",
)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/resources/laws-across-africa/", "/api/v3/pages/"])
def test_a_kept_answer_carries_every_header_the_site_gave_it(client, path):
    first = client.get(path, secure=True)
    again = client.get(path, secure=True)

    assert again[HIT_HEADER] == "hit"
    given = {header: first.get(header) for header in SITE_HEADERS}
    assert given["Content-Security-Policy"] and given["X-Content-Type-Options"] == "nosniff"
    assert {header: again.get(header) for header in SITE_HEADERS} == given


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v2/pages/?locale=fr", "/api/v3/pages/"])
def test_api_answers_are_served_again_and_still_answer_304(client, path):
    first = client.get(path)
    again = client.get(path)
    assert again[HIT_HEADER] == "hit"
    assert again.content == first.content
    not_modified = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304


@pytest.mark.django_db
def test_a_head_request_is_answered_from_the_cache_without_a_body(client):
    client.get("/en/")
    head = client.head("/en/")
    assert head[HIT_HEADER] == "hit"
    assert head.content == b""


def edit_and_publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def publish():
    edit_and_publish(resource(), title="Laws across Africa, revised")


def unpublish():
    resource().unpublish()


def move():
    page = resource()
    page.move(Page.objects.get(locale__language_code="en", slug="stories"), pos="last-child")


def delete():
    resource().delete()


def copy():
    page = resource()
    page.copy(update_attrs={"slug": "laws-copy", "title": "Laws, a copy"}, keep_live=True)


def revert():
    page = resource()
    first = page.revisions.order_by("created_at").first()
    edit_and_publish(page, title="Laws across Africa, changed")
    first.publish()


def schedule_going_live():
    page = resource()
    page.title = "Laws across Africa, on schedule"
    revision = page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(1))
    revision.publish()  # as publish_scheduled does for a revision that is due
    call_command("publish_scheduled")


def expire():
    page = resource()
    page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save()
    call_command("publish_scheduled")


def publish_translation():
    french = resource().get_translation(Locale.objects.get(language_code="fr"))
    edit_and_publish(french.specific, title="Lois en Afrique, révisées")


def take_down_story():
    from stories.models import ConsentRecord, SurvivorStoryPage

    story = SurvivorStoryPage.objects.get(locale__language_code="en", slug="amani")
    consent = ConsentRecord.objects.get(story=story)
    consent.withdrawn_on = timezone.localdate()
    consent.save()


def save_snippet(model, field):
    def change():
        snippet = model.objects.filter(locale__language_code="en").first()
        setattr(snippet, field, f"{getattr(snippet, field)} (renamed)")
        snippet.save()

    change.__name__ = f"save_{model.__name__}"
    return change


def change_navigation():
    menu = NavigationMenu.objects.filter(locale__language_code="en").first()
    menu.items = []
    menu.save()


def change_settings():
    site_settings = SiteSettings.objects.filter(locale__language_code="en").first()
    site_settings.site_name = "A renamed collective"
    site_settings.save()


def replace_image():
    page = resource()
    edit_and_publish(page, cover_image=ImageFactory(title="A new cover", description="Judges"))


def change_image():
    page = resource()
    image = ImageFactory(description="Judges")
    edit_and_publish(page, cover_image=image)
    image.description = "Judges at a hearing"
    image.save()


def delete_image():
    page = resource()
    image = ImageFactory(description="Judges")
    edit_and_publish(page, cover_image=image)
    image.delete()


def delete_document():
    from wagtail.documents import get_document_model

    get_document_model().objects.first().delete()


def add_redirect():
    Redirect.add_redirect("/en/resources/laws-across-africa", redirect_to="/en/", is_permanent=True)
    resource().unpublish()


def restrict_with_a_password():
    PageViewRestriction.objects.create(
        page=resource(), restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )


def restrict_to_logged_in_users():
    PageViewRestriction.objects.create(page=resource(), restriction_type=PageViewRestriction.LOGIN)


CHANGES = [
    publish,
    unpublish,
    move,
    delete,
    copy,
    revert,
    schedule_going_live,
    expire,
    publish_translation,
    take_down_story,
    save_snippet(ResourceType, "name"),
    save_snippet(Topic, "name"),
    save_snippet(Region, "name"),
    save_snippet(Partner, "name"),
    change_navigation,
    change_settings,
    replace_image,
    change_image,
    delete_image,
    delete_document,
    add_redirect,
    restrict_with_a_password,
    restrict_to_logged_in_users,
]


@pytest.mark.django_db
@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_after_each_change_the_next_answers_are_fresh(client, settings, change):
    warmed = warm(client)
    assert all(response[HIT_HEADER] == "hit" for response in warmed.values())

    change()

    assert_served_fresh(client, settings)


@pytest.mark.django_db
def test_nothing_is_kept_for_a_logged_in_user(admin_client):
    for path in WATCHED:
        admin_client.get(path)
    assert "hit" not in {admin_client.get(path).get(HIT_HEADER) for path in WATCHED}


@pytest.mark.django_db
def test_what_a_logged_in_user_sees_is_not_kept_for_visitors(admin_client, client):
    admin_client.get("/en/")
    assert client.get("/en/")[HIT_HEADER] == "miss"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path,headers",
    [
        ("/api/v2/pages/?locale=fr", {"HTTP_AUTHORIZATION": "Bearer something"}),
        ("/api/v3/pages/", {"HTTP_AUTHORIZATION": "Bearer something"}),
        ("/api/v2/pages/?locale=fr&version=draft", {}),
    ],
)
def test_requests_with_tokens_or_for_drafts_are_never_answered_from_the_cache(
    client, path, headers
):
    client.get(path, **headers)
    assert client.get(path, **headers).get(HIT_HEADER) != "hit"


@pytest.mark.django_db
def test_a_page_password_passed_is_not_shared(client):
    page = resource()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    form = client.get(page.url)
    assert form[HIT_HEADER] == "miss"
    assert client.get(page.url)[HIT_HEADER] == "miss"  # the form carries a token of its own


@pytest.mark.django_db
def test_the_admin_is_never_kept(admin_client, client):
    client.get(reverse("wagtailadmin_login"))
    assert client.get(reverse("wagtailadmin_login")).get(HIT_HEADER) != "hit"


@pytest.mark.django_db
def test_response_cache_off_renders_every_request(client, settings):
    settings.RESPONSE_CACHE = False
    client.get("/en/")
    assert HIT_HEADER not in client.get("/en/")


@pytest.mark.django_db
def test_a_search_kept_before_the_page_was_indexed_is_fresh_once_the_worker_indexed_it(client):
    from modelsearch.tasks import insert_or_update_object_task

    page = resource()
    # The page changed, its index entry not yet (the worker's task comes after the publish).
    ResourcePage.objects.filter(pk=page.pk).update(title="Zanzibarite findings")
    path = "/en/search/?q=Zanzibarite"
    assert 'class="search-result"' not in client.get(path).content.decode()
    assert client.get(path)[HIT_HEADER] == "hit"

    insert_or_update_object_task.enqueue("resources", "resourcepage", page.pk)

    found = client.get(path)
    assert found[HIT_HEADER] == "miss"
    assert 'class="search-result"' in found.content.decode()
