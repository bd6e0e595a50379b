"""The sites tests run against (tests/site.py) come back whole after a transactional test
flushed the database: with what Wagtail's and this project's data migrations made, not only
the pages a factory builds again."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import Page, Workflow

from stories.models import ConsentRecord, SurvivorStoryPage
from tests.site import ensure_demo_site, ensure_test_site


def what_a_test_may_rely_on():
    return {
        "groups": set(Group.objects.values_list("name", flat=True)),
        "workflows": set(Workflow.objects.values_list("name", flat=True)),
        "permissions": Permission.objects.count(),
        "pages": set(Page.objects.values_list("url_path", "locale__language_code")),
        "root workflow": Page.objects.get(depth=2, locale__language_code="en").get_workflow(),
    }


def flush():
    call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_after_a_flush_the_test_site_has_wagtails_groups_and_workflow_again():
    ensure_test_site()
    before = what_a_test_may_rely_on()
    assert {"Editors", "Moderators"} <= before["groups"]
    assert before["root workflow"] is not None

    flush()
    ensure_test_site()

    assert what_a_test_may_rely_on() == before


@pytest.mark.django_db(transaction=True)
def test_after_a_flush_the_demo_comes_back_with_its_stories_still_published():
    ensure_demo_site()
    before = what_a_test_may_rely_on()
    live_stories = set(SurvivorStoryPage.objects.live().values_list("pk", flat=True))
    consents = ConsentRecord.objects.count()
    assert live_stories and consents

    flush()
    ensure_demo_site()

    assert what_a_test_may_rely_on() == before
    assert set(SurvivorStoryPage.objects.live().values_list("pk", flat=True)) == live_stories
    assert ConsentRecord.objects.count() == consents
