import datetime

import pytest
from django.contrib.auth.models import Permission

from stories.models import ConsentRecord
from tests.factories import SurvivorStoryPageFactory


@pytest.fixture
def story_ending_soon(story_index):
    story = SurvivorStoryPageFactory(
        parent=story_index,
        title="Ending soon",
        slug="ending-soon",
    )
    ConsentRecord.objects.filter(story=story).update(
        expires_on=datetime.date.today() + datetime.timedelta(days=10)
    )
    return story


@pytest.mark.django_db
def test_custodians_dashboard_lists_consents_ending_within_30_days(admin_client, story_ending_soon):
    html = admin_client.get("/admin/").content.decode()

    assert "1 consent ends within 30 days" in html or "A consent ends within 30 days" in html
    assert "Ending soon" in html


@pytest.mark.django_db
def test_other_admin_users_dashboard_does_not(client, django_user_model, story_ending_soon):
    editor = django_user_model.objects.create_user(username="ed", password="x-long-password-1")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    html = client.get("/admin/").content.decode()

    assert "Ending soon" not in html
    assert "consent" not in html.lower()
