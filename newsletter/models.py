"""Mailing lists and the people on them: who signed up for which list, with which wording of
consent, where, and whether they confirmed (double opt-in). Only confirmed subscriptions count
anywhere: exports, statistics, webhooks, the mailings themselves.

People are kept apart from the content: a `Subscriber` is an address, a language and a random
key (what the signed links name, so that they die with the person on erasure). When someone asks
to be forgotten, the subscriber and their subscriptions are deleted; `SignUpStatistic` keeps only
anonymous counts per list, language and day."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class MailingList(TranslatableMixin, index.Indexed, models.Model):
    """A list people can sign up for on pages and through the API, e.g. the newsletter or the
    early-access briefings."""

    NEWSLETTER = "newsletter"
    EARLY_ACCESS = "early-access"
    KINDS = [(NEWSLETTER, _("Newsletter")), (EARLY_ACCESS, _("Early-access briefings"))]

    name = models.CharField(max_length=120, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=120,
        allow_unicode=True,
        help_text=_("Used in API sign-ups and exports; keep it short and stable."),
        verbose_name=_("slug"),
    )
    description = models.TextField(
        blank=True,
        help_text=_("What subscribers receive and how often; shown beside the sign-up box."),
        verbose_name=_("description"),
    )
    kind = models.CharField(
        max_length=20,
        choices=KINDS,
        default=NEWSLETTER,
        help_text=_("Early-access lists receive resources before their public release."),
        verbose_name=_("kind"),
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # The same in every language: API sign-ups and exports name a list by it.
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("kind")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("mailing list")
        verbose_name_plural = _("mailing lists")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    @property
    def original(self):
        """The list in the default language (where subscriptions are kept), else itself."""
        return self.get_translation_or_none(Locale.get_default()) or self


class ConsentWording(TranslatableMixin, models.Model):
    """What a person agrees to when signing up, shown under the sign-up box. A wording once shown
    to someone who signed up is never changed: a new version is added instead, and each
    subscription keeps the version its subscriber saw."""

    version = models.PositiveIntegerField(
        editable=False, default=0, verbose_name=_("version"), help_text=_("Given on saving.")
    )
    text = models.TextField(
        help_text=_(
            "e.g. 'I agree to receive emails from the collective. I can unsubscribe at any time "
            "with one click.' Add a new version rather than change one already used."
        ),
        verbose_name=_("text"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("consent wording")
        verbose_name_plural = _("consent wordings")
        ordering = ["-version"]

    def __str__(self):
        return _("Version %(version)s: %(text)s") % {
            "version": self.version,
            "text": self.text[:60],
        }

    def save(self, *args, **kwargs):
        if not self.version:
            translated = ConsentWording.objects.filter(translation_key=self.translation_key)
            existing = translated.exclude(pk=self.pk).values_list("version", flat=True).first()
            newest = ConsentWording.objects.aggregate(newest=models.Max("version"))["newest"]
            self.version = existing or (newest or 0) + 1
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.pk and self.is_used():
            stored = ConsentWording.objects.filter(pk=self.pk).values_list("text", flat=True)
            if stored and stored[0] != self.text:
                raise ValidationError(
                    {
                        "text": _(
                            "People signed up with this wording: add a new consent wording "
                            "(a new version) instead of changing it."
                        )
                    }
                )

    def is_used(self):
        return Subscription.objects.filter(consent_wording=self).exists()

    @classmethod
    def current(cls, locale=None):
        """The newest wording in `locale` (the active one by default), else the newest in the
        default language; None when there is none yet."""
        locale = locale or Locale.get_active()
        newest = cls.objects.order_by("-version", "pk")
        return (
            newest.filter(locale=locale).first()
            or newest.filter(locale=Locale.get_default()).first()
        )


class Subscriber(models.Model):
    """A person who signed up: an email address (lower case) and the language they read."""

    email = models.EmailField(max_length=254, unique=True, verbose_name=_("email address"))
    language = models.CharField(max_length=10, verbose_name=_("language"))
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("signed up"))

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def confirmed_lists(self):
        return [s.mailing_list for s in self.subscriptions.filter(status=Subscription.CONFIRMED)]


class Subscription(models.Model):
    """One person on one list: pending until they follow the link of the confirmation email,
    then confirmed, until they unsubscribe (ended)."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    ENDED = "ended"
    STATUSES = [(PENDING, _("Pending")), (CONFIRMED, _("Confirmed")), (ENDED, _("Ended"))]

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    mailing_list = models.ForeignKey(
        MailingList,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("list"),
    )
    status = models.CharField(
        max_length=10, choices=STATUSES, default=PENDING, verbose_name=_("status")
    )
    consent_wording = models.ForeignKey(
        ConsentWording,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("consent wording"),
    )
    signed_up_on = models.CharField(
        max_length=500, blank=True, verbose_name=_("signed up on"), help_text=_("Page or API.")
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("signed up"))
    confirmed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("confirmed"))
    ended_at = models.DateTimeField(null=True, blank=True, verbose_name=_("ended"))

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "mailing_list"], name="one_subscription_per_list"
            )
        ]

    def __str__(self):
        return f"{self.subscriber} – {self.mailing_list}"

    @property
    def email(self):
        return self.subscriber.email

    @property
    def language(self):
        return self.subscriber.language

    @property
    def consent_version(self):
        return self.consent_wording.version


class SignUpStatistic(models.Model):
    """Anonymous counts per list, language and day: what stays of people who were forgotten."""

    mailing_list = models.ForeignKey(MailingList, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10)
    day = models.DateField()
    confirmed = models.PositiveIntegerField(default=0)
    ended = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["mailing_list", "language", "day"], name="one_statistic_per_day"
            )
        ]

    def __str__(self):
        return f"{self.mailing_list_id} {self.language} {self.day}"

    @classmethod
    def count(cls, subscription, field):
        """Add one to `field` ("confirmed" or "ended") for the subscription's list and day."""
        row, _created = cls.objects.get_or_create(
            mailing_list_id=subscription.mailing_list_id,
            language=subscription.subscriber.language,
            day=timezone.localdate(),
        )
        cls.objects.filter(pk=row.pk).update(**{field: F(field) + 1})
