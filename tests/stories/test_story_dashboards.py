"""What each person finds waiting on their admin dashboard: story custodians the stories waiting
for consent, the writer of a story taken down for consent the news (and nothing of the consent),
translators their own queue, moderators and story reviewers their own reviews."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Locale

from roles import groups as roles
from stories.models import ConsentRecord
from stories.scheduled_jobs import record_run
from tests.factories import CampaignIndexPageFactory, CampaignPageFactory

EDITORS = roles.EDITORS
MODERATORS = roles.MODERATORS
REVIEWERS = roles.STORY_REVIEWERS
CUSTODIANS = roles.STORY_CUSTODIANS
FRENCH = "Translators – French"
SPANISH = "Translators – Spanish"
WITHDRAWAL_REASON = "Her family found the story."

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_indexes")]


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_custodians_see_the_stories_waiting_for_consent_and_nobody_else_does(
    people, logged_in, new_story
):
    new_story(consent=False, title="Told last week")
    new_story(title="Already consented")

    html = dashboard(logged_in(people[CUSTODIANS]))

    assert "waiting for consent" in html and "Told last week" in html
    assert "Already consented" not in html
    for group in (EDITORS, REVIEWERS, FRENCH):
        assert "waiting for consent" not in dashboard(logged_in(people[group])), group


def test_the_editor_is_told_their_story_was_taken_down_without_the_consent_details(
    people, logged_in, new_story, django_capture_on_commit_callbacks
):
    record_run()  # a healthy site: no scheduled-jobs warning beside the news
    story = new_story(live=True, title="The night bus")
    story.save_revision(user=people[EDITORS])
    record = ConsentRecord.objects.get(story=story)

    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(people[CUSTODIANS]).post(
            reverse("wagtailsnippets_stories_consentrecord:edit", args=[record.pk]),
            {
                "story": story.pk,
                "given_on": record.given_on.isoformat(),
                "covers_web": "on",
                "covers_translation": "on",
                "withdrawn_on": datetime.date.today().isoformat(),
                "withdrawal_reason": WITHDRAWAL_REASON,
            },
        )
    assert response.status_code == 302

    html = dashboard(logged_in(people[EDITORS]))
    assert "taken down" in html and "The night bus" in html
    assert WITHDRAWAL_REASON not in html
    assert "withdrawn" not in html.lower() and "expire" not in html.lower()
    assert "taken down" not in dashboard(logged_in(people[MODERATORS])), "not their story"


def test_translators_see_their_own_queue(
    people, logged_in, new_story, django_capture_on_commit_callbacks
):
    english = new_story(live=True, title="Learning to trust")
    with django_capture_on_commit_callbacks(execute=True):
        logged_in(people[EDITORS]).post(
            reverse("wagtail_localize:submit_page_translation", args=[english.pk]),
            {"locales": [Locale.objects.get(language_code="fr").pk]},
        )

    french_html = dashboard(logged_in(people[FRENCH]))

    assert "waiting for you" in french_html and "Learning to trust" in french_html
    assert "texts to translate" in french_html
    assert "Learning to trust" not in dashboard(logged_in(people[SPANISH]))


def test_moderators_and_story_reviewers_each_see_their_own_reviews(
    people, logged_in, english_home, new_story, django_capture_on_commit_callbacks
):
    campaign = CampaignPageFactory(
        parent=CampaignIndexPageFactory(parent=english_home), title="Safe jobs week", live=False
    )
    story = new_story(title="A new start")
    for page in (campaign, story):
        page.save_revision(user=people[EDITORS])
        page.get_workflow().start(page, people[EDITORS])

    moderator, reviewer = (
        dashboard(logged_in(people[MODERATORS])),
        dashboard(logged_in(people[REVIEWERS])),
    )

    assert "Safe jobs week" in moderator and "A new start" not in moderator
    assert "A new start" in reviewer and "Safe jobs week" not in reviewer
