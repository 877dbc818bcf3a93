"""Bounces and complaints reported by an email provider's webhook (django-anymail's `tracking` signal).

With an anymail backend (EMAIL_BACKEND = "anymail.backends.<esp>.EmailBackend") and its tracking
webhook URL included in tracker/urls.py, the provider reports bounces after the fact; they are counted
exactly like a 5xx answer at sending time, and complaints ("this is spam") unsubscribe at once. Without
anymail installed nothing is connected; `apply_provider_event` is plain and tested on its own.
"""

from __future__ import annotations

from tracker.digests import sending, subscribing
from tracker.digests.models import Subscriber

BOUNCES = {"bounced", "rejected"}
LEAVES = {"complained", "unsubscribed"}


def apply_provider_event(
    *, event_type: str, recipient: str, description: str = "", esp_name: str = ""
) -> str:
    """What a provider's event did: "bounce", "suspended", "unsubscribed" or "ignored"."""
    subscriber = Subscriber.objects.filter(email=(recipient or "").strip().lower()).first()
    if subscriber is None:
        return "ignored"
    if event_type in BOUNCES:
        suspended = sending.record_bounce(
            subscriber, code=None, message=description[:1000], source=(esp_name or "webhook")[:20]
        )
        return "suspended" if suspended else "bounce"
    if event_type in LEAVES and subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscribing.unsubscribe(subscriber)
        return "unsubscribed"
    return "ignored"


def on_tracking(sender, event, esp_name, **kwargs) -> None:
    """anymail.signals.tracking receiver."""
    apply_provider_event(
        event_type=event.event_type,
        recipient=event.recipient or "",
        description=event.description or event.mta_response or "",
        esp_name=esp_name,
    )


def connect() -> bool:
    try:
        from anymail.signals import tracking
    except ImportError:
        return False
    tracking.connect(on_tracking, dispatch_uid="tracker.digests.on_tracking")
    return True
