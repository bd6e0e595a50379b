"""Survivor stories, told under a pseudonym, and the consent that lets them be published.

A story is on the site only while its consent record (kept apart from the page, seen by story
custodians only) allows it: see stories/publishing.py, and stories/permissions.py for who may
publish it."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import AbstractGroupApprovalTask, Page
from wagtail.search import index

from core.alt_text import alt_text_field
from core.blocks import RICH_TEXT_FEATURES, HelplinesBlock
from core.models import SitePage
from core.page_forms import LocalizedPageForm
from core.pagination import paginated
from core.scheduling import TimeZoneDatePanel
from core.search_fields import SUMMARY_BOOST
from core.tree import children_of
from stories.content_warnings import CONTENT_WARNINGS
from stories.panels import ConsentStatusPanel
from stories.permissions import StoryIndexPermissionTester, SurvivorStoryPermissionTester
from stories.publishing import (
    consent_forms_collection,
    keep_draft_without_consent,
    publish_problem,
    refuse_publishing_without_consent,
)


class StoryIndexPage(SitePage):
    """Lists the survivor stories, newest first."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"], verbose_name=_("intro"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro", boost=SUMMARY_BOOST)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.SurvivorStoryPage"]
    max_count_per_parent = 1

    def permissions_for_user(self, user):
        return StoryIndexPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = children_of(SurvivorStoryPage.objects, self).live().public()
        stories = stories.select_related("country", "image").order_by("-first_published_at")
        listing = paginated(request, stories)
        context.update(stories=listing["page_obj"], **listing)
        return context

    class Meta:
        verbose_name = _("story index page")


class SurvivorStoryPageForm(LocalizedPageForm):
    content_warning_topics = forms.MultipleChoiceField(
        label=_("Content warnings"),
        choices=CONTENT_WARNINGS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick every subject the story deals with; readers see them before the story."),
    )


class SurvivorStoryPage(SitePage):
    """A survivor's story in their words: never a real name, never a place finer than a country."""

    base_form_class = SurvivorStoryPageForm

    AGE_RANGES = [
        ("", _("Not given")),
        ("under-18", _("Under 18 at the time")),
        ("18-25", _("18 to 25")),
        ("26-35", _("26 to 35")),
        ("36-50", _("36 to 50")),
        ("over-50", _("Over 50")),
    ]

    pseudonym = models.CharField(
        max_length=60,
        help_text=_("A name the survivor chose. Never the real name or a recognisable nickname."),
        verbose_name=_("pseudonym"),
    )
    country = models.ForeignKey(
        "resources.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_country": True},
        help_text=_("A country at most: never a town, village or address."),
        verbose_name=_("country"),
    )
    age_range = models.CharField(
        max_length=10, choices=AGE_RANGES, blank=True, verbose_name=_("age range")
    )
    content_warning_topics = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Codes from CONTENT_WARNINGS, shown (translated) before the story."),
        verbose_name=_("content warning topics"),
    )
    content_warning = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("content warning in your own words"),
        help_text=_("Shown before the story, e.g. 'This story mentions coercion by a relative.'"),
    )
    quote = models.TextField(
        max_length=400, help_text=_("A short quote shown in lists."), verbose_name=_("quote")
    )
    body = RichTextField(features=RICH_TEXT_FEATURES, verbose_name=_("body"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Never a photo in which the survivor or a place can be recognised."),
        verbose_name=_("image"),
    )
    image_alt = alt_text_field(_("image alt text"))
    related_campaign = models.ForeignKey(
        "home.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("related campaign"),
    )
    support = StreamField(
        [("helplines", HelplinesBlock(label=_("Helplines")))],
        blank=True,
        max_num=1,
        verbose_name=_("where to find help"),
        help_text=_("Helplines shown after the story, for readers it affects."),
    )

    content_panels = Page.content_panels + [
        ConsentStatusPanel(),
        MultiFieldPanel(
            [FieldPanel("pseudonym"), FieldPanel("country"), FieldPanel("age_range")],
            heading=_("Who is telling the story"),
        ),
        MultiFieldPanel(
            [FieldPanel("content_warning_topics"), FieldPanel("content_warning")],
            heading=_("Content warning"),
        ),
        FieldPanel("quote"),
        FieldPanel("body"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("support"),
        FieldPanel("related_campaign"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("quote", boost=SUMMARY_BOOST)]
    search_fields += [index.SearchField("body")]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    # A card's summary is the story's own words: cards show the warning from its own field.
    summary_field = "quote"
    share_image_field = "image"

    class Meta:
        verbose_name = _("survivor story")
        verbose_name_plural = _("survivor stories")
        permissions = [
            ("publish_survivorstory", _("Can publish survivor stories (as a story reviewer)")),
        ]

    def clean(self):
        super().clean()
        codes = dict(CONTENT_WARNINGS)
        unknown = [code for code in self.content_warning_topics or [] if code not in codes]
        if not isinstance(self.content_warning_topics, list) or unknown:
            raise ValidationError(
                {"content_warning_topics": _("Unknown content warning: %s") % ", ".join(unknown)}
            )

    @property
    def content_warning_labels(self):
        """The ticked warnings, in the order of CONTENT_WARNINGS, in the active language."""
        ticked = set(self.content_warning_topics or [])
        return [(code, label) for code, label in CONTENT_WARNINGS if code in ticked]

    @property
    def has_content_warning(self):
        return bool(self.content_warning_topics or self.content_warning)

    def content_warning_summary(self):
        """The warning as one sentence in the active language (activate the page's), shown
        before the story on the page, in search results, shared links and the APIs."""
        labels = pgettext("list separator", ", ").join(
            str(label) for _code, label in self.content_warning_labels
        )
        text = self.content_warning
        if labels and text:
            sentence = gettext("Content warning: %(topics)s. %(text)s")
        elif labels:
            sentence = gettext("Content warning: %(topics)s.")
        elif text:
            sentence = gettext("Content warning: %(text)s")
        else:
            return ""
        return sentence % {"topics": labels, "text": text}

    def permissions_for_user(self, user):
        return SurvivorStoryPermissionTester(user, self)

    def publish(self, revision, user=None, **kwargs):
        refuse_publishing_without_consent(self, user=user)
        return super().publish(revision, user=user, **kwargs)

    def save(self, *args, **kwargs):
        keep_draft_without_consent(self)
        return super().save(*args, **kwargs)

    def get_meta_description(self):
        """For search results and shared links: the warning comes before the quote there too."""
        warning = self.content_warning_summary()
        return self.search_description or " ".join(filter(None, [warning, self.quote]))

    @property
    def live_related_campaign(self):
        """The related campaign in this story's language, if it is live."""
        if not self.related_campaign_id:
            return None
        campaign = self.related_campaign.get_translation_or_none(self.locale)
        return campaign if campaign and campaign.live else None


class ConsentRecord(models.Model):
    """The survivor's consent to publish their story, kept apart from the page: only story
    custodians see it (model permissions), it has no revisions, no search index and no API."""

    story = models.OneToOneField(
        SurvivorStoryPage,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("story"),
        help_text=_(
            "The story in the language it was told in; its translations share this consent."
        ),
    )
    given_on = models.DateField(_("consent given on"))
    covers_web = models.BooleanField(_("web (this site and its API)"), default=False)
    covers_social_media = models.BooleanField(_("social media"), default=False)
    covers_print = models.BooleanField(_("print"), default=False)
    covers_translation = models.BooleanField(_("translation into other languages"), default=False)
    expires_on = models.DateField(
        _("expires on"),
        null=True,
        blank=True,
        help_text=_("The story leaves the site on this day. Leave empty if consent has no end."),
    )
    withdrawn_on = models.DateField(
        _("withdrawn on"),
        null=True,
        blank=True,
        help_text=_("The story and its translations leave the site within minutes."),
    )
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    custodian_notes = models.TextField(_("custodian notes"), blank=True)
    signed_form = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signed consent form"),
        help_text=_("Upload it to the 'Consent forms' collection, which only custodians can open."),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("recorded at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("last changed at"))

    panels = [
        PageChooserPanel("story", "stories.SurvivorStoryPage"),
        TimeZoneDatePanel("given_on"),
        MultiFieldPanel(
            [
                FieldPanel("covers_web"),
                FieldPanel("covers_translation"),
                FieldPanel("covers_social_media"),
                FieldPanel("covers_print"),
            ],
            heading=_("What the survivor agreed to"),
        ),
        TimeZoneDatePanel("expires_on"),
        MultiFieldPanel(
            [TimeZoneDatePanel("withdrawn_on"), FieldPanel("withdrawal_reason")],
            heading=_("Withdrawal"),
        ),
        FieldPanel("signed_form"),
        FieldPanel("custodian_notes"),
    ]

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        if self.story_id is None:
            return _("Consent record #%(pk)s (story deleted)") % {"pk": self.pk}
        return _("Consent for “%(story)s”") % {"story": self.story.title}

    def clean(self):
        errors = {}
        if self.story_id:
            others = ConsentRecord.objects.exclude(pk=self.pk).filter(
                story__translation_key=self.story.translation_key
            )
            if others.exists():
                errors["story"] = _(
                    "This story (or one of its translations) already has a consent record: "
                    "update that one."
                )
        if self.expires_on and self.given_on and self.expires_on <= self.given_on:
            errors["expires_on"] = _("The expiry date must come after the date consent was given.")
        if self.withdrawn_on and self.given_on and self.withdrawn_on < self.given_on:
            errors["withdrawn_on"] = _("Consent cannot be withdrawn before it was given.")
        if self.withdrawal_reason and not self.withdrawn_on:
            errors["withdrawn_on"] = _("Give the date consent was withdrawn.")
        if self.signed_form_id:
            collection = consent_forms_collection()
            form_collection = self.signed_form.collection
            if collection is None or not (
                form_collection == collection or form_collection.is_descendant_of(collection)
            ):
                errors["signed_form"] = _(
                    "Signed forms must be in the restricted 'Consent forms' collection."
                )
        if errors:
            raise ValidationError(errors)

    def problem_for(self, page, on=None):
        """Why this consent does not let `page` (the story or a translation of it) be published
        on the web on day `on`, or None when it does."""
        on = on or timezone.localdate()
        if self.withdrawn_on and self.withdrawn_on <= on:
            return _("The consent for this story has been withdrawn or has expired.")
        if self.expires_on and self.expires_on <= on:
            return _("The consent for this story has been withdrawn or has expired.")
        if self.given_on > on:
            return _("The consent for this story only starts on a later date.")
        if not self.covers_web:
            return _("The consent for this story does not cover publishing on the web.")
        if self.story_id and page.locale_id != self.story.locale_id and not self.covers_translation:
            return _("The consent for this story does not cover translations into other languages.")
        return None


class StoryReviewTask(AbstractGroupApprovalTask):
    """Group approval that cannot approve (and so publish) a story without valid consent, or a
    story translation with machine texts no person has checked."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if isinstance(obj, SurvivorStoryPage) and publish_problem(obj):
            return [action for action in actions if not action[0].startswith("approve")]
        return actions

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve survivor stories that have valid consent.")

    class Meta:
        verbose_name = _("Story review task")
        verbose_name_plural = _("Story review tasks")


class ScheduledJobsRun(models.Model):
    """When the scheduled jobs (scheduled publishing, consent enforcement) last ran to the end,
    and where: one row, in the database, so that every app server's dashboard sees the worker
    whichever machine it runs on (stories/scheduled_jobs.py)."""

    finished_at = models.DateTimeField(_("finished at"))
    host = models.CharField(_("host"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("scheduled jobs run")
        verbose_name_plural = _("scheduled jobs runs")

    def __str__(self):
        return _("Scheduled jobs finished at %(time)s on %(host)s") % {
            "time": timezone.localtime(self.finished_at).isoformat(timespec="seconds"),
            "host": self.host,
        }
