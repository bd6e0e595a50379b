"""Build the demo site in every language. Safe to run again: what exists is left as it is."""

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from wagtail.models import Collection, Locale, Page, Site

from core.media_collections import ensure_site_media_collection
from core.models import Helpline, NavigationMenu, SiteSettings
from demo import content
from demo import newsletter as demo_newsletter
from demo.seeding import DemoObjects, demo_key, list_html, paragraphs_html
from demo.translate import translate_object
from home.models import CampaignIndexPage, CampaignPage, HomePage, StandardPage
from resources.models import Partner, Region, ResourceIndexPage, ResourcePage, ResourceType, Topic
from stories.models import StoryIndexPage, SurvivorStoryPage


@dataclass
class Taxonomies:
    """The demo's snippets that pages are tagged with, by their keys in demo/content.py."""

    resource_types: dict
    topics: dict
    regions: dict
    partners: dict


def describe(slug):
    return content.TAXONOMY_DESCRIPTIONS.get(slug, "")


class Command(BaseCommand):
    help = "Create the demo site (campaign, resources, stories) in every configured language."

    def handle(self, *args, **options):
        # Wagtail logs every page it creates and publishes: hundreds of lines for the demo.
        wagtail_logger = logging.getLogger("wagtail")
        previous_level = wagtail_logger.level
        if options["verbosity"] < 2:
            wagtail_logger.setLevel(logging.WARNING)
        try:
            self.seed()
        finally:
            wagtail_logger.setLevel(previous_level)

    def seed(self):
        with translation.override(settings.LANGUAGE_CODE):
            with transaction.atomic():
                self.locales = self.ensure_locales()
                self.english = self.locales[settings.LANGUAGE_CODE]
                self.objects = DemoObjects(self.english, self.ensure_collection())
                self.build_english()
            translated = self.translate_everything()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready in {len(self.locales)} languages "
                f"({self.objects.created + translated} objects created on this run)."
            )
        )

    def ensure_locales(self):
        return {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.LANGUAGES
        }

    def ensure_collection(self):
        """The demo's images and documents, inside the collection editors work in."""
        existing = Collection.objects.filter(name="Demo").first()
        return existing or ensure_site_media_collection().add_child(name="Demo")

    # The site in English ---------------------------------------------------------------------

    def build_english(self):
        taxonomies = self.build_taxonomies()
        self.helplines = self.build_helplines()
        home = self.ensure_home()
        pages = self.build_standard_pages(home)
        pages["browse-safely"] = self.browse_safely_page(home)
        pages["resources"] = self.index_page(
            home, ResourceIndexPage, "resources", content.RESOURCE_INDEX
        )
        resources = {
            data["key"]: self.resource(pages["resources"], data, taxonomies)
            for data in content.RESOURCES
        }
        pages["stories"] = self.index_page(home, StoryIndexPage, "stories", content.STORY_INDEX)
        pages["campaigns"] = self.index_page(
            home, CampaignIndexPage, "campaigns", content.CAMPAIGN_INDEX
        )
        campaign = self.campaign(pages["campaigns"], taxonomies)
        stories = [
            self.story(pages["stories"], data, taxonomies, campaign) for data in content.STORIES
        ]
        self.feature_campaign(home, campaign, stories, resources)
        demo_newsletter.add_sign_up_boxes(self.objects, home, campaign)
        self.build_navigation(pages)
        self.build_site_settings(home, pages["browse-safely"])

    def build_taxonomies(self):
        snippet = self.objects.snippet
        return Taxonomies(
            resource_types={
                slug: snippet(ResourceType, slug, name=name, slug=slug, description=description)
                for slug, name, description in content.RESOURCE_TYPES
            },
            topics={
                slug: snippet(Topic, slug, name=name, slug=slug, description=describe(slug))
                for slug, name in content.TOPICS
            },
            regions={
                slug: snippet(
                    Region,
                    slug,
                    name=name,
                    slug=slug,
                    is_country=is_country,
                    description=describe(slug),
                )
                for slug, name, is_country in content.REGIONS
            },
            partners={
                data["key"]: snippet(
                    Partner,
                    data["key"],
                    name=data["name"],
                    slug=data["key"],
                    description=data["description"],
                    url=data["url"],
                    join_url=data["join_url"],
                )
                for data in content.PARTNERS
            },
        )

    def build_helplines(self):
        return {
            data["key"]: self.objects.snippet(
                Helpline,
                data["key"],
                **{field: value for field, value in data.items() if field != "key"},
            )
            for data in content.HELPLINES
        }

    def helplines_block(self, keys):
        helplines = [self.helplines[key] for key in keys]
        return ("helplines", {"heading": content.HELPLINES_HEADING, "helplines": helplines})

    def ensure_home(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = HomePage.objects.filter(translation_key=demo_key("page:home")).first()
        if home is None:
            home = self.create_home()
        if site is None or site.root_page_id != home.pk:
            # The site answers at the address the admin is configured with (WAGTAILADMIN_BASE_URL),
            # so that canonical and shared links point where the site is served.
            address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            site = site or Site(is_default_site=True)
            site.hostname = address.hostname or "localhost"
            site.port = address.port or (443 if address.scheme == "https" else 80)
            site.root_page = home
            site.site_name = content.SITE_SETTINGS["site_name"]
            site.save()
        return home

    def create_home(self):
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=self.english)
        )
        # Wagtail's installation leaves a placeholder "Welcome" page where the home page goes.
        for placeholder in root.get_children().filter(
            content_type__model="page", numchild=0, slug="home"
        ):
            placeholder.delete()
        data = content.HOME
        return self.objects.page(
            root,
            HomePage,
            "home",
            title=data["title"],
            slug="home",
            hero_heading=data["hero_heading"],
            hero_text=data["hero_text"],
            hero_image=self.objects.image(*data["hero_image"]),
            hero_image_alt=data["hero_image_alt"],
            signup_heading=data["signup_heading"],
            signup_text=data["signup_text"],
        )

    def build_standard_pages(self, home):
        return {
            data["key"]: self.objects.page(
                home,
                StandardPage,
                data["key"],
                title=data["title"],
                slug=data["slug"],
                intro=data["intro"],
                body=[("paragraph", paragraphs_html(data["paragraphs"]))],
            )
            for data in content.STANDARD_PAGES
        }

    def browse_safely_page(self, home):
        data = content.BROWSE_SAFELY
        body = [
            ("section", {"heading": heading, "body": list_html(items), "image": None})
            for heading, items in data["sections"]
        ]
        body.append(self.helplines_block(self.helplines))
        return self.objects.page(
            home,
            StandardPage,
            data["key"],
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            body=body,
        )

    def index_page(self, home, model, key, data):
        return self.objects.page(
            home, model, key, title=data["title"], slug=data["slug"], intro=data["intro"]
        )

    def resource(self, parent, data, taxonomies):
        fields = {
            "title": data["title"],
            "slug": data["key"],
            "resource_type": taxonomies.resource_types[data["type"]],
            "publication_date": data["date"],
            "summary": data["summary"],
            "body": [("paragraph", f"<p>{data['body']}</p>")],
            "featured": data["featured"],
            "topics": [taxonomies.topics[key] for key in data["topics"]],
            "regions": [taxonomies.regions[key] for key in data["regions"]],
            "partners": [taxonomies.partners[key] for key in data.get("partners", [])],
            "cover_image": self.objects.image(
                f"resource-{data['key']}", f"Cover: {data['title']}", ""
            ),
        }
        if data.get("file"):
            document = self.objects.document(
                data["key"], data["title"], [data["summary"][:90], data["body"][:90]]
            )
            fields["downloads"] = [("download", {"document": document, "title": ""})]
        if data.get("video"):
            self.objects.register_video(data["video"], data["title"])
            fields["video"] = [("video", {"video": data["video"], "title": data["title"]})]
        return self.objects.page(parent, ResourcePage, f"resource:{data['key']}", **fields)

    def campaign(self, parent, taxonomies):
        data = content.CAMPAIGN
        body = [
            ("section", {"heading": heading, "body": list_html(items), "image": None})
            for heading, items in data["sections"]
        ]
        body.append(self.helplines_block(self.helplines))
        coalition = taxonomies.partners[data["coalition"]]
        calls = [
            (
                "call_to_action",
                {
                    "kind": kind,
                    "heading": heading,
                    "text": text,
                    "button_label": "",
                    "partner": coalition if kind == "coalition" else None,
                    "link": link,
                },
            )
            for kind, heading, text, link in data["calls_to_action"]
        ]
        return self.objects.page(
            parent,
            CampaignPage,
            "campaign:world-day",
            title=data["title"],
            slug=data["slug"],
            awareness_date=data["awareness_date"],
            hashtag=data["hashtag"],
            hero_image=self.objects.image(*data["hero_image"]),
            hero_image_alt=data["hero_image_alt"],
            intro=data["intro"],
            body=body,
            calls_to_action=calls,
            partners=list(taxonomies.partners.values()),
            topics=[taxonomies.topics[key] for key in data["topics"]],
            regions=list(taxonomies.regions.values()),
        )

    def story(self, parent, data, taxonomies, campaign):
        return self.objects.page(
            parent,
            SurvivorStoryPage,
            f"story:{data['key']}",
            title=data["title"],
            slug=data["key"],
            pseudonym=data["pseudonym"],
            country=taxonomies.regions.get(data["country"]),
            age_range=data["age_range"],
            content_warning_topics=data["content_warning_topics"],
            content_warning=data["content_warning"],
            quote=data["quote"],
            body=paragraphs_html(data["paragraphs"]),
            support=[self.helplines_block(content.STORY_HELPLINES[data["key"]])],
            related_campaign=campaign,
        )

    def feature_campaign(self, home, campaign, stories, resources):
        """The campaign links to a story and resources, and the home page features it."""
        if not campaign.related_pages:
            campaign.related_pages = [("page", stories[0])] + [
                ("page", resources[key]) for key in content.CAMPAIGN["related_resources"]
            ]
            campaign.save_revision().publish()
        if home.featured_campaign_id is None:
            home.featured_campaign = campaign
            home.save_revision().publish()

    def build_navigation(self, pages):
        def links(keys):
            return [("link", {"page": pages[key], "url": "", "label": ""}) for key in keys]

        self.objects.snippet(
            NavigationMenu,
            "navigation",
            main_links=links(content.NAVIGATION),
            footer_links=links(content.FOOTER_LINKS),
            footer_text=content.FOOTER_TEXT,
        )

    def build_site_settings(self, home, browse_safely_page):
        settings_data = dict(
            content.SITE_SETTINGS,
            default_share_image=home.hero_image,
            default_share_image_alt=home.hero_image_alt,
            browse_safely_page=browse_safely_page,
        )
        social_accounts = settings_data.pop("social_accounts")
        self.objects.snippet(
            SiteSettings,
            "site-settings",
            social_accounts=[
                ("account", {"network": network, "url": url}) for network, url in social_accounts
            ],
            **settings_data,
        )

    # Translations ----------------------------------------------------------------------------

    def translate_everything(self):
        """Translate every English object that lacks a translation; how many were made."""
        sources = []
        # Helplines before the pages that show them (wagtail-localize needs their translations).
        for model in (ResourceType, Topic, Region, Partner, Helpline, SiteSettings):
            sources += list(model.objects.filter(locale=self.english))
        sources += demo_newsletter.sources(self.english)
        home = HomePage.objects.get(translation_key=demo_key("page:home"), locale=self.english)
        sources += [page.specific for page in home.get_descendants(inclusive=True).order_by("path")]
        # The navigation links to pages, so it is translated once they exist.
        sources += list(NavigationMenu.objects.filter(locale=self.english))
        translated = 0
        for locale in self.locales.values():
            if locale == self.english:
                continue
            for source in sources:
                if source.has_translation(locale):
                    continue
                overrides = (
                    content.SITE_SETTINGS_OVERRIDES if isinstance(source, SiteSettings) else {}
                )
                translate_object(source, locale, overrides.get(locale.language_code))
                translated += 1
        return translated
