"""Both content APIs are mounted; issue-level contracts for them live with the API work."""

import pytest

from home.models import CampaignPage
from tests.factories import CampaignIndexPageFactory, CampaignPageFactory, translate


@pytest.mark.django_db
def test_api_v2_lists_the_french_campaign(client, english_home):
    campaigns = CampaignIndexPageFactory(parent=english_home, title="Campaigns")
    translate(campaigns, "fr")
    translate(CampaignPageFactory(parent=campaigns), "fr")
    french = CampaignPage.objects.get(locale__language_code="fr")

    response = client.get("/api/v2/pages/", {"type": "home.CampaignPage", "locale": "fr"})

    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [french.pk]
    assert items[0]["title"] == french.title


@pytest.mark.django_db
def test_api_v3_publishes_its_openapi_document(client):
    response = client.get("/api/v3/openapi.json")

    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")
