"""Build the demo site in every language. Safe to run again: what exists is left as it is."""

import datetime
import logging
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from core.media_collections import ensure_site_media_collection
from core.models import NavigationMenu, SiteSettings
from demo import content
from demo.media import make_image_file, make_pdf_file
from demo.translate import translate_object
from home.models import CampaignIndexPage, CampaignPage, HomePage, StandardPage
from resources.models import Partner, Region, ResourceIndexPage, ResourcePage, ResourceType, Topic
from stories.models import ConsentRecord, StoryIndexPage, SurvivorStoryPage
from stories.publishing import ensure_consent_forms_collection

DEMO_NAMESPACE = uuid.UUID("6f1c1a52-7f0e-4f0b-9a43-2d2f6c1f0b7e")


def demo_key(name):
    """The same translation key on every run, so that a second run finds what the first made."""
    return uuid.uuid5(DEMO_NAMESPACE, name)


def paragraphs_html(paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def list_html(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


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
            self.created = 0
            with transaction.atomic():
                self.locales = self.ensure_locales()
                self.english = self.locales[settings.LANGUAGE_CODE]
                self.collection = self.ensure_collection()
                self.build_english()
            self.translate_everything()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready in {len(self.locales)} languages "
                f"({self.created} objects created on this run)."
            )
        )

    # Locales, media -------------------------------------------------------------------------

    def ensure_locales(self):
        return {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.LANGUAGES
        }

    def ensure_collection(self):
        """The demo's images and documents, inside the collection editors work in."""
        existing = Collection.objects.filter(name="Demo").first()
        return existing or ensure_site_media_collection().add_child(name="Demo")

    def image(self, key, title, alt_text):
        Image = get_image_model()
        existing = Image.objects.filter(title=title, collection=self.collection).first()
        if existing:
            return existing
        self.created += 1
        return Image.objects.create(
            title=title,
            description=alt_text,
            collection=self.collection,
            file=ContentFile(make_image_file(key), name=f"{key}.jpg"),
        )

    def document(self, key, title, lines):
        Document = get_document_model()
        existing = Document.objects.filter(title=title, collection=self.collection).first()
        if existing:
            return existing
        self.created += 1
        return Document.objects.create(
            title=title,
            collection=self.collection,
            file=ContentFile(make_pdf_file(title, lines), name=f"{key}.pdf"),
        )

    def register_video(self, url, title):
        """Record the video's details so that nothing is fetched from the video site."""
        provider = "Vimeo" if "vimeo" in url else "YouTube"
        Embed.objects.get_or_create(
            hash=get_embed_hash(url),
            defaults={"url": url, "type": "video", "title": title, "provider_name": provider},
        )

    # Objects in English ----------------------------------------------------------------------

    def snippet(self, model, key, **fields):
        translation_key = demo_key(f"{model._meta.label}:{key}")
        existing = model.objects.filter(
            translation_key=translation_key, locale=self.english
        ).first()
        if existing:
            return existing
        self.created += 1
        return model.objects.create(translation_key=translation_key, locale=self.english, **fields)

    def page(self, parent, model, key, **fields):
        translation_key = demo_key(f"page:{key}")
        existing = model.objects.filter(
            translation_key=translation_key, locale=self.english
        ).first()
        if existing:
            return existing
        m2m = {
            name: fields.pop(name) for name in ("topics", "regions", "partners") if name in fields
        }
        page = model(translation_key=translation_key, locale=self.english, **fields)
        for name, values in m2m.items():
            getattr(page, name).set(values)
        parent.add_child(instance=page)
        if isinstance(page, SurvivorStoryPage):
            self.consent(page)
        page.save_revision().publish()
        self.created += 1
        return page

    def consent(self, story):
        """A consent record like a custodian keeps: web and translations, for three years, with
        the signed form in the restricted collection."""
        collection = ensure_consent_forms_collection()
        Document = get_document_model()
        title = f"Signed consent form – {story.pseudonym}"
        signed_form = Document.objects.filter(title=title, collection=collection).first()
        if signed_form is None:
            signed_form = Document.objects.create(
                title=title,
                collection=collection,
                file=ContentFile(
                    make_pdf_file(title, ["Demo form: no real person."]),
                    name=f"consent-{story.slug}.pdf",
                ),
            )
        today = timezone.localdate()
        ConsentRecord.objects.get_or_create(
            story=story,
            defaults={
                "given_on": today - datetime.timedelta(days=30),
                "covers_web": True,
                "covers_translation": True,
                "covers_social_media": True,
                "expires_on": today.replace(year=today.year + 3),
                "signed_form": signed_form,
                "custodian_notes": "Demo record.",
            },
        )

    def ensure_home(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = HomePage.objects.filter(translation_key=demo_key("page:home")).first()
        if home is None:
            root = Page.get_first_root_node() or Page.add_root(
                instance=Page(title="Root", slug="root", locale=self.english)
            )
            # Wagtail's installation leaves a placeholder "Welcome" page where the home page goes.
            for placeholder in root.get_children().filter(
                content_type__model="page", numchild=0, slug="home"
            ):
                placeholder.delete()
            home = self.page(
                root,
                HomePage,
                "home",
                title=content.HOME["title"],
                slug="home",
                hero_heading=content.HOME["hero_heading"],
                hero_text=content.HOME["hero_text"],
                hero_image=self.image(
                    "home-hero",
                    "Campaigners at a march",
                    "People marching with banners calling for an end to trafficking",
                ),
                signup_heading=content.HOME["signup_heading"],
                signup_text=content.HOME["signup_text"],
            )
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

    def build_english(self):
        resource_types = {
            slug: self.snippet(ResourceType, slug, name=name, slug=slug, description=description)
            for slug, name, description in content.RESOURCE_TYPES
        }
        topics = {
            slug: self.snippet(Topic, slug, name=name, slug=slug) for slug, name in content.TOPICS
        }
        regions = {
            slug: self.snippet(Region, slug, name=name, slug=slug, is_country=is_country)
            for slug, name, is_country in content.REGIONS
        }
        partners = {
            data["key"]: self.snippet(
                Partner,
                data["key"],
                name=data["name"],
                description=data["description"],
                url=data["url"],
                join_url=data["join_url"],
            )
            for data in content.PARTNERS
        }

        home = self.ensure_home()
        pages = {}
        for data in content.STANDARD_PAGES:
            pages[data["key"]] = self.page(
                home,
                StandardPage,
                data["key"],
                title=data["title"],
                slug=data["slug"],
                intro=data["intro"],
                body=[("paragraph", paragraphs_html(data["paragraphs"]))],
            )

        resource_index = self.page(
            home,
            ResourceIndexPage,
            "resources",
            title=content.RESOURCE_INDEX["title"],
            slug=content.RESOURCE_INDEX["slug"],
            intro=content.RESOURCE_INDEX["intro"],
        )
        pages["resources"] = resource_index
        resources = {}
        for data in content.RESOURCES:
            resources[data["key"]] = self.resource(
                resource_index, data, resource_types, topics, regions
            )

        story_index = self.page(
            home,
            StoryIndexPage,
            "stories",
            title=content.STORY_INDEX["title"],
            slug=content.STORY_INDEX["slug"],
            intro=content.STORY_INDEX["intro"],
        )
        pages["stories"] = story_index

        campaign_index = self.page(
            home,
            CampaignIndexPage,
            "campaigns",
            title=content.CAMPAIGN_INDEX["title"],
            slug=content.CAMPAIGN_INDEX["slug"],
            intro=content.CAMPAIGN_INDEX["intro"],
        )
        pages["campaigns"] = campaign_index
        campaign = self.campaign(campaign_index, resources, partners, topics, regions)

        stories = [
            self.page(
                story_index,
                SurvivorStoryPage,
                f"story:{data['key']}",
                title=data["title"],
                slug=data["key"],
                pseudonym=data["pseudonym"],
                country=regions.get(data["country"]),
                age_range=data["age_range"],
                content_warning_topics=data["content_warning_topics"],
                content_warning=data["content_warning"],
                quote=data["quote"],
                body=paragraphs_html(data["paragraphs"]),
                related_campaign=campaign,
            )
            for data in content.STORIES
        ]
        if not campaign.related_pages:
            campaign.related_pages = [("page", stories[0])] + [
                ("page", resources[key])
                for key in (
                    "laws-across-africa",
                    "survivor-centred-courts",
                    "deepfake-abuse",
                    "world-day-film",
                )
            ]
            campaign.save_revision().publish()
        if home.featured_campaign_id is None:
            home.featured_campaign = campaign
            home.save_revision().publish()

        self.snippet(
            NavigationMenu,
            "navigation",
            main_links=[
                ("link", {"page": pages[key], "url": "", "label": ""}) for key in content.NAVIGATION
            ],
            footer_links=[
                ("link", {"page": pages[key], "url": "", "label": ""})
                for key in content.FOOTER_LINKS
            ],
            footer_text=content.FOOTER_TEXT,
        )
        settings_data = dict(content.SITE_SETTINGS, default_share_image=home.hero_image)
        social_accounts = settings_data.pop("social_accounts")
        self.snippet(
            SiteSettings,
            "site-settings",
            social_accounts=[
                ("account", {"network": network, "url": url}) for network, url in social_accounts
            ],
            **settings_data,
        )

    def resource(self, parent, data, resource_types, topics, regions):
        fields = {
            "title": data["title"],
            "slug": data["key"],
            "resource_type": resource_types[data["type"]],
            "publication_date": data["date"],
            "summary": data["summary"],
            "body": [("paragraph", f"<p>{data['body']}</p>")],
            "featured": data["featured"],
            "topics": [topics[key] for key in data["topics"]],
            "regions": [regions[key] for key in data["regions"]],
            "cover_image": self.image(f"resource-{data['key']}", f"Cover: {data['title']}", ""),
        }
        if data.get("file"):
            document = self.document(
                data["key"], data["title"], [data["summary"][:90], data["body"][:90]]
            )
            fields["downloads"] = [("download", {"document": document, "title": ""})]
        if data.get("video"):
            self.register_video(data["video"], data["title"])
            fields["video"] = [("video", {"video": data["video"], "title": data["title"]})]
        return self.page(parent, ResourcePage, f"resource:{data['key']}", **fields)

    def campaign(self, parent, resources, partners, topics, regions):
        data = content.CAMPAIGN
        body = [
            ("section", {"heading": heading, "body": list_html(items), "image": None})
            for heading, items in data["sections"]
        ]
        calls = [
            (
                "call_to_action",
                {"kind": kind, "heading": heading, "text": text, "button_label": "", "link": link},
            )
            for kind, heading, text, link in data["calls_to_action"]
        ]
        return self.page(
            parent,
            CampaignPage,
            "campaign:world-day",
            title=data["title"],
            slug=data["slug"],
            awareness_date=data["awareness_date"],
            hashtag=data["hashtag"],
            hero_image=self.image(
                "campaign-hero",
                "World Day Against Trafficking",
                "A crowd holding a banner that reads End Trafficking Now",
            ),
            intro=data["intro"],
            body=body,
            calls_to_action=calls,
            partners=list(partners.values()),
            topics=[
                topics["online-exploitation"],
                topics["access-to-justice"],
                topics["climate-and-crisis"],
            ],
            regions=list(regions.values()),
        )

    # Translations ----------------------------------------------------------------------------

    def translate_everything(self):
        sources = []
        for model in (ResourceType, Topic, Region, Partner, SiteSettings):
            sources += list(model.objects.filter(locale=self.english))
        home = HomePage.objects.get(translation_key=demo_key("page:home"), locale=self.english)
        sources += [page.specific for page in home.get_descendants(inclusive=True).order_by("path")]
        # The navigation links to pages, so it is translated once they exist.
        sources += list(NavigationMenu.objects.filter(locale=self.english))
        for locale in self.locales.values():
            if locale == self.english:
                continue
            for source in sources:
                if source.has_translation(locale):
                    continue
                translate_object(source, locale)
                self.created += 1
