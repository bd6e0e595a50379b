"""Editors schedule publishing to the minute, in the site's time zone, which the admin names
beside publishing times and consent dates; the operator sets it with TIME_ZONE."""

import datetime
import zoneinfo

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from home.models import StandardPage
from tests.factories import StandardPageFactory

NAIROBI = "Africa/Nairobi"  # UTC+03:00 all year round


def test_time_zone_comes_from_the_environment(run_python):
    result = run_python(
        "from django.conf import settings as s; print(s.TIME_ZONE)",
        "cms.settings.dev",
        TIME_ZONE=NAIROBI,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == NAIROBI


def test_time_zone_is_utc_unless_configured(run_python):
    result = run_python(
        "from django.conf import settings as s; print(s.TIME_ZONE)",
        "cms.settings.dev",
        TIME_ZONE="",
    )

    assert result.stdout.strip() == "UTC", result.stderr


def test_an_unknown_time_zone_is_refused_with_a_clear_message(run_python):
    result = run_python("pass", "cms.settings.dev", TIME_ZONE="Mars/Olympus_Mons")

    assert result.returncode != 0
    assert "TIME_ZONE='Mars/Olympus_Mons' is not a time zone name" in result.stderr


@pytest.fixture
def page(english_home):
    return StandardPageFactory(parent=english_home, title="Launch", slug="launch")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.django_db
@override_settings(TIME_ZONE=NAIROBI)
def test_schedule_dialog_names_the_sites_time_zone(admin_client, page):
    html = admin_client.get(edit_url(page)).content.decode()

    assert "Time in the site&#x27;s time zone: Africa/Nairobi (UTC+03:00)" in html


@pytest.mark.django_db
def test_schedule_picker_lists_quarter_hours_rather_than_whole_hours(admin_client, page):
    html = admin_client.get(edit_url(page)).content.decode()

    assert 'initDateTimeChooser("id_go_live_at"' in html
    assert '"step": 15' in html


@pytest.mark.django_db
@override_settings(TIME_ZONE=NAIROBI)
def test_editor_schedules_publishing_to_the_minute_in_the_sites_time_zone(admin_client, page):
    response = admin_client.post(
        edit_url(page),
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body-count": "0",
            "go_live_at": "2030-01-02 09:45",
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    scheduled = StandardPage.objects.get(pk=page.pk).get_latest_revision()
    expected = datetime.datetime(2030, 1, 2, 9, 45, tzinfo=zoneinfo.ZoneInfo(NAIROBI))
    assert scheduled.approved_go_live_at == expected
    assert timezone.localtime(expected).strftime("%H:%M") == "09:45"
    assert 'value="2030-01-02 09:45"' in admin_client.get(edit_url(page)).content.decode()
