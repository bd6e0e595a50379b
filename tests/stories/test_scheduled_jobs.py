"""Scheduled publishing and consent enforcement run by themselves: `run_scheduled_jobs` (beside
the development server in `make run`, a worker or cron in production) publishes what is due,
takes down stories whose consent ended and records that it ran; the dashboard of those who
publish warns when it has not run for 15 minutes."""

import datetime
import io
import shutil
import subprocess

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from home.models import StandardPage
from stories.models import ConsentRecord, ScheduledJobsRun, SurvivorStoryPage
from stories.scheduled_jobs import record_run
from tests.factories import StandardPageFactory, SurvivorStoryPageFactory

WARNING = "Scheduled publishing is not running"


def schedule(page, go_live_at):
    revision = page.save_revision()
    revision.approved_go_live_at = go_live_at
    revision.save()


@pytest.mark.django_db
def test_one_run_publishes_what_is_due_takes_down_ended_consent_and_is_recorded(story_index):
    due = StandardPageFactory(parent=story_index.get_parent(), slug="due", live=False)
    schedule(due, timezone.now() - datetime.timedelta(minutes=2))
    story = SurvivorStoryPageFactory(parent=story_index, title="Ended", slug="ended")
    ConsentRecord.objects.filter(story=story).update(expires_on=datetime.date.today())
    before = timezone.now()

    call_command("run_scheduled_jobs", "--once", stdout=io.StringIO())

    assert StandardPage.objects.get(pk=due.pk).live
    assert not SurvivorStoryPage.objects.get(pk=story.pk).live
    run = ScheduledJobsRun.objects.get()
    assert run.finished_at >= before
    assert run.host


@pytest.mark.django_db
def test_a_run_leaves_pages_scheduled_for_later_alone(english_home):
    later = StandardPageFactory(parent=english_home, slug="later", live=False)
    schedule(later, timezone.now() + datetime.timedelta(minutes=30))

    call_command("run_scheduled_jobs", "--once", stdout=io.StringIO())

    assert not StandardPage.objects.get(pk=later.pk).live


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["Editors", "Moderators", "superuser"])
def test_publishers_are_warned_when_the_jobs_never_ran(people, logged_in, who):
    html = logged_in(people[who]).get(reverse("wagtailadmin_home")).content.decode()

    assert WARNING in html
    assert "have never run" in html
    assert "python manage.py run_scheduled_jobs" in html


@pytest.mark.django_db
def test_publishers_are_warned_when_the_last_run_is_older_than_15_minutes(people, logged_in):
    run = record_run()
    run.finished_at = timezone.now() - datetime.timedelta(minutes=16)
    run.save()

    html = logged_in(people["Editors"]).get(reverse("wagtailadmin_home")).content.decode()

    assert WARNING in html
    assert "more than 15 minutes ago" in html


@pytest.mark.django_db
def test_no_warning_while_the_jobs_run(people, logged_in):
    call_command("run_scheduled_jobs", "--once", stdout=io.StringIO())

    html = logged_in(people["Editors"]).get(reverse("wagtailadmin_home")).content.decode()

    assert WARNING not in html


@pytest.mark.django_db
def test_custodians_who_publish_no_pages_see_no_warning(people, logged_in):
    html = logged_in(people["Story custodians"]).get(reverse("wagtailadmin_home")).content.decode()

    assert WARNING not in html


def test_make_run_starts_the_jobs_beside_the_server_and_stops_them_with_it():
    commands = subprocess.run(
        [shutil.which("make"), "-n", "run"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    worker = commands.index("manage.py run_scheduled_jobs &")
    assert "kill $jobs" in commands[worker:]
    assert worker < commands.index("manage.py runserver")


@pytest.mark.django_db
@override_settings(TIME_ZONE="Africa/Nairobi")
def test_consent_record_dates_say_in_which_time_zone_their_days_begin(admin_client, story_index):
    story = SurvivorStoryPageFactory(parent=story_index, title="Told", slug="told")
    record = ConsentRecord.objects.get(story=story)
    url = reverse("wagtailsnippets_stories_consentrecord:edit", args=[record.pk])

    html = admin_client.get(url).content.decode()

    zone = "The day begins at midnight in the site&#x27;s time zone: Africa/Nairobi (UTC+03:00)."
    assert html.count(zone) == 3  # given on, expires on, withdrawn on
    assert "The story leaves the site on this day." in html
