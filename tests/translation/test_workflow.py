"""The translation workflow through the admin's own views and wagtail-localize's endpoints."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core.models import NavigationMenu, SiteSettings
from home.models import CampaignIndexPage, CampaignPage, HomePage, StandardPage
from resources.models import Partner, Region, ResourceIndexPage, ResourcePage, ResourceType, Topic
from stories.models import StoryIndexPage, SurvivorStoryPage
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    HomePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    StandardPageFactory,
    StoryIndexPageFactory,
    SurvivorStoryPageFactory,
)
from tests.html import parse
from tests.page_types import PAGE_MODELS

# A site with a page of every type and the library's snippets, all translated.
pytestmark = pytest.mark.usefixtures("module_site_content")


def locale(code):
    return Locale.objects.get(language_code=code)


def english(model):
    return model.objects.filter(locale__language_code="en").order_by("pk").first()


def translation_into(instance, code):
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=code
    )


def put_string(client, translation, segment, value):
    return client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data=urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


def translate_every_segment(client, translation, prefix):
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        response = put_string(client, translation, segment, f"{prefix} {segment.string.data}")
        assert response.status_code in (200, 201), response.content
    return segments


def publish_translation(client, page, capture):
    with capture(execute=True):
        return client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
        )


def new_english_page(page_type):
    """A fresh English page of each type, where the page tree allows it."""
    if page_type is HomePage:
        return HomePageFactory(parent=Page.get_first_root_node(), slug="second-home")
    parents = {
        StandardPage: (HomePage, StandardPageFactory),
        CampaignIndexPage: (None, CampaignIndexPageFactory),
        CampaignPage: (CampaignIndexPage, CampaignPageFactory),
        ResourceIndexPage: (None, ResourceIndexPageFactory),
        ResourcePage: (ResourceIndexPage, ResourcePageFactory),
        StoryIndexPage: (None, StoryIndexPageFactory),
        SurvivorStoryPage: (StoryIndexPage, SurvivorStoryPageFactory),
    }
    parent_model, factory = parents[page_type]
    if parent_model is None:
        # One index of each kind per home page: a second home page gets the new one.
        parent = HomePageFactory(parent=Page.get_first_root_node(), slug="another-home")
    else:
        parent = english(parent_model)
    extra = {}
    if page_type is ResourcePage:
        extra["resource_type"] = english(ResourcePage).resource_type
    return factory(parent=parent, title=f"New {page_type.__name__}", **extra)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page_type",
    PAGE_MODELS,
)
def test_editor_submits_translator_translates_and_publishes_each_page_type(
    admin_client, client, page_type, django_capture_on_commit_callbacks
):
    source = new_english_page(page_type)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[source.pk]),
            {"locales": [locale("fr").pk]},
        )
    assert response.status_code == 302
    draft = source.get_translation(locale("fr"))
    assert not draft.live, "a new translation waits for a translator before it goes live"

    translation = translation_into(source, "fr")
    translate_every_segment(admin_client, translation, "FR")
    publish_translation(admin_client, draft, django_capture_on_commit_callbacks)

    published = draft.specific_class.objects.get(pk=draft.pk)
    assert published.live
    assert published.title == f"FR {source.title}"
    if published.url:  # pages under a second home page belong to no site: no address
        assert f"FR {source.title}" in parse(client.get(published.url)).text


@pytest.mark.django_db
def test_after_a_source_edit_only_the_changed_segment_needs_translating(
    admin_client, client, django_capture_on_commit_callbacks
):
    english_resource = ResourcePage.objects.get(
        locale__language_code="en", slug="laws-across-africa"
    )
    french_resource = english_resource.get_translation(locale("fr"))
    translation = translation_into(english_resource, "fr")
    french_title = french_resource.title

    english_resource.summary = "A new summary after the law changed."
    english_resource.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
            {"publish_translations": ""},
        )
    assert response.status_code == 302

    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    untranslated = [
        segment
        for segment in segments
        if not StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context, locale=locale("fr")
        ).exists()
    ]
    assert [segment.string.data for segment in untranslated] == [english_resource.summary]

    put_string(admin_client, translation, untranslated[0], "Un nouveau résumé.")
    publish_translation(admin_client, french_resource, django_capture_on_commit_callbacks)

    french_resource.refresh_from_db()
    assert french_resource.summary == "Un nouveau résumé."
    assert french_resource.title == french_title
    assert "Un nouveau résumé." in parse(client.get(french_resource.url)).text


@pytest.mark.django_db
def test_related_snippets_follow_their_page_into_the_translation(admin_client):
    source = new_english_page(ResourcePage)
    topic = english(Topic)
    source.topics.add(topic)
    source.save_revision().publish()

    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[source.pk]),
        {"locales": [locale("sw").pk]},
    )

    swahili = source.get_translation(locale("sw")).specific
    assert swahili.resource_type.locale.language_code == "sw"
    assert swahili.resource_type.translation_key == source.resource_type.translation_key
    assert [t.locale.language_code for t in swahili.localized_topics] == ["sw"]


@pytest.mark.django_db
def test_rich_text_links_and_calls_to_action_translate_segment_by_segment():
    campaign = CampaignPage.objects.get(locale__language_code="en")
    translation = translation_into(campaign, "es")
    paths = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "context__path", flat=True
        )
    )

    assert any(path.startswith("calls_to_action.") and path.endswith(".heading") for path in paths)
    assert any(path.startswith("body.") and ".body" in path for path in paths)
    spanish = campaign.get_translation(locale("es"))
    for block in spanish.calls_to_action:
        assert block.value["heading"] not in {b.value["heading"] for b in campaign.calls_to_action}


@pytest.mark.django_db
def test_translator_translates_a_snippet_in_the_admin(
    admin_client, django_capture_on_commit_callbacks
):
    topic = english(Topic)
    translation = translation_into(topic, "fr")
    french_topic = topic.get_translation(locale("fr"))
    name_segment = StringSegment.objects.get(source=translation.source, context__path="name")

    put_string(admin_client, translation, name_segment, "Justice pour toutes et tous")
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtailsnippets_resources_topic:edit", args=[french_topic.pk]),
            {"action": "publish"},
        )

    french_topic.refresh_from_db()
    assert french_topic.name == "Justice pour toutes et tous"


# Machine translation -------------------------------------------------------------------------


@pytest.mark.django_db
def test_machine_translation_is_a_draft_until_a_person_publishes(
    admin_client, client, django_capture_on_commit_callbacks
):
    source = new_english_page(ResourcePage)
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[source.pk]),
        {"locales": [locale("sw").pk]},
    )
    translation = translation_into(source, "sw")
    draft = source.get_translation(locale("sw"))

    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": reverse("wagtailadmin_pages:edit", args=[draft.pk])},
    )

    assert response.status_code == 302
    machine = StringTranslation.objects.filter(
        context__object_id=source.translation_key, locale=locale("sw")
    )
    assert machine.exists()
    assert set(machine.values_list("translation_type", flat=True)) == {"machine"}
    draft.refresh_from_db()
    assert not draft.live
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert "not a real translation" in editor

    asked = publish_translation(admin_client, draft, django_capture_on_commit_callbacks)
    assert asked.status_code == 200
    assert "machine translation" in asked.content.decode()
    assert "Publish with machine translation" in asked.content.decode()
    draft.refresh_from_db()
    assert not draft.live, "a person confirms before machine text is published"

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[draft.pk]),
            {"action": "publish", "confirm-machine-text": "1"},
        )
    draft.refresh_from_db()
    assert draft.live


@pytest.mark.django_db
def test_a_machine_text_a_person_edits_loses_its_mark_and_publishes_without_asking(
    admin_client, django_capture_on_commit_callbacks
):
    source = new_english_page(StandardPage)
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[source.pk]),
        {"locales": [locale("sw").pk]},
    )
    translation = translation_into(source, "sw")
    draft = source.get_translation(locale("sw"))
    admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert "machine translations that no person has checked" in editor

    translate_every_segment(admin_client, translation, "[sw]")

    assert not StringTranslation.objects.filter(
        context__object_id=source.translation_key, locale=locale("sw"), translation_type="machine"
    ).exists()
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert "no person has checked" not in editor
    publish_translation(admin_client, draft, django_capture_on_commit_callbacks)
    draft.refresh_from_db()
    assert draft.live


# PO files -----------------------------------------------------------------------------------


def export_po(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    return response.content.decode()


def upload_po(client, translation, content, name="translation.po"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile(name, content.encode()), "next": "/admin/"},
        follow=True,
    )


def french_strings(translation):
    return dict(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("context__path", "data")
    )


@pytest.mark.django_db
def test_agency_round_trips_a_po_file(admin_client):
    import polib

    resource = ResourcePage.objects.get(locale__language_code="en", slug="laws-across-africa")
    translation = translation_into(resource, "fr")
    po = polib.pofile(export_po(admin_client, translation))
    for entry in po:
        if entry.msgctxt == "summary":
            entry.msgstr = "Résumé revu par l'agence."

    response = upload_po(admin_client, translation, str(po))

    assert "Imported the translations" in response.content.decode()
    assert french_strings(translation)["summary"] == "Résumé revu par l'agence."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        ("syntax", "not a valid PO file"),
        ("other_translation", "exported from another translation"),
        ("unknown_segment", "not in the source"),
    ],
)
def test_a_broken_po_file_is_refused_and_changes_nothing(admin_client, breakage, message):
    import polib

    resource = ResourcePage.objects.get(locale__language_code="en", slug="laws-across-africa")
    translation = translation_into(resource, "fr")
    before = french_strings(translation)
    po = polib.pofile(export_po(admin_client, translation))
    for entry in po:
        entry.msgstr = "Changé"
    if breakage == "syntax":
        content = str(po).replace('msgstr "Changé"', 'msgstr "Changé', 1)
    elif breakage == "other_translation":
        other = translation_into(resource, "es")
        po.metadata["X-WagtailLocalize-TranslationID"] = str(other.uuid)
        content = str(po)
    else:
        po.append(polib.POEntry(msgctxt="summary", msgid="Text that is not there", msgstr="x"))
        content = str(po)

    response = upload_po(admin_client, translation, content)

    assert message in response.content.decode()
    assert french_strings(translation) == before


@pytest.mark.django_db
def test_uploading_without_a_file_is_a_clear_error(admin_client):
    translation = translation_into(english(ResourcePage), "fr")

    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"next": "/admin/"},
        follow=True,
    )

    assert response.status_code == 200
    assert "Choose a PO file" in response.content.decode()


# Translators' roles -------------------------------------------------------------------------


@pytest.fixture
def french_translator(roles, django_user_model):
    user = django_user_model.objects.create_user("traductrice", password="x")
    user.groups.add(Group.objects.get(name="Translators – French"))
    return user


@pytest.fixture
def translator_client(client, french_translator):
    client.force_login(french_translator)
    return client


@pytest.mark.django_db
def test_setup_roles_makes_one_translator_group_per_language(french_translator):
    names = set(Group.objects.filter(name__startswith="Translators").values_list("name", flat=True))

    assert names == {
        "Translators – French",
        "Translators – Spanish",
        "Translators – Swahili",
        "Translators – Arabic",
    }


@pytest.mark.django_db
def test_french_translator_translates_and_publishes_french_pages(
    translator_client, django_capture_on_commit_callbacks
):
    english_resource = english(ResourcePage)
    french_resource = english_resource.get_translation(locale("fr"))
    translation = translation_into(english_resource, "fr")
    summary = StringSegment.objects.get(source=translation.source, context__path="summary")

    assert put_string(translator_client, translation, summary, "Résumé revu.").status_code == 200
    publish_translation(translator_client, french_resource, django_capture_on_commit_callbacks)

    french_resource.refresh_from_db()
    assert french_resource.summary == "Résumé revu."


@pytest.mark.django_db
def test_a_french_translator_saves_story_translations_but_story_reviewers_publish_them(
    translator_client, django_capture_on_commit_callbacks
):
    english_story = english(SurvivorStoryPage)
    french_story = english_story.get_translation(locale("fr"))
    translation = translation_into(english_story, "fr")
    quote = StringSegment.objects.get(source=translation.source, context__path="quote")

    assert put_string(translator_client, translation, quote, "Citation revue.").status_code == 200
    response = publish_translation(
        translator_client, french_story, django_capture_on_commit_callbacks
    )

    assert response.status_code in (302, 403)
    french_story.refresh_from_db()
    assert french_story.quote != "Citation revue."


@pytest.mark.django_db
def test_french_translator_cannot_touch_spanish_translations(translator_client):
    english_story = english(SurvivorStoryPage)
    spanish_story = english_story.get_translation(locale("es"))
    translation = translation_into(english_story, "es")
    quote = StringSegment.objects.get(source=translation.source, context__path="quote")

    assert put_string(translator_client, translation, quote, "No.").status_code == 403
    response = translator_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk])
    )
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    edit = translator_client.get(reverse("wagtailadmin_pages:edit", args=[spanish_story.pk]))
    assert edit.status_code in (302, 403)
    spanish_topic = english(Topic).get_translation(locale("es"))
    snippet_edit = translator_client.get(
        reverse("wagtailsnippets_resources_topic:edit", args=[spanish_topic.pk])
    )
    assert snippet_edit.status_code in (302, 403)
    assert snippet_edit.status_code == 403 or snippet_edit["Location"] == "/admin/"
    french_topic = english(Topic).get_translation(locale("fr"))
    assert (
        translator_client.get(
            reverse("wagtailsnippets_resources_topic:edit", args=[french_topic.pk])
        ).status_code
        == 200
    )


@pytest.mark.django_db
def test_translator_cannot_publish_english_or_change_the_page_tree(translator_client):
    english_campaign = english(CampaignPage)
    french_index = english(CampaignIndexPage).get_translation(locale("fr"))
    french_campaign = english_campaign.get_translation(locale("fr"))
    title = english_campaign.title

    edit_english = translator_client.post(
        reverse("wagtailadmin_pages:edit", args=[english_campaign.pk]),
        {"title": "Hijacked", "action-publish": "action-publish"},
    )
    add_french = translator_client.get(
        reverse("wagtailadmin_pages:add_subpage", args=[french_index.pk])
    )
    delete_french = translator_client.post(
        reverse("wagtailadmin_pages:delete", args=[french_campaign.pk])
    )
    move_french = translator_client.post(
        reverse(
            "wagtailadmin_pages:move_confirm",
            args=[french_campaign.pk, french_index.get_parent().pk],
        )
    )

    assert edit_english.status_code in (302, 403)
    english_campaign.refresh_from_db()
    assert english_campaign.title == title
    assert add_french.status_code in (302, 403)
    assert delete_french.status_code in (302, 403)
    assert Page.objects.filter(pk=french_campaign.pk).exists()
    assert move_french.status_code in (302, 403)
    french_campaign.refresh_from_db()
    assert french_campaign.get_parent().pk == french_index.pk


@pytest.mark.django_db
def test_translator_cannot_request_translations_into_other_languages(translator_client):
    source = english(StandardPage)

    response = translator_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[source.pk]),
        {"locales": [locale("es").pk]},
    )

    assert response.status_code == 200
    assert "You translate into French only" in response.content.decode()


# Rich text links and right-to-left ------------------------------------------------------------


@pytest.mark.django_db
def test_page_links_in_translated_rich_text_lead_to_the_visitors_language(
    admin_client, client, django_capture_on_commit_callbacks
):
    english_about = StandardPage.objects.get(locale__language_code="en", slug="about")
    source = StandardPageFactory(
        parent=english(HomePage),
        title="Partners",
        body=[
            ("paragraph", f'<p>Read <a linktype="page" id="{english_about.pk}">about us</a>.</p>')
        ],
    )
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[source.pk]),
        {"locales": [locale("fr").pk]},
    )
    translation = translation_into(source, "fr")
    segments = translate_every_segment(admin_client, translation, "FR")
    publish_translation(
        admin_client, source.get_translation(locale("fr")), django_capture_on_commit_callbacks
    )

    french = source.get_translation(locale("fr"))
    links = [a["href"] for a in parse(client.get(french.url)).find_all("a")]
    assert any('<a id="a1">' in segment.string.data for segment in segments)
    assert english_about.get_translation(locale("fr")).url in links


@pytest.mark.django_db
def test_arabic_content_is_edited_in_a_right_to_left_admin(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ar"
    profile.save()
    arabic_story = english(SurvivorStoryPage).get_translation(locale("ar"))

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[arabic_story.pk]))

    html = parse(response).find("html")
    assert response.status_code == 200
    assert html["lang"] == "ar"
    assert html["dir"] == "rtl"


# Telling translators what changed -------------------------------------------------------------


@pytest.fixture
def swahili_translator(roles, django_user_model):
    user = django_user_model.objects.create_user(
        "mtafsiri", email="mtafsiri@example.org", password="x"
    )
    user.groups.add(Group.objects.get(name="Translators – Swahili"))
    return user


@pytest.mark.django_db
def test_swahili_translator_is_told_what_changed_in_the_english_source(
    swahili_translator, mailoutbox, django_capture_on_commit_callbacks
):
    resource = ResourcePage.objects.get(locale__language_code="en", slug="laws-across-africa")
    resource.summary = "Chatbots now groom people on many more platforms."

    with django_capture_on_commit_callbacks(execute=True):
        resource.save_revision().publish()

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["mtafsiri@example.org"]
    assert "Chatbots now groom people on many more platforms." in message.body
    assert resource.title[:40] in message.subject
    source = translation_into(resource, "sw").source
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in message.body


@pytest.mark.django_db
def test_translators_are_not_emailed_when_no_text_changed(
    swahili_translator, mailoutbox, django_capture_on_commit_callbacks
):
    resource = ResourcePage.objects.get(locale__language_code="en", slug="laws-across-africa")

    with django_capture_on_commit_callbacks(execute=True):
        resource.save_revision().publish()

    assert mailoutbox == []


@pytest.mark.django_db
def test_translators_hear_about_changed_snippets_too(
    swahili_translator, mailoutbox, django_capture_on_commit_callbacks
):
    topic = english(Topic)
    topic.name = "Access to justice for survivors"

    with django_capture_on_commit_callbacks(execute=True):
        topic.save()

    assert [message.to for message in mailoutbox] == [["mtafsiri@example.org"]]
    assert "Access to justice for survivors" in mailoutbox[0].body


# Every translatable snippet ---------------------------------------------------------------------

SNIPPET_MODELS = [ResourceType, Topic, Region, Partner, NavigationMenu, SiteSettings]


@pytest.mark.django_db
@pytest.mark.parametrize("model", SNIPPET_MODELS, ids=lambda model: model.__name__)
def test_each_snippet_translation_is_edited_and_published_in_the_admin(
    admin_client, model, django_capture_on_commit_callbacks
):
    source = english(model)
    target = source.get_translation(locale("ar"))
    translation = translation_into(source, "ar")
    segment = StringSegment.objects.filter(source=translation.source).order_by("order").first()

    response = put_string(admin_client, translation, segment, "نص منقح")
    assert response.status_code == 200
    edit_url = reverse(
        f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit", args=[target.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(edit_url, {"action": "publish"})

    def texts(instance):
        instance.refresh_from_db()
        return " ".join(str(getattr(instance, field.name)) for field in model._meta.fields)

    assert "نص منقح" in texts(target)
    assert "نص منقح" not in texts(source)


@pytest.mark.django_db
@pytest.mark.parametrize("model", [ResourceType, Topic, Region, Partner], ids=lambda m: m.__name__)
def test_a_new_library_snippet_is_submitted_for_translation(admin_client, model):
    new = model.objects.create(
        locale=locale("en"),
        name="Labour exploitation",
        **({"slug": "labour-exploitation"} if hasattr(model, "slug") else {}),
    )

    response = admin_client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[model._meta.app_label, model._meta.model_name, new.pk],
        ),
        {"locales": [locale("fr").pk, locale("ar").pk]},
    )

    assert response.status_code == 302
    assert {t.locale.language_code for t in new.get_translations()} == {"fr", "ar"}
    assert translation_into(new, "fr").source.stringsegment_set.exists()
