"""Email digests: who subscribed to what, which digest went out for which period, and what bounced."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class Frequency(models.TextChoices):
    DAILY = "daily", "daily"
    WEEKLY = "weekly", "weekly"
    # New court filings and discrepancies, batched: at most one email per TRACKER_ALERT_BATCH_MINUTES.
    ALERTS = "alerts", "as it happens (new court filings and discrepancies)"


class SubscriberQuerySet(models.QuerySet):
    def due(self, frequencies: list[str]):
        """Confirmed, active subscribers of the given frequencies, with what they follow."""
        return (
            self.filter(status=Subscriber.Status.ACTIVE, frequency__in=frequencies)
            .prefetch_related("subscriptions")
            .order_by("pk")
        )


class Subscriber(models.Model):
    """One email address. Nothing but a confirmation is ever sent before `confirmed_at` is set.

    `token_version` is part of every signed link: bumping it (on leaving) makes every earlier link
    invalid. A confirmation link is used up on its own (`UsedConfirmation`)."""

    class Status(models.TextChoices):
        PENDING = "pending", "waiting for confirmation"
        ACTIVE = "active", "active"
        PAUSED = "paused", "paused"
        UNSUBSCRIBED = "unsubscribed", "unsubscribed"
        SUSPENDED = "suspended", "suspended (bounces)"

    email = models.EmailField(max_length=254, unique=True, help_text="Stored lower-cased.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    frequency = models.CharField(max_length=6, choices=Frequency.choices, default=Frequency.DAILY)
    token_version = models.PositiveIntegerField(default=1)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    bounce_count = models.PositiveIntegerField(
        default=0, help_text="Permanent failures since the last success."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return f"{self.email} ({self.get_status_display()})"

    def bump_token_version(self) -> None:
        """Invalidate every link sent so far (saved at once, race-free)."""
        Subscriber.objects.filter(pk=self.pk).update(token_version=F("token_version") + 1)
        self.refresh_from_db(fields=["token_version"])


class Subscription(models.Model):
    """What a subscriber follows: a case or an entity (exactly one of the two)."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    entity = models.ForeignKey(
        "cases.Entity", null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(case__isnull=False, entity__isnull=True) | Q(case__isnull=True, entity__isnull=False)
                ),
                name="subscription_case_xor_entity",
            ),
            models.UniqueConstraint("subscriber", "case", name="subscription_unique_case"),
            models.UniqueConstraint("subscriber", "entity", name="subscription_unique_entity"),
        ]

    def __str__(self):
        return f"{self.subscriber.email} follows {self.case or self.entity}"


class Delivery(models.Model):
    """One digest for one subscriber and period, claimed (SENDING) before the SMTP conversation and
    completed after it. Unique per subscriber and period: a second claim of the same period fails, so a
    retried task never sends a digest twice. A row left in SENDING is a crash between the two steps:
    the message may or may not have gone (see sending.py for how to resolve it)."""

    class Status(models.TextChoices):
        SENDING = "sending", "sending (claimed)"
        SENT = "sent", "sent"
        EMPTY = "empty", "nothing new, not sent"
        DEFERRED = "deferred", "deferred (temporary failure, will retry)"
        BOUNCED = "bounced", "bounced (permanent failure)"
        FAILED = "failed", "failed (gave up)"
        ABANDONED = "abandoned", "abandoned after a crash (not resent)"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    period = models.CharField(
        max_length=20, help_text="daily:2026-11-22, weekly:2026-11-23 or alerts:20261123T0715 (UTC)."
    )
    period_start = models.DateTimeField()
    period_end = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(
        max_length=255, blank=True, help_text="Set before sending: look it up in MTA logs."
    )
    subject = models.CharField(max_length=300, blank=True)
    item_count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-period_end", "subscriber"]
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint("subscriber", "period", name="delivery_unique_subscriber_period")
        ]

    def __str__(self):
        return f"{self.period} to {self.subscriber.email}: {self.status}"


class Bounce(models.Model):
    """A permanent failure reported by the SMTP server (5xx) or by a provider's bounce webhook."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="bounces")
    delivery = models.ForeignKey(
        Delivery, null=True, blank=True, on_delete=models.SET_NULL, related_name="bounces"
    )
    code = models.PositiveSmallIntegerField(null=True, blank=True)
    message = models.TextField(blank=True)
    source = models.CharField(max_length=20, default="smtp", help_text="smtp, or the webhook's provider.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subscriber.email}: {self.code} {self.message[:60]}"


class UsedConfirmation(models.Model):
    """A confirmation link that was followed: each link works once, without voiding the reader's other
    pending links (one per topic they asked for). Rows older than a link's lifetime are pruned."""

    nonce = models.CharField(max_length=32, unique=True)
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    used_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return f"confirmation {self.nonce} used {self.used_at:%Y-%m-%d %H:%M}"
