"""Thin Celery tasks: the beat's `send_due_digests` splits the due subscribers into batches, and
`send_digest_batch` sends one batch over one connection (sending.py), retrying the deferred ones."""

from __future__ import annotations

import smtplib
from datetime import datetime

from celery import shared_task

from tracker.digests import alerts, composing, sending


@shared_task
def send_due_digests() -> int:
    """Enqueue a batch task per TRACKER_DIGEST_BATCH_SIZE due subscribers; returns how many."""
    sending.abandon_stale()
    batches = sending.due_batches()
    for frequency, end, ids in batches:
        send_digest_batch.delay(ids, frequency, end.isoformat())
    return len(batches)


@shared_task(
    bind=True,
    max_retries=8,
    autoretry_for=(smtplib.SMTPServerDisconnected, ConnectionError),
    retry_backoff=60,
    retry_backoff_max=3600,
)
def send_digest_batch(self, subscriber_ids: list[int], frequency: str, period_end: str) -> dict:
    """Send one period's digest to these subscribers; temporary failures are retried with backoff
    (only those subscribers; the others' Deliveries are done and would be skipped anyway)."""
    period = composing.period_ending(frequency, datetime.fromisoformat(period_end))
    result = sending.send_batch(subscriber_ids=subscriber_ids, period=period)
    if result.deferred:
        raise self.retry(args=(result.deferred, frequency, period_end), countdown=result.retry_in)
    return {"sent": result.sent, "empty": result.empty, "bounced": result.bounced, "skipped": result.skipped}


@shared_task
def send_alerts() -> dict:
    """'As it happens' alerts due in the current window (alerts.py); safe to run every minute."""
    result = alerts.send_alerts()
    return {
        "sent": result.sent,
        "skipped": result.skipped,
        "bounced": result.bounced,
        "failed": result.failed,
    }
