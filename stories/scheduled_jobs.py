"""The scheduled jobs: scheduled publishing, consent enforcement and the newsletter's retention
(unconfirmed sign-ups deleted), run every minute by
`manage.py run_scheduled_jobs`, which records each complete run so that the dashboard can warn
when nothing has run for a while (and so nothing goes live or leaves the site on time)."""

import datetime
import socket

from django.core.management import call_command
from django.utils import timezone

from stories.models import ScheduledJobsRun

# The commands of one run, in order: stories whose consent ended leave first.
JOBS = ("enforce_story_consent", "publish_scheduled", "purge_unconfirmed_signups")
INTERVAL_SECONDS = 60
STALE_AFTER = datetime.timedelta(minutes=15)
THE_RUN = 1  # the primary key of the only row


def run_jobs(stdout=None):
    for job in JOBS:
        call_command(job, stdout=stdout)
    return record_run()


def record_run():
    run, _created = ScheduledJobsRun.objects.update_or_create(
        pk=THE_RUN, defaults={"finished_at": timezone.now(), "host": socket.gethostname()}
    )
    return run


def last_run():
    return ScheduledJobsRun.objects.filter(pk=THE_RUN).first()


def is_stale(run, now=None):
    """True when the jobs never ran or last finished more than STALE_AFTER ago."""
    return run is None or run.finished_at < (now or timezone.now()) - STALE_AFTER
