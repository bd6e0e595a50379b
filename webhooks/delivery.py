"""Sending a delivery: sign the JSON body, POST it, record the attempt, schedule the next one.

Settings (all optional):
- WEBHOOKS_TIMEOUT: seconds to wait for the connection and for the response (default 5);
- WEBHOOKS_RETRY_DELAYS: seconds to wait after each failed attempt before the next one (default
  1 min, 5 min, 30 min, 2 h, 12 h: six attempts in all);
- WEBHOOKS_DELIVER_AFTER_COMMIT: send the first attempt as soon as the change is committed, through
  django-tasks (default True); when False only `manage.py deliver_webhooks` sends.
"""

import hashlib
import hmac
import json
import logging
import time
from datetime import timedelta

import requests
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from webhooks.models import WebhookDelivery, WebhookDeliveryAttempt

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 5
DEFAULT_RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600)
USER_AGENT = "CampaignCMS-Webhooks/1.0"
SIGNATURE_PREFIX = "sha256="


def get_timeout():
    return float(getattr(settings, "WEBHOOKS_TIMEOUT", DEFAULT_TIMEOUT))


def get_retry_delays():
    return tuple(getattr(settings, "WEBHOOKS_RETRY_DELAYS", DEFAULT_RETRY_DELAYS))


def get_max_attempts():
    return len(get_retry_delays()) + 1


def lease_duration():
    """How long a delivery being sent is hidden from other workers."""
    return timedelta(seconds=max(120, 4 * get_timeout()))


def encode_payload(payload):
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sign(secret, timestamp, body):
    """`sha256=` and the hex HMAC-SHA256 of "<timestamp>.<body>" keyed with `secret`."""
    message = f"{timestamp}.".encode() + body
    return SIGNATURE_PREFIX + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def build_request(delivery, now):
    """The body and headers of one attempt; each attempt is signed with its own timestamp."""
    body = encode_payload(delivery.payload)
    timestamp = str(int(now.timestamp()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Webhook-Event": delivery.event,
        "X-Webhook-Delivery": str(delivery.uuid),
        "X-Webhook-Timestamp": timestamp,
        "X-Webhook-Signature": sign(delivery.endpoint.secret, timestamp, body),
    }
    return body, headers


def claim(delivery_id, now):
    """Take a due delivery for this worker: no other worker picks it up during the lease."""
    due = Q(next_retry_at__isnull=True) | Q(next_retry_at__lte=now)
    return (
        WebhookDelivery.objects.filter(due, pk=delivery_id, status=WebhookDelivery.PENDING).update(
            next_retry_at=now + lease_duration()
        )
        == 1
    )


def _reason(exc):
    """The innermost cause of a requests/urllib3 error, e.g. "[Errno 111] Connection refused"."""
    seen = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        inner = getattr(exc, "reason", None)
        if not isinstance(inner, BaseException) and exc.args:
            inner = exc.args[0] if isinstance(exc.args[0], BaseException) else None
        if inner is None:
            break
        exc = inner
    text = str(exc)
    return text.split(": ", 1)[-1] if "Failed to establish" in text else text


def send(delivery, now):
    """POST one attempt. Returns (status code or None, error message or "")."""
    body, headers = build_request(delivery, now)
    timeout = get_timeout()
    try:
        with requests.Session() as session:
            response = session.post(
                delivery.endpoint.url,
                data=body,
                headers=headers,
                timeout=timeout,
                allow_redirects=False,
                stream=True,  # the receiver's body is not needed: never wait for it
            )
            response.close()
    except requests.Timeout:
        return None, f"No response within {timeout:g} s"
    except requests.ConnectionError as exc:
        return None, f"Connection failed: {_reason(exc)}"
    except Exception as exc:  # an invalid address, a TLS problem…: recorded, never raised
        return None, f"{type(exc).__name__}: {exc}"
    if 200 <= response.status_code < 300:
        return response.status_code, ""
    return response.status_code, f"HTTP {response.status_code} {response.reason or ''}".strip()


def record_attempt(delivery, now, status_code, error, duration_ms):
    number = delivery.attempts + 1
    error = error[:255]
    WebhookDeliveryAttempt.objects.create(
        delivery=delivery,
        number=number,
        attempted_at=now,
        succeeded=not error,
        status_code=status_code,
        error=error,
        duration_ms=duration_ms,
    )
    delivery.attempts = number
    delivery.last_attempt_at = now
    delivery.last_status_code = status_code
    delivery.last_error = error
    if not error:
        delivery.status = WebhookDelivery.SUCCEEDED
        delivery.delivered_at = now
        delivery.next_retry_at = None
    elif number >= get_max_attempts():
        delivery.status = WebhookDelivery.FAILED
        delivery.next_retry_at = None
    else:
        delivery.status = WebhookDelivery.PENDING
        delivery.next_retry_at = now + timedelta(seconds=get_retry_delays()[number - 1])
    delivery.save(
        update_fields=[
            "attempts",
            "last_attempt_at",
            "last_status_code",
            "last_error",
            "status",
            "delivered_at",
            "next_retry_at",
        ]
    )
    return delivery


def deliver(delivery_id, now=None):
    """Make one attempt at a due, pending delivery. Returns the delivery, or None when it was not
    due (already sent, given up, or being sent by another worker)."""
    now = now or timezone.now()
    if not claim(delivery_id, now):
        return None
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    if not delivery.endpoint.active:
        delivery.status = WebhookDelivery.FAILED
        delivery.last_error = "The endpoint was deactivated before delivery."
        delivery.next_retry_at = None
        delivery.save(update_fields=["status", "last_error", "next_retry_at"])
        return delivery
    started = time.monotonic()
    status_code, error = send(delivery, now)
    duration_ms = int((time.monotonic() - started) * 1000)
    if error:
        logger.warning(
            "Webhook delivery %s to %s failed: %s", delivery.uuid, delivery.endpoint, error
        )
    return record_attempt(delivery, now, status_code, error, duration_ms)


def due_deliveries(now=None):
    now = now or timezone.now()
    return (
        WebhookDelivery.objects.filter(status=WebhookDelivery.PENDING)
        .filter(Q(next_retry_at__isnull=True) | Q(next_retry_at__lte=now))
        .order_by("next_retry_at", "pk")
    )


def deliver_due(now=None, limit=None):
    """Attempt every pending delivery whose time has come; returns the deliveries attempted."""
    ids = list(due_deliveries(now).values_list("pk", flat=True)[:limit])
    attempted = []
    for delivery_id in ids:
        try:
            delivery = deliver(delivery_id, now)
        except Exception:
            logger.exception("Webhook delivery %s could not be attempted", delivery_id)
            continue
        if delivery is not None:
            attempted.append(delivery)
    return attempted


def mark_for_retry(delivery, now=None):
    """Make a failed (or waiting) delivery due now, for one more attempt."""
    delivery.status = WebhookDelivery.PENDING
    delivery.next_retry_at = now or timezone.now()
    delivery.save(update_fields=["status", "next_retry_at"])
    return delivery
