"""The demo's objects, each made once: a second run of seed_demo finds what the first made (by a
stable translation key, or by title in the demo collection) and leaves it as editors left it."""

import datetime
import uuid

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model

from demo.media import make_image_file, make_pdf_file
from stories.models import ConsentRecord, SurvivorStoryPage
from stories.publishing import ensure_consent_forms_collection

DEMO_NAMESPACE = uuid.UUID("6f1c1a52-7f0e-4f0b-9a43-2d2f6c1f0b7e")


def demo_key(name):
    """The same translation key on every run, so that a second run finds what the first made."""
    return uuid.uuid5(DEMO_NAMESPACE, name)


def paragraphs_html(paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def list_html(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


class DemoObjects:
    """Finds or makes the demo's English objects, counting those it makes."""

    def __init__(self, english, collection):
        self.english = english
        self.collection = collection  # of the demo's images and documents
        self.created = 0

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
