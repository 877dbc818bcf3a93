"""Sending digests: claim a Delivery, send, complete; one connection per batch of subscribers.

Guarantee: at most once. A batch claims its subscribers' Deliveries (unique per subscriber and period)
in one committed transaction (status SENDING, with the Message-IDs about to be used; claims.py) before
its first SMTP conversation, and completes them in one more after its last (SENT, BOUNCED, DEFERRED...):
two commits per batch, not two per subscriber. A retried task, a second beat run or a second worker
finds the rows and sends nothing. A crash in between leaves the batch's rows in SENDING: each message
may or may not have been accepted, and we cannot ask the server. We chose not to resend
automatically, because a duplicate digest is a worse failure than a late one for readers, spam filters
and sender reputation, and the Message-ID on the row settles the question in the MTA's log.
`abandon_stale()` (run by each beat) turns rows left in SENDING for an hour into ABANDONED, shown in the
admin, where staff can "resend" (back to DEFERRED) the ones the log shows were never accepted.

SMTP answers: 4xx (and lost connections) are temporary: the Delivery is DEFERRED with an exponential
backoff and the task retries those subscribers; after TRACKER_DIGEST_MAX_ATTEMPTS it is FAILED. 5xx is
permanent: a Bounce is recorded and the Delivery is BOUNCED; TRACKER_DIGEST_MAX_BOUNCES bounces in a row
suspend the address (a delivered digest resets the count). Other backends (django-anymail) report
refused recipients with their own exceptions: a refusal is a bounce, any other error is temporary.
"""

from __future__ import annotations

import hashlib
import logging
import smtplib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from tracker.digests import claims, composing, emails
from tracker.digests.models import Bounce, Delivery, Subscriber, Subscription

log = logging.getLogger(__name__)

DONE = [Delivery.Status.SENT, Delivery.Status.EMPTY, Delivery.Status.BOUNCED, Delivery.Status.FAILED]
STALE_AFTER = timedelta(hours=1)
RENDERED_TTL = 6 * 3600
_MISSING = object()


@dataclass
class BatchResult:
    sent: int = 0
    empty: int = 0
    skipped: int = 0  # already claimed or done
    bounced: int = 0
    failed: int = 0
    deferred: list[int] = field(default_factory=list)  # subscriber ids to try again
    retry_in: int = 0  # seconds until the earliest deferred one is due


@dataclass(frozen=True)
class SmtpFailure:
    permanent: bool
    code: int | None
    text: str


def classify(exc: Exception) -> SmtpFailure:
    """Sort a sending error into permanent (5xx, refused recipient) or temporary (anything else)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused) and exc.recipients:
        code, text = next(iter(exc.recipients.values()))
        return SmtpFailure(500 <= code < 600, code, _text(text))
    if isinstance(exc, smtplib.SMTPResponseException):
        return SmtpFailure(500 <= exc.smtp_code < 600, exc.smtp_code, _text(exc.smtp_error))
    if type(exc).__name__ == "AnymailRecipientsRefused":  # django-anymail, without importing it
        return SmtpFailure(True, None, str(exc)[:1000])
    return SmtpFailure(False, None, f"{type(exc).__name__}: {exc}"[:1000])


def _text(value) -> str:
    return (value.decode(errors="replace") if isinstance(value, bytes) else str(value))[:1000]


def backoff(attempts: int) -> timedelta:
    """1, 4, 16, 64 minutes..., at most six hours."""
    return timedelta(minutes=min(4 ** max(attempts - 1, 0), 360))


def send_batch(*, subscriber_ids: list[int], period: composing.Period) -> BatchResult:
    """Send `period`'s digest to each of these subscribers still due, over one connection: the batch's
    Deliveries are claimed in one commit before the first message, completed in one after the last."""
    result = BatchResult()
    subscribers = Subscriber.objects.due([period.frequency]).filter(pk__in=subscriber_ids)
    followed = _followed(subscriber_ids)
    rendered: dict[composing.Topics, emails.Rendered | None] = {}
    plan = []
    for subscriber in subscribers.prefetch_related(None):
        topics = followed.get(subscriber.pk, composing.Topics(frozenset(), frozenset()))
        if topics not in rendered:
            rendered[topics] = render_for(topics, period)
        plan.append((subscriber, rendered[topics]))
    if not plan:
        return result
    claimed = claims.claim_batch(plan, period)
    result.skipped = len(plan) - len(claimed)
    result.empty = sum(1 for s, content in plan if content is None and s.pk in claimed)
    outgoing = [(s, content, claimed[s.pk]) for s, content in plan if content and s.pk in claimed]
    sent, failures = deliver(outgoing)
    complete(sent, failures, result)
    return result


def _followed(subscriber_ids: list[int]) -> dict[int, composing.Topics]:
    """What each of these subscribers follows, from one read of rows (no Subscription objects made)."""
    cases, entities = defaultdict(set), defaultdict(set)
    rows = Subscription.objects.filter(subscriber_id__in=subscriber_ids).order_by()
    for pk, case_id, entity_id in rows.values_list("subscriber_id", "case_id", "entity_id"):
        if case_id:
            cases[pk].add(case_id)
        if entity_id:
            entities[pk].add(entity_id)
    return {pk: composing.Topics(frozenset(cases[pk]), frozenset(entities[pk])) for pk in {*cases, *entities}}


def deliver(outgoing: list[tuple[Subscriber, emails.Rendered, claims.Claimed]]) -> tuple[list, list]:
    """The SMTP conversation of a batch, over one connection, writing nothing: the subscribers whose
    message the server accepted, and (subscriber, claimed, SmtpFailure) for the others. With Django's
    SMTP backend each message is its digest's prepared bytes with the slots filled in (emails.prepared);
    other backends (and messages that cannot be prepared) get the message object."""
    sent, failures = [], []
    connection = get_connection(fail_silently=False)
    fast = isinstance(connection, SmtpBackend)
    linker = emails.Linker()
    prepared: dict[int, emails.Prepared | None] = {}
    try:
        for subscriber, content, claimed in outgoing:
            links = linker.of(subscriber)
            if fast and id(content) not in prepared:
                prepared[id(content)] = emails.prepared(content)
            template = prepared.get(id(content))
            data = template.personal(subscriber.email, links, claimed.message_id) if template else None
            try:
                connection.open()  # a no-op when open: the batch shares one SMTP session
                if data is None:
                    emails.digest_message(
                        subscriber, content, connection=connection, links=links, message_id=claimed.message_id
                    ).send()
                else:
                    connection.connection.sendmail(template.envelope_from, [subscriber.email], data)
            except Exception as exc:  # noqa: BLE001 - every failure is recorded on the Delivery
                failures.append((subscriber, claimed, classify(exc)))
                if not isinstance(exc, smtplib.SMTPResponseException):
                    connection.close()  # lost or unusable: the next message opens a new one
                continue
            sent.append((subscriber, claimed))
    finally:
        connection.close()
    return sent, failures


def render_for(topics: composing.Topics, period: composing.Period) -> emails.Rendered | None:
    """The digest of `topics` for `period`, rendered; None when nothing is new. Kept in the shared
    cache for the period, so the batches of one period (in any worker) compose it once and send the
    same content to everyone who follows the same things."""
    key = ",".join(map(str, sorted(topics.case_ids))) + ";" + ",".join(map(str, sorted(topics.entity_ids)))
    key = f"digests:rendered:{period.key}:{period.start.timestamp():.0f}:{hashlib.sha1(key.encode()).hexdigest()}"
    cached = cache.get(key, _MISSING)
    if cached is not _MISSING:
        return cached
    digest = composing.compose(topics=topics, period=period) if topics else None
    rendered = emails.render_digest(digest) if digest and digest.sections else None
    cache.set(key, rendered, timeout=RENDERED_TTL)
    return rendered


def complete(sent: list, failures: list, result, *, temporary=None) -> None:
    """Record the batch's outcome in one commit: what the server accepted (forgiving earlier bounces),
    bounces, and temporary failures: `temporary(claimed, subscriber, error, result)` records those
    (digests: deferred with backoff, FAILED after TRACKER_DIGEST_MAX_ATTEMPTS)."""
    with transaction.atomic():
        if sent:
            done = [claimed.pk for _, claimed in sent]
            Delivery.objects.filter(pk__in=done).update(status=Delivery.Status.SENT, sent_at=timezone.now())
            forgiven = [s.pk for s, _ in sent if s.bounce_count]
            if forgiven:
                Subscriber.objects.filter(pk__in=forgiven).update(bounce_count=0)
            result.sent += len(sent)
        for subscriber, claimed, failure in failures:
            error = f"{failure.code or ''} {failure.text}".strip()
            if failure.permanent:
                record_bounce(
                    subscriber, code=failure.code, message=failure.text, delivery=Delivery(pk=claimed.pk)
                )
                Delivery.objects.filter(pk=claimed.pk).update(status=Delivery.Status.BOUNCED, error=error)
                result.bounced += 1
            else:
                (temporary or _deferred)(claimed, subscriber, error, result)


def _deferred(delivery: claims.Claimed, subscriber: Subscriber, error: str, result: BatchResult) -> None:
    if delivery.attempts >= settings.TRACKER_DIGEST_MAX_ATTEMPTS:
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.FAILED, error=error)
        result.failed += 1
        return
    wait = backoff(delivery.attempts)
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.DEFERRED, error=error, next_attempt_at=timezone.now() + wait
    )
    result.deferred.append(subscriber.pk)
    seconds = int(wait.total_seconds())
    result.retry_in = min(result.retry_in or seconds, seconds)
    log.info("digest to subscriber %s deferred for %s s: %s", subscriber.pk, seconds, error)


def record_bounce(
    subscriber: Subscriber,
    *,
    code: int | None,
    message: str,
    delivery: Delivery | None = None,
    source: str = "smtp",
) -> bool:
    """Count a permanent failure; True when it suspended the address. Also for bounce webhooks."""
    Bounce.objects.create(subscriber=subscriber, delivery=delivery, code=code, message=message, source=source)
    Subscriber.objects.filter(pk=subscriber.pk).update(bounce_count=F("bounce_count") + 1)
    return bool(
        Subscriber.objects.filter(
            pk=subscriber.pk,
            bounce_count__gte=settings.TRACKER_DIGEST_MAX_BOUNCES,
            status__in=[Subscriber.Status.ACTIVE, Subscriber.Status.PAUSED],
        ).update(status=Subscriber.Status.SUSPENDED)
    )


def abandon_stale(now: datetime | None = None) -> int:
    """Deliveries left in SENDING by a crash: mark them ABANDONED (never resent on their own)."""
    cutoff = (now or timezone.now()) - STALE_AFTER
    return Delivery.objects.filter(status=Delivery.Status.SENDING, claimed_at__lt=cutoff).update(
        status=Delivery.Status.ABANDONED,
        error="Left in SENDING (a crash?); check the Message-ID in the MTA log.",
    )


def due_batches(now: datetime | None = None) -> list[tuple[str, datetime, list[int]]]:
    """(frequency, period end, subscriber ids) of up to TRACKER_DIGEST_BATCH_SIZE for each period due
    now, leaving out subscribers whose Delivery of that period exists (claimed, deferred or done)."""
    now = now or timezone.now()
    daily = composing.latest_period("daily", now)
    periods = [daily]
    weekly = composing.latest_period("weekly", now)
    if weekly.end == daily.end:
        periods.append(weekly)
    size = settings.TRACKER_DIGEST_BATCH_SIZE
    batches = []
    for period in periods:
        ids = list(
            Subscriber.objects.filter(status=Subscriber.Status.ACTIVE, frequency=period.frequency)
            .exclude(pk__in=Delivery.objects.filter(period=period.key).values("subscriber_id"))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        batches += [(period.frequency, period.end, ids[i : i + size]) for i in range(0, len(ids), size)]
    # Deferred deliveries that are due (a lost retry task, or staff's "resend" in the admin).
    retries: dict[tuple[str, datetime], list[int]] = {}
    deferred = Delivery.objects.filter(status=Delivery.Status.DEFERRED, next_attempt_at__lte=now).exclude(
        period__startswith="alerts:"  # alerts are never deferred: the next window carries their items
    )
    for key, end, pk in deferred.values_list("period", "period_end", "subscriber_id").order_by(
        "subscriber_id"
    ):
        retries.setdefault((key.split(":")[0], end), []).append(pk)
    for (frequency, end), ids in retries.items():
        batches += [(frequency, end, ids[i : i + size]) for i in range(0, len(ids), size)]
    return batches
