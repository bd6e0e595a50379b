"""Editors build every page type and snippet through the admin's own views."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from core.models import NavigationMenu, SiteSettings
from home.models import CampaignIndexPage, CampaignPage, HomePage, StandardPage
from resources.models import Partner, Region, ResourceIndexPage, ResourcePage, ResourceType, Topic
from stories.models import StoryIndexPage, SurvivorStoryPage
from tests.factories import HelplineFactory
from tests.html import parse
from tests.page_types import PAGE_MODELS

# On every test, even the page-type rules that need no database: a test without one would run
# after all those with one (pytest-django's order), and build the module's content again.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_content")]


def english(model):
    return model.objects.filter(locale__language_code="en").order_by("pk").first()


def add_page(client, parent, model, data):
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    choices = {name: value for name, value in data.items() if isinstance(value, list)}
    fields = {name: value for name, value in data.items() if name not in choices}
    form = nested_form_data({"action-publish": "action-publish", **fields})
    return client.post(url, {**form, **choices})


def assert_created(response, model, title):
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    page = model.objects.get(title=title)
    assert page.live
    return page


@pytest.mark.django_db
def test_editor_creates_a_campaign_with_sections_and_calls_to_action(admin_client):
    index = english(CampaignIndexPage)
    topic = english(Topic)
    region = english(Region)
    partner = english(Partner)

    response = add_page(
        admin_client,
        index,
        CampaignPage,
        {
            "title": "International Day for the Abolition of Slavery",
            "slug": "abolition-of-slavery",
            "awareness_date_0": "2",
            "awareness_date_1": "12",
            "hashtag": "#EndSlavery",
            "intro": "Slavery has not ended.",
            "body": streamfield(
                [("section", {"heading": "What is the issue?", "body": rich_text("<p>Facts.</p>")})]
            ),
            "calls_to_action": streamfield(
                [("call_to_action", {"kind": "donate", "heading": "Give", "text": ""})]
            ),
            "related_pages": streamfield([]),
            "topics": [topic.pk],
            "regions": [region.pk],
            "partners": [partner.pk],
        },
    )

    campaign = assert_created(
        response, CampaignPage, "International Day for the Abolition of Slavery"
    )
    assert (campaign.awareness_date.month, campaign.awareness_date.day) == (12, 2)
    assert campaign.body[0].value["heading"] == "What is the issue?"
    assert list(campaign.topics.all()) == [topic]
    assert admin_client.get(campaign.url).status_code == 200


@pytest.mark.django_db
def test_editor_creates_a_resource_with_type_topics_and_regions(admin_client):
    index = english(ResourceIndexPage)
    resource_type = ResourceType.objects.get(locale__language_code="en", slug="policy-brief")

    response = add_page(
        admin_client,
        index,
        ResourcePage,
        {
            "title": "Policy brief on online safety",
            "slug": "policy-brief-online-safety",
            "resource_type": resource_type.pk,
            "publication_date": "2026-08-01",
            "summary": "What platforms must do.",
            "body": streamfield([("paragraph", rich_text("<p>Text.</p>"))]),
            "downloads": streamfield([]),
            "video": streamfield([]),
            "topics": [english(Topic).pk],
            "regions": [],
        },
    )

    resource = assert_created(response, ResourcePage, "Policy brief on online safety")
    assert resource.resource_type == resource_type
    assert "What platforms must do." in admin_client.get(resource.url).content.decode()


@pytest.mark.django_db
def test_editor_creates_a_survivor_story_under_a_pseudonym(admin_client):
    helpline = HelplineFactory()
    response = add_page(
        admin_client,
        english(StoryIndexPage),
        SurvivorStoryPage,
        {
            "title": "A new beginning",
            "slug": "a-new-beginning",
            "pseudonym": "Neema",
            "country": Region.objects.get(locale__language_code="en", slug="kenya").pk,
            "age_range": "26-35",
            "content_warning_topics": ["physical-violence"],
            "content_warning": "Mentions violence.",
            "quote": "I am free now.",
            "body": rich_text("<p>My story.</p>"),
            "support": streamfield(
                [
                    (
                        "helplines",
                        {
                            "heading": "",
                            "helplines": {
                                "count": 1,
                                "0": {"value": helpline.pk, "deleted": "", "order": 0, "id": ""},
                            },
                        },
                    )
                ]
            ),
        },
    )

    # A new story is a draft until a custodian records consent and a reviewer publishes it.
    assert response.status_code == 302, response.context["form"].errors
    story = SurvivorStoryPage.objects.get(title="A new beginning")
    assert not story.live
    draft = story.get_latest_revision_as_object()
    assert draft.pseudonym == "Neema"
    assert draft.content_warning_topics == ["physical-violence"]
    assert list(draft.support[0].value["helplines"]) == [helpline]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("parent_model", "model", "data"),
    [
        (HomePage, StandardPage, {"intro": "Who we are.", "body": streamfield([])}),
        (StandardPage, StandardPage, {"intro": "Sub page.", "body": streamfield([])}),
    ],
)
def test_editor_creates_standard_pages(admin_client, parent_model, model, data):
    parent = english(parent_model)
    response = add_page(
        admin_client, parent, model, {"title": "Our team", "slug": "our-team", **data}
    )

    page = assert_created(response, model, "Our team")
    assert page.get_parent().pk == parent.pk


@pytest.mark.django_db
def test_editor_creates_index_pages_under_a_new_home_page(admin_client):
    root = Page.get_first_root_node()
    response = add_page(
        admin_client,
        root,
        HomePage,
        {
            "title": "Second site",
            "slug": "second-site",
            "hero_heading": "Welcome",
            "sign_up-count": "0",
        },
    )
    home = assert_created(response, HomePage, "Second site")

    for model in (CampaignIndexPage, ResourceIndexPage, StoryIndexPage):
        title = f"New {model._meta.verbose_name}"
        response = add_page(
            admin_client, home, model, {"title": title, "slug": model._meta.model_name}
        )
        assert assert_created(response, model, title).get_parent().pk == home.pk


@pytest.mark.django_db
def test_a_missing_required_field_is_a_form_error_not_a_crash(admin_client):
    response = add_page(
        admin_client,
        english(ResourceIndexPage),
        ResourcePage,
        {
            "title": "No type",
            "slug": "no-type",
            "summary": "",
            "publication_date": "not a date",
            "body": streamfield([]),
            "downloads": streamfield([]),
            "video": streamfield([]),
        },
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"resource_type", "summary", "publication_date"} <= set(errors)
    assert not ResourcePage.objects.filter(title="No type").exists()


@pytest.mark.parametrize(
    ("parent", "child", "allowed"),
    [
        (HomePage, CampaignIndexPage, True),
        (CampaignIndexPage, CampaignPage, True),
        (HomePage, CampaignPage, False),
        (ResourceIndexPage, ResourcePage, True),
        (HomePage, ResourcePage, False),
        (StoryIndexPage, SurvivorStoryPage, True),
        (ResourceIndexPage, SurvivorStoryPage, False),
        (CampaignPage, StandardPage, False),
        (StandardPage, CampaignIndexPage, False),
    ],
)
def test_page_type_rules_keep_the_tree_sane(parent, child, allowed):
    # Both sides agree: the child's parent_page_types and the parent's subpage_types.
    assert (parent in child.allowed_parent_page_models()) is allowed
    assert (child in parent.allowed_subpage_models()) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "data"),
    [
        (ResourceType, {"name": "Fact sheet", "slug": "fact-sheet", "description": "Two pages."}),
        (Topic, {"name": "Labour exploitation", "slug": "labour-exploitation"}),
        (Region, {"name": "Tanzania", "slug": "tanzania", "is_country": "on"}),
        (Partner, {"name": "Survivor Network", "description": "", "url": "https://example.org"}),
    ],
)
def test_editor_adds_library_snippets_in_the_admin(admin_client, model, data):
    url = reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:add")

    response = admin_client.post(f"{url}?locale=en", data)

    assert response.status_code == 302
    created = model.objects.get(name=data["name"])
    assert created.locale == Locale.objects.get(language_code="en")


@pytest.mark.django_db
def test_editor_gives_the_french_site_its_own_navigation(admin_client, client):
    french_menu = NavigationMenu.objects.get(locale__language_code="fr")
    french_about = StandardPage.objects.get(
        locale__language_code="fr", translation_key=english(StandardPage).translation_key
    )
    # The French menu follows the English one until an editor stops syncing it.
    synced = Translation.objects.get(
        source__object_id=french_menu.translation_key, target_locale__language_code="fr"
    )
    admin_client.post(reverse("wagtail_localize:stop_translation", args=[synced.pk]))

    response = admin_client.post(
        reverse("wagtailsnippets_core_navigationmenu:edit", args=[french_menu.pk]),
        nested_form_data(
            {
                "main_links": streamfield(
                    [("link", {"page": french_about.pk, "url": "", "label": "Qui sommes-nous"})]
                ),
                "footer_links": streamfield([]),
                "footer_text": rich_text(""),
            }
        ),
    )

    assert response.status_code == 302
    french_links = parse(client.get("/fr/")).find_all("a", href=french_about.url)
    assert french_links
    assert "Qui sommes-nous" in client.get("/fr/").content.decode()
    assert "Qui sommes-nous" not in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_site_settings_are_edited_per_language(admin_client, client):
    spanish = SiteSettings.objects.get(locale__language_code="es")
    spanish.donate_url = "https://donar.example.org/"
    spanish.save()

    assert "https://donar.example.org/" in client.get("/es/").content.decode()
    assert "https://donar.example.org/" not in client.get("/en/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model",
    PAGE_MODELS,
)
def test_editor_opens_every_page_type_in_the_admin(admin_client, model):
    page = english(model)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == 200
    assert page.title in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", [ResourceType, Topic, Region, Partner, NavigationMenu, SiteSettings]
)
def test_editor_opens_every_snippet_in_the_admin(admin_client, model):
    name = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}"

    listing = admin_client.get(reverse(f"{name}:list"))
    edit = admin_client.get(reverse(f"{name}:edit", args=[english(model).pk]))

    assert listing.status_code == 200
    assert edit.status_code == 200
