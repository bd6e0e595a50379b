"""The roles made by `setup_roles`: what each group may do, and nothing else.

One user per group, and a superuser who may do everything (which proves that every probe can
succeed). Each capability is tried through the real interfaces, the admin's views, API v3 with a
token and document downloads, on objects made for that one try, and is judged by its effect: a
new draft, a live page, a saved record, a page of the admin that opens. A new capability is one
line in MATRIX."""

import datetime
import io
import uuid
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    PageLogEntry,
)

from core import media_collections
from demo.media import make_image_file, make_pdf_file
from home.models import CampaignIndexPage, HomePage
from resources.models import ResourcePage, ResourceType, Topic
from roles import groups as roles
from stories.models import ConsentRecord, StoryIndexPage, SurvivorStoryPage
from stories.publishing import ensure_consent_forms_collection
from tests.factories import CampaignPageFactory, StandardPageFactory

EDITORS = roles.EDITORS
MODERATORS = roles.MODERATORS
REVIEWERS = roles.STORY_REVIEWERS
CUSTODIANS = roles.STORY_CUSTODIANS
SUPPORTERS = roles.SUPPORTER_MANAGERS
FRENCH = "Translators – French"
SPANISH = "Translators – Spanish"
SUPERUSER = "superuser"
GROUPS = [
    EDITORS,
    MODERATORS,
    REVIEWERS,
    CUSTODIANS,
    SUPPORTERS,
    FRENCH,
    SPANISH,
]  # `people`, by group
EDITING = {EDITORS, MODERATORS}
NOBODY = set()

NEW_TITLE = "Changed by the probe"
CONSENT_RECORDS = "wagtailsnippets_stories_consentrecord:list"

# Campaign and story indexes in every language, a topic and a resource translated.
pytestmark = pytest.mark.usefixtures("module_site_content")


@dataclass
class Attempt:
    """One person trying one thing: their signed-in client, and the fixtures that make what
    they try it on."""

    client: Client
    user: object
    new_story: object
    page_form: object
    create_token: object


@pytest.fixture
def attempt_as(logged_in, new_story, page_form, create_token):
    """`attempt_as(user)`: an `Attempt` of `user`."""

    def attempt(user):
        return Attempt(logged_in(user), user, new_story, page_form, create_token)

    return attempt


# Objects to try things on --------------------------------------------------------------------


def locale(code):
    return Locale.objects.get(language_code=code)


def new_campaign(code="en"):
    index = CampaignIndexPage.objects.get(locale__language_code=code)
    return CampaignPageFactory(parent=index, locale=locale(code), live=False)


def campaign(code="en"):
    """Makes a draft campaign in language `code` for an attempt."""
    return lambda attempt: new_campaign(code)


def story(code="en"):
    """Makes a draft story with valid consent in language `code` for an attempt."""
    return lambda attempt: attempt.new_story(code)


def in_review(page):
    """`page`, submitted to its workflow."""
    page.save_revision()
    page.get_workflow().start(page, user=None)
    return Page.objects.get(pk=page.pk).specific


def signed_form():
    return get_document_model().objects.create(
        title="Signed consent form – probe",
        collection=ensure_consent_forms_collection(),
        file=ContentFile(make_pdf_file("Signed form", ["Probe."]), name="signed-probe.pdf"),
    )


def site_media_image(title="Probe image"):
    return get_image_model().objects.create(
        title=title,
        collection=media_collections.ensure_site_media_collection(),
        file=ContentFile(make_image_file("probe", 40, 30), name="probe.jpg"),
    )


def consent_form(story, **changes):
    return {
        "story": story.pk,
        "given_on": (datetime.date.today() - datetime.timedelta(days=3)).isoformat(),
        "covers_web": "on",
        "covers_translation": "on",
        **changes,
    }


def is_live(page):
    return Page.objects.get(pk=page.pk).live


def draft_title(page):
    return Page.objects.get(pk=page.pk).get_latest_revision_as_object().title


def opens(response, text=None):
    """Whether the admin showed the page (and `text` on it); choosers answer in JSON."""
    if response.status_code != 200:
        return False
    if response["Content-Type"].startswith("application/json"):
        return text is None or text in response.json()["html"]
    return text is None or text in response.content.decode()


# Probes: attempt -> whether the person managed it ----------------------------------------------


def edit(make_page):
    def probe(attempt):
        page = make_page(attempt)
        attempt.client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), attempt.page_form(page, NEW_TITLE)
        )
        return draft_title(page) == NEW_TITLE

    return probe


def publish(make_page):
    def probe(attempt):
        page = make_page(attempt)
        attempt.client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            attempt.page_form(page, NEW_TITLE, **{"action-publish": "action-publish"}),
        )
        return is_live(page) and Page.objects.get(pk=page.pk).title == NEW_TITLE

    return probe


def publish_in_bulk(make_page):
    def probe(attempt):
        page = make_page(attempt)
        page.save_revision()
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        attempt.client.post(f"{url}?id={page.pk}", {})
        return is_live(page)

    return probe


def publish_through_api(make_page):
    def probe(attempt):
        page = make_page(attempt)
        page.save_revision()
        Client().post(
            f"/api/v3/pages/{page.pk}/actions/publish/",
            HTTP_AUTHORIZATION=f"Bearer {attempt.create_token(attempt.user)}",
        )
        return is_live(page)

    return probe


def submit_story_for_review(attempt):
    story = attempt.new_story()
    attempt.client.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        attempt.page_form(story, NEW_TITLE, **{"action-submit": "action-submit"}),
    )
    return SurvivorStoryPage.objects.get(pk=story.pk).workflow_in_progress


def approve(make_page):
    def probe(attempt):
        page = in_review(make_page(attempt))
        task_state = page.current_workflow_task_state
        attempt.client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
        )
        return is_live(page)

    return probe


def unpublish_story(attempt):
    story = attempt.new_story(live=True)
    attempt.client.post(reverse("wagtailadmin_pages:unpublish", args=[story.pk]))
    return not is_live(story)


def lock_page(attempt):
    campaign = new_campaign()
    attempt.client.post(reverse("wagtailadmin_pages:lock", args=[campaign.pk]))
    return Page.objects.get(pk=campaign.pk).locked


def add_consent_record(attempt):
    story = attempt.new_story(consent=False)
    attempt.client.post(reverse("wagtailsnippets_stories_consentrecord:add"), consent_form(story))
    return ConsentRecord.objects.filter(story=story).exists()


def edit_consent_record(attempt):
    story = attempt.new_story()
    record = ConsentRecord.objects.get(story=story)
    attempt.client.post(
        reverse("wagtailsnippets_stories_consentrecord:edit", args=[record.pk]),
        consent_form(story, custodian_notes="Checked with the survivor again."),
    )
    record.refresh_from_db()
    return record.custodian_notes == "Checked with the survivor again."


def delete_consent_record(attempt):
    record = ConsentRecord.objects.get(story=attempt.new_story())
    attempt.client.post(reverse("wagtailsnippets_stories_consentrecord:delete", args=[record.pk]))
    return not ConsentRecord.objects.filter(pk=record.pk).exists()


def download_signed_form(attempt):
    response = attempt.client.get(signed_form().url)
    return response.status_code == 200 and b"%PDF" in b"".join(response.streaming_content)


def choose_a_signed_form(attempt):
    document = signed_form()
    url = reverse("wagtaildocs_chooser:choose")
    response = attempt.client.get(url, {"collection_id": document.collection_id})
    return opens(response, document.title)


def open_a_signed_form(attempt):
    return opens(attempt.client.get(reverse("wagtaildocs:edit", args=[signed_form().pk])))


def upload_an_image(attempt):
    site_media = media_collections.ensure_site_media_collection()
    title = f"Uploaded by {attempt.user.username}"
    attempt.client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "collection": site_media.pk,
            "file": SimpleUploadedFile("photo.jpg", make_image_file("upload", 40, 30)),
        },
    )
    return get_image_model().objects.filter(title=title, collection=site_media).exists()


def choose_an_image(attempt):
    image = site_media_image(f"Chosen by {attempt.user.username}")
    return opens(attempt.client.get(reverse("wagtailimages_chooser:choose")), image.title)


def add_a_resource_type(attempt):
    name = f"Fact sheet {attempt.user.username}"
    url = reverse("wagtailsnippets_resources_resourcetype:add")
    attempt.client.post(f"{url}?locale=en", {"name": name, "slug": f"fact-sheet-{attempt.user.pk}"})
    return ResourceType.objects.filter(name=name).exists()


def edit_a_french_topic(attempt):
    topic = Topic.objects.filter(locale__language_code="fr").first()
    return opens(
        attempt.client.get(reverse("wagtailsnippets_resources_topic:edit", args=[topic.pk]))
    )


def start_a_french_translation(attempt):
    page = StandardPageFactory(parent=HomePage.objects.get(locale__language_code="en", depth=2))
    attempt.client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale("fr").pk]},
    )
    return page.has_translation(locale("fr"))


def see_consent_in_site_history(attempt):
    record = ConsentRecord.objects.get(story=attempt.new_story())
    log(instance=record, action="wagtail.edit")
    return opens(attempt.client.get(reverse("wagtailadmin_reports:site_history")), str(record))


def french_story_translation(attempt):
    """A draft French translation, made with wagtail-localize, of a live English story."""
    from wagtail_localize.models import Translation, TranslationSource

    english = attempt.new_story(live=True)
    source, _ = TranslationSource.get_or_create_from_instance(english)
    translation = Translation.objects.create(source=source, target_locale=locale("fr"))
    translation.save_target(publish=False)
    return english.get_translation(locale("fr"))


def submit_a_story_translation_from_the_translation_editor(attempt):
    french = french_story_translation(attempt)
    attempt.client.post(reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "submit"})
    return SurvivorStoryPage.objects.get(pk=french.pk).workflow_in_progress


def on_dashboard_panel(attempt, panel_id, text):
    """Whether the dashboard shows `text` in its panel `panel_id`."""
    response = attempt.client.get(reverse("wagtailadmin_home"))
    if not opens(response) or f'id="{panel_id}' not in response.content.decode():
        return False
    panel = response.content.decode().split(f'id="{panel_id}', 1)[1].split("</section>", 1)[0]
    return text in panel


def see_a_story_translation_waiting_for_review(attempt):
    french = in_review(french_story_translation(attempt))
    return on_dashboard_panel(attempt, "awaiting-review", french.get_admin_display_title())


def see_stories_waiting_for_consent(attempt):
    story = attempt.new_story(consent=False, title=f"Untold {attempt.user.username}")
    return on_dashboard_panel(attempt, "stories-awaiting-consent", story.title)


def open_admin(url):
    def probe(attempt):
        return opens(attempt.client.get(url if url.startswith("/") else reverse(url)))

    return probe


def a_subscriber():
    from newsletter.models import ConsentWording, MailingList, Subscriber, Subscription

    mailing_list = MailingList.objects.create(name="Probe list", slug=f"probe-{uuid.uuid4().hex}")
    subscriber = Subscriber.objects.create(email=f"probe{mailing_list.pk}@mail.com", language="en")
    wording = ConsentWording.objects.create(text="I agree.")
    Subscription.objects.create(
        subscriber=subscriber,
        mailing_list=mailing_list,
        consent_wording=wording,
        status="confirmed",
    )
    return subscriber


def erase_a_subscriber(attempt):
    from newsletter.models import Subscriber

    subscriber = a_subscriber()
    attempt.client.post(reverse("newsletter_erase", args=[subscriber.pk]))
    return not Subscriber.objects.filter(pk=subscriber.pk).exists()


def see_subscriber_counts(attempt):
    a_subscriber()
    return "newsletter-subscriptions" in attempt.client.get(reverse("wagtailadmin_home")).text


def add_a_mailing_list(attempt):
    from newsletter.models import MailingList

    slug = f"probe-{uuid.uuid4().hex}"
    attempt.client.post(
        reverse("wagtailsnippets_newsletter_mailinglist:add"),
        {
            "name": "Probe list",
            "slug": slug,
            "kind": "newsletter",
            "locale": locale("en").pk,
        },
    )
    return MailingList.objects.filter(slug=slug).exists()


MATRIX = [
    # Pages: editors work in every language; translators in theirs; stories go to reviewers.
    ("edit an English campaign page", edit(campaign()), EDITING),
    ("publish an English campaign page", publish(campaign()), EDITING),
    ("publish an English campaign page through API v3", publish_through_api(campaign()), EDITING),
    ("edit a French campaign page", edit(campaign("fr")), EDITING | {FRENCH}),
    ("publish a French campaign page", publish(campaign("fr")), EDITING | {FRENCH}),
    ("lock a page", lock_page, {MODERATORS}),
    ("approve a campaign page in review", approve(campaign()), {MODERATORS}),
    ("edit an English story", edit(story()), EDITING | {REVIEWERS}),
    ("edit a French story", edit(story("fr")), EDITING | {REVIEWERS, FRENCH}),
    ("submit a story for review", submit_story_for_review, EDITING | {REVIEWERS}),
    ("approve a story in review", approve(story()), {REVIEWERS}),
    ("publish an English story", publish(story()), {REVIEWERS}),
    ("publish a French story", publish(story("fr")), {REVIEWERS}),
    ("publish a story in bulk", publish_in_bulk(story()), {REVIEWERS}),
    ("publish a story through API v3", publish_through_api(story()), {REVIEWERS}),
    ("unpublish a story", unpublish_story, EDITING | {REVIEWERS}),
    ("submit a French story translation from the translation editor",
     submit_a_story_translation_from_the_translation_editor, EDITING | {REVIEWERS, FRENCH}),
    ("see a story translation waiting for review on the dashboard",
     see_a_story_translation_waiting_for_review, {REVIEWERS}),
    # Consent: story custodians only; nobody deletes a record.
    ("open the consent records", open_admin(CONSENT_RECORDS), {CUSTODIANS}),
    ("see stories waiting for consent on the dashboard", see_stories_waiting_for_consent,
     {CUSTODIANS}),
    ("add a consent record", add_consent_record, {CUSTODIANS}),
    ("edit a consent record", edit_consent_record, {CUSTODIANS}),
    ("delete a consent record", delete_consent_record, NOBODY),
    ("download a signed consent form", download_signed_form, {CUSTODIANS}),
    ("find consent forms in the document chooser", choose_a_signed_form, {CUSTODIANS}),
    ("open a signed consent form in the admin", open_a_signed_form, {CUSTODIANS}),
    ("see consent records in the site history", see_consent_in_site_history, {CUSTODIANS}),
    # Subscribers: supporter managers only.
    ("open the subscribers", open_admin("newsletter_subscription:index"), {SUPPORTERS}),
    ("export subscribers", open_admin("/admin/newsletter_subscription/?export=csv"), {SUPPORTERS}),
    ("erase a subscriber", erase_a_subscriber, {SUPPORTERS}),
    ("see subscriber counts on the dashboard", see_subscriber_counts, {SUPPORTERS}),
    ("add a mailing list", add_a_mailing_list, EDITING),
    # Media, library and translations.
    ("upload an image to Site media", upload_an_image, EDITING),
    ("choose an image from Site media", choose_an_image, EDITING | {REVIEWERS, FRENCH, SPANISH}),
    ("add a resource type", add_a_resource_type, EDITING),
    ("edit a French topic", edit_a_french_topic, EDITING | {FRENCH}),
    ("start a French translation", start_a_french_translation, EDITING | {FRENCH}),
    # Running the site.
    ("manage redirects", open_admin("wagtailredirects:index"), {MODERATORS}),
    ("manage users", open_admin("wagtailusers_users:index"), NOBODY),
    ("manage groups", open_admin("wagtailusers_groups:index"), NOBODY),
    ("manage workflows", open_admin("wagtailadmin_workflows:index"), NOBODY),
    ("manage sites", open_admin("wagtailsites:index"), NOBODY),
    ("manage locales", open_admin("wagtaillocales:index"), NOBODY),
    ("manage API tokens", open_admin("wagtailusers_api_tokens:index"), NOBODY),
    ("manage webhooks", open_admin("/admin/webhooks/endpoints/"), NOBODY),
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("probe", "groups"), [pytest.param(probe, groups, id=name) for name, probe, groups in MATRIX]
)
def test_each_group_may_do_what_its_role_says_and_nothing_else(people, attempt_as, probe, groups):
    assert set(people) == set(GROUPS) | {SUPERUSER}
    allowed = {name for name, user in people.items() if probe(attempt_as(user))}

    assert allowed == groups | {SUPERUSER}


# The command itself ------------------------------------------------------------------------


def run_setup_roles():
    output, errors = io.StringIO(), io.StringIO()
    call_command("setup_roles", stdout=output, stderr=errors)
    return output.getvalue(), errors.getvalue()


def permission_rows(group):
    return (
        set(group.permissions.values_list("pk", flat=True)),
        set(GroupPagePermission.objects.filter(group=group).values_list("page", "permission")),
        set(
            GroupCollectionPermission.objects.filter(group=group).values_list(
                "collection", "permission"
            )
        ),
    )


@pytest.mark.django_db
def test_running_setup_roles_again_changes_nothing(people):
    before = {group.name: permission_rows(group) for group in Group.objects.all()}

    output, _ = run_setup_roles()

    assert {group.name: permission_rows(group) for group in Group.objects.all()} == before
    assert output.count("[unchanged]") == len(GROUPS) + 2  # and Swahili and Arabic translators
    assert "created" not in output and "repaired" not in output


@pytest.mark.django_db
def test_no_group_keeps_a_permission_on_the_root_page_or_the_root_collection(people):
    root_collection = Collection.get_first_root_node()

    assert not GroupPagePermission.objects.filter(page__depth=1).exists()
    assert not GroupCollectionPermission.objects.filter(collection=root_collection).exists()
    consent_forms = ensure_consent_forms_collection()
    reaching_consent_forms = Group.objects.filter(
        collection_permissions__collection__in=consent_forms.get_ancestors(inclusive=True)
    ).distinct()
    assert [group.name for group in reaching_consent_forms] == [CUSTODIANS]


@pytest.mark.django_db
def test_setup_roles_repairs_a_group_that_drifted(people, attempt_as):
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.add(*Group.objects.get(name=CUSTODIANS).permissions.all())
    GroupCollectionPermission.objects.create(
        group=editors,
        collection=ensure_consent_forms_collection(),
        permission=Permission.objects.get(codename="choose_document"),
    )

    output, _ = run_setup_roles()

    assert f"{EDITORS}: " in output and "repaired" in output
    assert not editors.permissions.filter(codename__endswith="consentrecord").exists()
    assert not download_signed_form(attempt_as(people[EDITORS]))


@pytest.mark.django_db
def test_setup_roles_points_at_media_only_superusers_reach(people):
    Collection.get_first_root_node().add_child(name="Old uploads")

    _, errors = run_setup_roles()

    assert "Old uploads" in errors


@pytest.mark.django_db
def test_stories_in_every_language_follow_the_story_review_workflow(people, new_story):
    for index in StoryIndexPage.objects.all():
        story = new_story(index.locale.language_code)
        assert story.get_workflow().name == roles.STORY_WORKFLOW
        tasks = [task.specific for task in story.get_workflow().tasks]
        assert [(task.name, [group.name for group in task.groups.all()]) for task in tasks] == [
            (roles.STORY_REVIEW_TASK, [REVIEWERS])
        ]
    assert new_campaign().get_workflow().name == roles.SITE_WORKFLOW


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_log_in_for_a_signed_form(client, people):
    response = client.get(signed_form().url)

    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("group", [EDITORS, MODERATORS, REVIEWERS])
def test_a_storys_history_shows_nothing_of_its_consent_record(people, logged_in, new_story, group):
    story = new_story(live=True)
    record = ConsentRecord.objects.get(story=story)
    log(instance=record, action="wagtail.edit", user=people[CUSTODIANS])
    assert PageLogEntry.objects.filter(page=story).exists()

    response = logged_in(people[group]).get(reverse("wagtailadmin_pages:history", args=[story.pk]))

    assert opens(response, story.title)
    assert str(record) not in response.content.decode()
    assert "Consent for" not in response.content.decode()


@pytest.mark.django_db
def test_story_custodians_find_the_story_in_the_page_chooser_without_page_permissions(
    people, logged_in, new_story
):
    story = new_story(consent=False)
    custodian = logged_in(people[CUSTODIANS])

    form = custodian.get(reverse("wagtailsnippets_stories_consentrecord:add"))
    chooser = custodian.get(
        reverse("wagtailadmin_choose_page_child", args=[story.get_parent().pk]),
        {"page_type": "stories.survivorstorypage"},
    )

    assert opens(form)
    assert opens(chooser, story.title)
    assert not GroupPagePermission.objects.filter(group__name=CUSTODIANS).exists()


@pytest.mark.django_db
def test_only_translators_are_emailed_when_an_english_source_changes(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    for user in people.values():
        user.email = f"{user.username}@example.org"
        user.save()
    resource = ResourcePage.objects.get(locale__language_code="en", slug="laws-across-africa")
    resource.summary = "Chatbots now groom people on many more platforms."

    with django_capture_on_commit_callbacks(execute=True):
        resource.save_revision().publish()

    recipients = {address for message in mailoutbox for address in message.to}
    assert recipients == {people[FRENCH].email, people[SPANISH].email}
