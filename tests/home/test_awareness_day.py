"""Editors give a campaign's yearly awareness day as a day and a month, without a year."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import CampaignPage
from tests.factories import CampaignIndexPageFactory, CampaignPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign_index(english_home):
    return CampaignIndexPageFactory(parent=english_home, slug="campaigns")


def add_campaign(client, index, title, day, month):
    form = nested_form_data(
        {
            "action-publish": "action-publish",
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "intro": "Why it matters.",
            "awareness_date_0": day,
            "awareness_date_1": month,
            "body": streamfield([]),
            "calls_to_action": streamfield([]),
            "related_pages": streamfield([]),
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["home", "campaignpage", index.pk])
    return client.post(url, form)


def test_a_yearly_day_is_given_without_a_year(admin_client, campaign_index):
    response = add_campaign(admin_client, campaign_index, "World Day", "30", "7")

    assert response.status_code == 302, response.context["form"].errors
    campaign = CampaignPage.objects.get(title="World Day")
    assert (campaign.awareness_date.month, campaign.awareness_date.day) == (7, 30)
    assert admin_client.get(campaign.url).status_code == 200
    form = admin_client.get(reverse("wagtailadmin_pages:edit", args=[campaign.pk]))
    assert 'name="awareness_date_0"' in form.content.decode()
    assert 'name="awareness_date_2"' not in form.content.decode()


@pytest.mark.parametrize(
    ("day", "month", "message"),
    [
        ("31", "2", "February has no day 31: choose another day."),
        ("30", "", "Choose both the day and the month, e.g. 30 July, or neither."),
    ],
)
def test_an_impossible_or_half_given_day_is_a_form_error(
    admin_client, campaign_index, day, month, message
):
    response = add_campaign(admin_client, campaign_index, "World Day", day, month)

    assert response.status_code == 200
    assert response.context["form"].errors["awareness_date"] == [message]
    assert not CampaignPage.objects.filter(title="World Day").exists()


def test_a_day_on_29_february_comes_back_on_the_28th_in_other_years(campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index, awareness_date=datetime.date(2000, 2, 29))

    assert campaign.next_awareness_day(datetime.date(2027, 1, 5)) == datetime.date(2027, 2, 28)
    assert campaign.next_awareness_day(datetime.date(2027, 3, 1)) == datetime.date(2028, 2, 29)
