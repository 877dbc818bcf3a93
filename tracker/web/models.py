"""Readers' reports of errors on events and claims; they wait for curators in the admin queue."""

import hashlib
import hmac

from django.conf import settings
from django.db import models


def hash_ip(ip: str) -> str:
    """A keyed hash of the reader's address: enough to rate limit and to spot a flood, never the address.

    Keyed with SECRET_KEY, so the hash cannot be reversed by hashing the whole IPv4 space."""
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()


class ErrorReport(models.Model):
    """What a reader says is wrong with one event or one claim."""

    class Status(models.TextChoices):
        OPEN = "open", "open"
        ACTING = "acting", "being acted on"
        CLOSED = "closed", "closed"

    event = models.ForeignKey(
        "crossref.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="error_reports"
    )
    claim = models.ForeignKey(
        "crossref.Claim", null=True, blank=True, on_delete=models.CASCADE, related_name="error_reports"
    )
    text = models.TextField(max_length=2000, help_text="What the reader says is wrong.")
    email = models.EmailField(blank=True, help_text="Optional, for a reply.")
    ip_hash = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    note = models.TextField(blank=True, help_text="The curator's note.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(event__isnull=False) ^ models.Q(claim__isnull=False),
                name="errorreport_one_target",
            )
        ]

    def __str__(self):
        target = f"event {self.event_id}" if self.event_id else f"claim {self.claim_id}"
        return f"{target}: {self.text[:60]}"

    @property
    def target(self):
        return self.event if self.event_id else self.claim


class PageGeneration(models.Model):
    """When the things a group of cached pages shows last changed ("event:12", "case:musk-v-openai",
    "site"): a cached page's key holds its group's stamp, so bumping the stamp retires every variant of
    those pages at once, in every process (pagecache.py). Bumped by the events_changed receiver."""

    scope = models.CharField(max_length=200, primary_key=True)
    changed_at = models.BigIntegerField(help_text="time.time_ns() of the last change")

    def __str__(self):
        return f"{self.scope} @ {self.changed_at}"
