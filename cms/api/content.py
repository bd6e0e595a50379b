"""What each content type shows in both APIs: its `api_fields`, declared here rather than on the
models so that the content apps need nothing of the API package (it imports them, never the
reverse). `ApiConfig.ready()` gives them to the models before either API reads them.

A new field: add an `APIField` to the model's list below, with a serializer from
cms/api/fields.py when the value is more than the model field itself. `writable=True` lets API
v3 write it (with a token).
"""

from wagtail.api import APIField

from cms.api.fields import (
    AgeRangeField,
    ContentWarningField,
    DateField,
    ImageAltField,
    ImageField,
    ImageRenditionsField,
    PageListField,
    PartnersField,
    PlainTextField,
    RegionField,
    RegionsField,
    RelatedPageField,
    ResourceTypeField,
    RichTextHTMLField,
    TopicsField,
    page_api_fields,
    stream_field,
)
from cms.api.story_body import RichTextAsBlocksField


def stream(model, name, type_name):
    return APIField(
        name, serializer=stream_field(type_name, model._meta.get_field(name).stream_block)
    )


def home_fields():
    from home.models import CampaignIndexPage, CampaignPage, HomePage, StandardPage

    return {
        HomePage: page_api_fields(
            APIField("hero_heading"),
            APIField("hero_text"),
            APIField("hero_image", serializer=ImageField()),
            APIField("featured_campaign", serializer=RelatedPageField()),
            APIField("featured_resources", serializer=PageListField("api_featured_resources")),
            APIField("latest_stories", serializer=PageListField("api_latest_stories")),
            APIField("signup_heading"),
            APIField("signup_text"),
            stream(HomePage, "sign_up", "HomePageSignUp"),
        ),
        StandardPage: page_api_fields(
            APIField("intro", writable=True),
            stream(StandardPage, "body", "StandardPageBody"),
        ),
        CampaignIndexPage: page_api_fields(APIField("intro", serializer=RichTextHTMLField())),
        CampaignPage: page_api_fields(
            APIField("awareness_date"),
            APIField("next_awareness_day", serializer=DateField("next_awareness_day")),
            APIField("hashtag", writable=True),
            APIField("hero_image", serializer=ImageField()),
            APIField("intro", writable=True),
            stream(CampaignPage, "body", "CampaignPageBody"),
            stream(CampaignPage, "calls_to_action", "CampaignPageCallsToAction"),
            APIField(
                "related_pages",
                serializer=PageListField(
                    "related_live_pages", prefetch="prefetch_related_live_pages"
                ),
            ),
            APIField("partners", serializer=PartnersField()),
            APIField("topics", serializer=TopicsField()),
            APIField("regions", serializer=RegionsField()),
        ),
    }


def resources_fields():
    from resources.models import (
        Partner,
        Region,
        ResourceIndexPage,
        ResourcePage,
        ResourceType,
        Topic,
    )

    return {
        ResourceType: [
            APIField("name", writable=True),
            APIField("slug", writable=True),
            APIField("description", writable=True),
        ],
        Topic: [
            APIField("name", writable=True),
            APIField("slug", writable=True),
            APIField("description", writable=True),
        ],
        Region: [
            APIField("name", writable=True),
            APIField("slug", writable=True),
            APIField("description", writable=True),
            APIField("is_country", writable=True),
        ],
        # Writable through API v3 (with a token), except the logo: an image chosen in the admin.
        Partner: [
            APIField("name", writable=True),
            APIField("slug", writable=True),
            APIField("description", writable=True),
            APIField("url", writable=True),
            APIField("join_url", writable=True),
            APIField("logo", serializer=ImageField()),
        ],
        ResourceIndexPage: page_api_fields(APIField("intro", serializer=RichTextHTMLField())),
        ResourcePage: page_api_fields(
            APIField("resource_type", serializer=ResourceTypeField()),
            APIField("publication_date", writable=True),
            APIField("featured", writable=True),
            APIField("summary", writable=True),
            APIField("cover_image", serializer=ImageField()),
            stream(ResourcePage, "body", "ResourcePageBody"),
            stream(ResourcePage, "downloads", "ResourcePageDownloads"),
            stream(ResourcePage, "video", "ResourcePageVideo"),
            APIField("topics", serializer=TopicsField()),
            APIField("regions", serializer=RegionsField()),
            APIField("partners", serializer=PartnersField()),
        ),
    }


def stories_fields():
    from stories.models import StoryIndexPage, SurvivorStoryPage

    return {
        StoryIndexPage: page_api_fields(APIField("intro", serializer=RichTextHTMLField())),
        # The content warning comes first, before anything of the story (as on the page).
        SurvivorStoryPage: page_api_fields(
            APIField("content_warning", serializer=ContentWarningField()),
            APIField("pseudonym", serializer=PlainTextField()),
            APIField("country", serializer=RegionField()),
            APIField("age_range", serializer=AgeRangeField()),
            APIField("quote", serializer=PlainTextField()),
            APIField("body", serializer=RichTextAsBlocksField()),  # blocks, as other bodies
            APIField("image", serializer=ImageField()),
            stream(SurvivorStoryPage, "support", "SurvivorStoryPageSupport"),
            APIField("related_campaign", serializer=RelatedPageField()),
        ),
    }


def media_fields():
    from wagtail.images import get_image_model

    # Beside Wagtail's own fields of `/images/` (both APIs): what pages show of an image.
    return {
        get_image_model(): [
            APIField("alt", serializer=ImageAltField()),
            APIField("renditions", serializer=ImageRenditionsField()),
        ]
    }


def newsletter_fields():
    from newsletter.models import MailingList

    return {
        MailingList: [
            APIField("name"),
            APIField("slug"),
            APIField("description"),
            APIField("kind"),
        ]
    }


def give_models_their_api_fields():
    for fields_of in (
        home_fields,
        resources_fields,
        stories_fields,
        media_fields,
        newsletter_fields,
    ):
        for model, fields in fields_of().items():
            model.api_fields = fields
