"""Endpoints that headless frontends register to hear about published content, and the record of
every delivery made to them."""

import secrets
import uuid

from django.core.validators import MinLengthValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

PAGE_PUBLISHED = "page.published"
PAGE_UNPUBLISHED = "page.unpublished"
PAGE_DELETED = "page.deleted"
SNIPPET_PUBLISHED = "snippet.published"
SNIPPET_UNPUBLISHED = "snippet.unpublished"
SNIPPET_DELETED = "snippet.deleted"
# A person's subscription: these carry an email address, so an endpoint hears of them only when
# an administrator ticks them (a CRM following the lists), never by default.
SUBSCRIPTION_CONFIRMED = "subscription.confirmed"
SUBSCRIPTION_ENDED = "subscription.ended"
PERSONAL_EVENTS = (SUBSCRIPTION_CONFIRMED, SUBSCRIPTION_ENDED)

EVENT_CHOICES = [
    (PAGE_PUBLISHED, _("Page published")),
    (PAGE_UNPUBLISHED, _("Page unpublished")),
    (PAGE_DELETED, _("Page deleted")),
    (SNIPPET_PUBLISHED, _("Snippet published (saved)")),
    (SNIPPET_UNPUBLISHED, _("Snippet unpublished")),
    (SNIPPET_DELETED, _("Snippet deleted")),
    (SUBSCRIPTION_CONFIRMED, _("Subscription confirmed (carries the email address)")),
    (SUBSCRIPTION_ENDED, _("Subscription ended (carries the email address)")),
]
EVENTS = [event for event, _label in EVENT_CHOICES]
CONTENT_EVENTS = [event for event in EVENTS if event not in PERSONAL_EVENTS]

http_url_validator = URLValidator(
    schemes=["http", "https"],
    message=_("Enter an address starting with http:// or https://."),
    code="invalid_scheme",  # not "invalid", which forms replace with their own "Enter a valid URL."
)


def generate_secret():
    return secrets.token_urlsafe(32)


def all_events():
    """What a new endpoint listens to: every content event, no personal one."""
    return list(CONTENT_EVENTS)


class WebhookEndpoint(models.Model):
    """A URL that receives signed JSON notifications when content is published or removed."""

    name = models.CharField(_("name"), max_length=100, help_text=_("e.g. Next.js frontend"))
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[http_url_validator],
        help_text=_("Receives a POST request with a JSON body for each event."),
    )
    secret = models.CharField(
        _("signing secret"),
        max_length=128,
        blank=True,
        default=generate_secret,
        validators=[MinLengthValidator(24)],
        help_text=_(
            "Shared with the receiver, which checks the X-Webhook-Signature header with it. "
            "Leave empty to generate a new one."
        ),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive endpoints receive nothing.")
    )
    events = models.JSONField(_("events"), default=all_events, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.secret:
            self.secret = generate_secret()
        super().save(*args, **kwargs)

    def wants(self, event):
        return self.active and event in (self.events or [])

    def get_events_display(self):
        labels = dict(EVENT_CHOICES)
        return ", ".join(str(labels.get(event, event)) for event in self.events or [])


class WebhookDelivery(models.Model):
    """One event sent (or to be sent) to one endpoint, with its retries."""

    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    STATUS_CHOICES = [
        (PENDING, _("Pending")),
        (SUCCEEDED, _("Succeeded")),
        (FAILED, _("Failed")),
    ]

    uuid = models.UUIDField(_("delivery ID"), default=uuid.uuid4, unique=True, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("endpoint"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.CharField(_("event"), max_length=40, choices=EVENT_CHOICES)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=10, choices=STATUS_CHOICES, default=PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_status_code = models.PositiveSmallIntegerField(
        _("last response status"), null=True, blank=True
    )
    last_error = models.CharField(_("last error"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    next_retry_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_retry_at"], name="webhooks_due_idx")]

    def __str__(self):
        return f"{self.event} {self.object_label}"

    @property
    def object_label(self):
        obj = (self.payload or {}).get("object") or {}
        title = obj.get("title") or ""
        return f"{obj.get('type', '?')} #{obj.get('id', '?')} ({obj.get('locale', '?')}) {title}"

    @property
    def can_retry(self):
        return self.status == self.FAILED or (self.status == self.PENDING and self.attempts > 0)


class WebhookDeliveryAttempt(models.Model):
    """One HTTP request made for a delivery: when, how long, and what came back."""

    delivery = models.ForeignKey(
        WebhookDelivery,
        verbose_name=_("delivery"),
        on_delete=models.CASCADE,
        related_name="attempt_log",
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    attempted_at = models.DateTimeField(_("attempted at"))
    succeeded = models.BooleanField(_("succeeded"), default=False)
    status_code = models.PositiveSmallIntegerField(_("response status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=255, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)

    class Meta:
        verbose_name = _("webhook delivery attempt")
        verbose_name_plural = _("webhook delivery attempts")
        ordering = ["number", "pk"]

    def __str__(self):
        return f"#{self.number} {self.status_code or self.error}"
