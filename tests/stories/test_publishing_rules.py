"""A survivor story cannot be published without valid consent, by any path: the admin's page
editor, bulk publishing, scheduled publishing, API v3 writes, the translation editor, a copy,
or code. A story whose consent ends leaves the site by itself."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, ModelLogEntry, PageLogEntry

from stories.models import ConsentRecord, StoryIndexPage, SurvivorStoryPage
from stories.publishing import StoryConsentError
from tests.factories import ConsentRecordFactory, StandardPageFactory, SurvivorStoryPageFactory
from tests.html import parse

TODAY = datetime.date.today

# Besides the story each test makes: the site, with another story, translated into French.
pytestmark = pytest.mark.usefixtures("module_site_content")


def story_index(language="en"):
    return StoryIndexPage.objects.get(locale__language_code=language)


def new_story(**kwargs):
    return SurvivorStoryPageFactory(
        parent=story_index(), title="Told in the market", slug="market", **kwargs
    )


def is_live(page):
    return SurvivorStoryPage.objects.get(pk=page.pk).live


def submit_for_translation(client, story, capture):
    """A French draft of the story, as an editor starts it in the admin."""
    french = Locale.objects.get(language_code="fr")
    with capture(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[story.pk]),
            {"locales": [french.pk]},
        )
    assert response.status_code == 302
    return story.get_translation(french)


def french_translation(story, capture):
    """A published French translation."""
    with capture(execute=True):
        story.copy_for_translation(Locale.objects.get(language_code="fr"))
    french = story.get_translation(Locale.objects.get(language_code="fr"))
    french.save_revision().publish()
    return SurvivorStoryPage.objects.get(pk=french.pk)


def log_actions(page):
    return set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))


# Publishing without consent ---------------------------------------------------------------------


@pytest.mark.django_db
def test_publishing_a_story_without_consent_in_code_raises_and_is_logged():
    story = new_story(consent=False)

    with pytest.raises(StoryConsentError, match="No consent has been recorded"):
        story.save_revision().publish()

    assert not is_live(story)
    assert "stories.publish_refused" in log_actions(story)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "consent, reason",
    [
        ({"covers_web": False}, "does not cover publishing on the web"),
        ({"expires_on": TODAY()}, "withdrawn or has expired"),
        ({"withdrawn_on": TODAY()}, "withdrawn or has expired"),
        ({"given_on": TODAY() + datetime.timedelta(days=2)}, "later date"),
    ],
)
def test_invalid_consent_refuses_publishing(consent, reason):
    story = new_story(consent=False)
    ConsentRecord.objects.bulk_create([ConsentRecordFactory.build(story=story, **consent)])

    with pytest.raises(StoryConsentError, match=reason):
        story.save_revision().publish()
    assert not is_live(story)


@pytest.mark.django_db
def test_a_story_with_valid_consent_is_published_and_shown(client):
    story = new_story()

    assert is_live(story)
    assert client.get(story.url).status_code == 200


@pytest.mark.django_db
def test_the_page_editor_offers_no_publish_button_without_consent(admin_client):
    story = new_story(consent=False)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="action-publish"' not in html
    assert "This story cannot be published." in html
    assert "No consent has been recorded for this story." in html


@pytest.mark.django_db
def test_the_page_editor_offers_publish_to_a_reviewer_when_consent_is_valid(admin_client):
    story = new_story(live=False)

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()

    assert 'name="action-publish"' in html
    assert "Consent is on record" in html


@pytest.mark.django_db
def test_a_forged_publish_in_the_page_editor_saves_a_draft_only(admin_client):
    story = new_story(consent=False)

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        edit_form_data(story, **{"action-publish": "action-publish"}),
    )

    assert response.status_code in (200, 302)
    assert not is_live(story)


@pytest.mark.django_db
def test_creating_and_publishing_a_new_story_in_one_go_is_not_offered(admin_client):
    add_url = reverse(
        "wagtailadmin_pages:add", args=["stories", "survivorstorypage", story_index().pk]
    )

    html = admin_client.get(add_url).content.decode()
    response = admin_client.post(
        add_url,
        {
            "title": "New story",
            "slug": "new-story",
            "pseudonym": "Neema",
            "quote": "A quote.",
            "body": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Body", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "support-count": 0,
            "action-publish": "action-publish",
        },
    )

    assert 'name="action-publish"' not in html
    assert response.status_code in (200, 302)
    created = SurvivorStoryPage.objects.filter(slug="new-story").first()
    assert created is None or not created.live


@pytest.mark.django_db
def test_bulk_publish_leaves_a_story_without_consent_unpublished(admin_client):
    story = new_story(consent=False)
    other = StandardPageFactory(
        parent=story_index().get_parent(), title="Draft page", slug="draft-page", live=False
    )

    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={story.pk}&id={other.pk}"
    )
    confirm = admin_client.get(url)
    response = admin_client.post(url, {})

    assert confirm.status_code == 200
    assert "Told in the market" in confirm.content.decode()  # listed as not publishable
    assert response.status_code in (200, 302)
    assert not is_live(story)
    assert other.__class__.objects.get(pk=other.pk).live


@pytest.mark.django_db
def test_a_copy_of_a_live_story_stays_a_draft(admin_user):
    story = new_story()

    copy = story.copy(
        update_attrs={"slug": "market-copy", "title": "Copy"}, keep_live=True, user=admin_user
    )

    assert is_live(story)
    assert not SurvivorStoryPage.objects.get(pk=copy.pk).live


# API v3 writes ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_v3_publish_of_a_story_without_consent_is_refused_with_the_reason(
    client, admin_user, create_token
):
    story = new_story(consent=False)
    token = create_token(admin_user)

    response = client.post(
        f"/api/v3/pages/{story.pk}/actions/publish/",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )

    assert response.status_code == 403
    assert "No consent has been recorded" in response.json()["detail"]
    assert not is_live(story)


@pytest.mark.django_db
def test_api_v3_update_with_publish_of_a_story_without_consent_is_refused(
    client, admin_user, create_token
):
    story = new_story(consent=False)

    response = client.patch(
        f"/api/v3/pages/{story.pk}/",
        {"meta": {"type": "stories.SurvivorStoryPage", "action": "publish"}},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {create_token(admin_user)}",
    )

    assert response.status_code == 403, response.content
    assert "consent" in response.json()["detail"]
    assert not is_live(story)


@pytest.mark.django_db
def test_api_v3_create_and_publish_of_a_story_is_refused(client, admin_user, create_token):
    response = client.post(
        "/api/v3/pages/",
        {
            "meta": {
                "type": "stories.SurvivorStoryPage",
                "parent_id": story_index().pk,
                "action": "publish",
            },
            "title": "By a script",
            "slug": "by-a-script",
        },
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {create_token(admin_user)}",
    )

    assert response.status_code in (403, 422), response.content
    assert not SurvivorStoryPage.objects.filter(slug="by-a-script", live=True).exists()


@pytest.mark.django_db
def test_api_v3_publishes_a_story_with_valid_consent(client, admin_user, create_token):
    story = new_story(live=False)

    response = client.post(
        f"/api/v3/pages/{story.pk}/actions/publish/",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {create_token(admin_user)}",
    )

    assert response.status_code == 200, response.content
    assert is_live(story)


# Translations -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_translation_needs_consent_for_translation(
    admin_client, django_capture_on_commit_callbacks
):
    story = new_story(consent__covers_translation=False)
    french = submit_for_translation(admin_client, story, django_capture_on_commit_callbacks)

    with pytest.raises(StoryConsentError, match="translations"):
        french.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"}
        )

    assert response.status_code in (302, 403)  # Wagtail: "you do not have permission"
    assert not is_live(french)
    assert is_live(story), "the original keeps its consent for the web"


@pytest.mark.django_db
def test_translators_publish_a_story_translation_when_consent_covers_it(
    admin_client, django_capture_on_commit_callbacks
):
    story = new_story()
    french = submit_for_translation(admin_client, story, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"}
        )

    assert response.status_code in (200, 302)
    assert is_live(french)


# Scheduled publishing ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_scheduled_publishing_skips_a_story_that_lost_its_consent_and_publishes_the_rest():
    story = new_story(live=False)
    page = StandardPageFactory(
        parent=story_index().get_parent(), title="Scheduled", slug="scheduled", live=False
    )
    past = timezone.now() - datetime.timedelta(minutes=5)
    for scheduled in (story, page):
        revision = scheduled.save_revision()
        revision.approved_go_live_at = past
        revision.save()
    ConsentRecord.objects.filter(story=story).update(withdrawn_on=TODAY())

    call_command("publish_scheduled", stdout=io.StringIO())

    assert not is_live(story)
    assert page.__class__.objects.get(pk=page.pk).live
    assert "stories.unschedule.consent" in log_actions(story)
    assert not story.revisions.filter(approved_go_live_at__isnull=False).exists()


@pytest.mark.django_db
def test_scheduled_publishing_publishes_a_story_with_valid_consent():
    story = new_story(live=False)
    revision = story.save_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    revision.save()

    call_command("publish_scheduled", stdout=io.StringIO())

    assert is_live(story)


# Expiry and withdrawal --------------------------------------------------------------------------


@pytest.mark.django_db
def test_expired_consent_takes_the_story_and_its_translations_off_the_site(
    client, django_capture_on_commit_callbacks
):
    story = new_story()
    french = french_translation(story, django_capture_on_commit_callbacks)
    other = SurvivorStoryPage.objects.filter(locale__language_code="en", live=True).exclude(
        pk=story.pk
    )[0]
    # The day passes: the record is not saved again, only the calendar moves on.
    ConsentRecord.objects.filter(story=story).update(expires_on=TODAY())
    assert client.get(story.url).status_code == 200

    output = io.StringIO()
    call_command("enforce_story_consent", stdout=output)

    assert not is_live(story) and not is_live(french)
    assert is_live(other)
    assert "2 stories unpublished" in output.getvalue()
    for page in (story, french):
        assert "stories.unpublish.consent" in log_actions(page)
        assert client.get(page.url).status_code == 404
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
        assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    listing = client.get("/api/v2/pages/?type=stories.SurvivorStoryPage&limit=50").json()
    assert story.pk not in [item["id"] for item in listing["items"]]
    assert "Told in the market" not in parse(client.get("/en/search/?q=market")).text
    assert story.url not in client.get("/sitemap.xml").content.decode()
    assert story.title not in parse(client.get(story_index().url)).text


@pytest.mark.django_db
def test_running_the_command_again_changes_nothing():
    new_story()
    call_command("enforce_story_consent", stdout=io.StringIO())
    output = io.StringIO()

    call_command("enforce_story_consent", stdout=output)

    assert "0 stories unpublished" in output.getvalue()
    assert SurvivorStoryPage.objects.filter(live=True).count() >= 4


@pytest.mark.django_db
def test_a_custodian_recording_a_withdrawal_takes_the_story_down_at_once(
    admin_client, django_capture_on_commit_callbacks
):
    story = new_story()
    record = ConsentRecord.objects.get(story=story)
    data = {
        "story": story.pk,
        "given_on": record.given_on.isoformat(),
        "covers_web": "on",
        "covers_translation": "on",
        "expires_on": record.expires_on.isoformat(),
        "withdrawn_on": TODAY().isoformat(),
        "withdrawal_reason": "Asked by phone.",
        "custodian_notes": "",
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailsnippets_stories_consentrecord:edit", args=[record.pk]), data
        )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert not is_live(story)
    assert "stories.unpublish.consent" in log_actions(story)
    assert ModelLogEntry.objects.filter(object_id=str(record.pk), action="wagtail.edit").exists()


@pytest.mark.django_db
def test_deleting_a_consent_record_takes_the_story_down(django_capture_on_commit_callbacks):
    story = new_story()

    with django_capture_on_commit_callbacks(execute=True):
        ConsentRecord.objects.get(story=story).delete()

    assert not is_live(story)


def edit_form_data(page, **extra):
    """The page editor's form as the browser would send it back unchanged."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    converter = ContentstateConverter(features=["bold", "italic", "link"])
    return {
        "title": page.title,
        "slug": page.slug,
        "pseudonym": page.pseudonym,
        "quote": page.quote,
        "body": converter.from_database_format(page.body),
        "support-count": 0,  # the stream of helplines, left empty
        "content_warning": page.content_warning,
        "content_warning_topics": page.content_warning_topics,
        "age_range": page.age_range,
        **extra,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("group", ["Editors", None])
def test_syncing_story_translations_and_publishing_them_is_for_story_reviewers(
    client, django_user_model, django_capture_on_commit_callbacks, group
):
    """Editors may sync translations (story reviewers cannot start one), but publishing them
    all at once is for reviewers only: here an administrator."""
    from django.contrib.auth.models import Group
    from wagtail_localize.models import TranslationSource

    call_command("setup_roles", stdout=io.StringIO(), stderr=io.StringIO())
    if group:
        user = django_user_model.objects.create_user("syncer", password="a-long-passphrase-1")
        user.groups.add(Group.objects.get(name=group))
    else:
        user = django_user_model.objects.create_superuser("admin2", password="a-long-pass-2")
    client.force_login(user)
    english = SurvivorStoryPage.objects.get(locale__language_code="en", slug="amani")
    french = english.get_translation(Locale.objects.get(language_code="fr"))
    live_revision = french.live_revision_id
    source = TranslationSource.objects.get(object_id=english.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"}, follow=True)

    french.refresh_from_db()
    assert response.status_code == 200
    if group is None:
        assert french.live_revision_id != live_revision
    else:
        assert "Only story reviewers publish survivor stories" in response.content.decode()
        assert french.live_revision_id == live_revision


@pytest.mark.django_db
def test_syncing_and_publishing_a_translation_without_consent_for_it_is_refused(
    admin_client, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import TranslationSource

    english = SurvivorStoryPage.objects.get(locale__language_code="en", slug="amani")
    ConsentRecord.objects.filter(story=english).update(covers_translation=False)
    source = TranslationSource.objects.get(object_id=english.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"publish_translations": "on"}, follow=True)

    assert response.status_code == 200
    assert "does not cover translations" in response.content.decode()
