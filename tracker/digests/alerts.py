"""'As it happens' alerts: new court filings (docket entries) and new discrepancies, batched.

A subscriber of frequency `alerts` gets at most one email per TRACKER_ALERT_BATCH_MINUTES window,
holding everything new since their last alert: windows end on the minute boundaries of that length
(periods.alert_window_end), and an alert covers [end of the last one, this window's end). What arrives
after the boundary waits for the next window; when nothing is new nothing is sent and nothing is written.

At most once, as for digests: each alert's Delivery (unique per subscriber and window) is claimed, in one
insert for the whole batch that skips rows someone else holds, before the SMTP conversation, which is
the digests' (sending.deliver: prepared messages over one connection; sending.complete: one commit after).
A temporary failure is not retried inside the window: the Delivery is marked FAILED, and since the next
window starts at the end of the last alert that went out, its items come again in the next alert. A
permanent failure is a bounce. The same signed one-click unsubscribe as the digests.

The batch reads the same number of rows whatever the number of subscribers: what is new is read once for
every followed case and entity, then shared out per subscriber in Python, and one alert is rendered per
(topics, start) pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import make_msgid

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from tracker.cases.models import Case, Entity
from tracker.crossref.models import Discrepancy
from tracker.digests import claims, composing, emails, sending
from tracker.digests.models import Delivery, Frequency, Subscriber
from tracker.digests.periods import ALERTS, Period, alert_window_end
from tracker.dockets.models import DocketEntry

# How far back a first alert (or one after a long outage) looks.
LOOKBACK = timedelta(days=7)
# A window is sent once it ended this long ago, so a filing stored by a transaction still open at the
# boundary (its first_seen_at is before it) has committed by the time the window is read.
SETTLE = timedelta(minutes=1)
# An alert in one of these states went out (or may have): the next one starts where it ended.
WENT_OUT = [Delivery.Status.SENT, Delivery.Status.SENDING, Delivery.Status.ABANDONED, Delivery.Status.BOUNCED]


@dataclass
class AlertResult:
    sent: int = 0
    skipped: int = 0  # already claimed in this window
    bounced: int = 0
    failed: int = 0
    quiet: int = 0  # nothing new


@dataclass(frozen=True)
class _New:
    entries: list[DocketEntry]
    discrepancies: list[Discrepancy]


def due_subscribers(end: datetime):
    """Active alert subscribers without an alert in the window ending at `end`, with the end of their
    last alert that went out (`last_alert_end`) and what they follow."""
    key = Period(ALERTS, end, end).key
    last = Delivery.objects.filter(
        subscriber=OuterRef("pk"), period__startswith=f"{ALERTS}:", status__in=WENT_OUT
    ).order_by("-period_end")
    return (
        Subscriber.objects.filter(status=Subscriber.Status.ACTIVE, frequency=Frequency.ALERTS)
        .exclude(pk__in=Delivery.objects.filter(period=key).values("subscriber_id"))
        .annotate(last_alert_end=Subquery(last.values("period_end")[:1]))
        .prefetch_related("subscriptions")
        .order_by("pk")
    )


def send_alerts(*, now: datetime | None = None) -> AlertResult:
    """Send each alert subscriber what is new since their last alert, up to the current window's end."""
    end = alert_window_end((now or timezone.now()) - SETTLE)
    floor = end - LOOKBACK
    result = AlertResult()
    plans: list[tuple[Subscriber, composing.Topics, datetime]] = []
    for subscriber in due_subscribers(end):
        since = subscriber.last_alert_end or subscriber.confirmed_at or subscriber.created_at
        topics = composing.Topics.of(subscriber.subscriptions.all())
        if topics and max(since, floor) < end:
            plans.append((subscriber, topics, max(since, floor)))
    if not plans:
        return result
    new = _read_new(plans, end)
    cases = {c.pk: c for c in Case.objects.filter(pk__in=_union(p[1].case_ids for p in plans))}
    entities = {e.pk: e for e in Entity.objects.filter(pk__in=_union(p[1].entity_ids for p in plans))}
    rendered: dict[tuple[composing.Topics, datetime], emails.Rendered | None] = {}
    outgoing: list[tuple[Subscriber, datetime, emails.Rendered]] = []
    for subscriber, topics, start in plans:
        if (topics, start) not in rendered:
            digest = _compose(new, topics, Period(ALERTS, start, end), cases, entities)
            rendered[topics, start] = emails.render_digest(digest) if digest.sections else None
        content = rendered[topics, start]
        if content is None:
            result.quiet += 1
            continue
        outgoing.append((subscriber, start, content))
    if not outgoing:
        return result
    claimed = _claim(outgoing, end)
    result.skipped = len(outgoing) - len(claimed)
    # The digests' SMTP conversation (prepared messages over one connection) and their completion in
    # one commit; only a temporary failure is recorded as alerts record it.
    sent, failures = sending.deliver([(s, c, claimed[s.pk]) for s, _, c in outgoing if s.pk in claimed])
    sending.complete(sent, failures, result, temporary=_failed)
    return result


def _union(sets) -> set[int]:
    return set().union(*sets)


def _read_new(plans, end: datetime) -> _New:
    """Everything new for any of the planned subscribers: one read for all of them."""
    case_ids = _union(p[1].case_ids for p in plans)
    entity_ids = _union(p[1].entity_ids for p in plans)
    start = min(p[2] for p in plans)
    entries = list(
        DocketEntry.objects.substantive()
        .filter(case__in=case_ids, first_seen_at__gte=start, first_seen_at__lt=end)
        .select_related("case")
        .order_by("-entered_at", "-pk")
    )
    scope = composing.discrepancies_of(composing.Topics(frozenset(case_ids), frozenset(entity_ids)))
    ids = Discrepancy.objects.filter(scope, created_at__gte=start, created_at__lt=end).values("pk")
    discrepancies = list(
        Discrepancy.objects.filter(pk__in=ids)
        .select_related("claim__case", "event__case", "claim__speaker", "story")
        .prefetch_related("story__cases")
        .order_by("-created_at", "-pk")
    )
    return _New(entries, discrepancies)


def _concerns(row: Discrepancy, topics: composing.Topics) -> bool:
    claim, event, story = row.claim, row.event, row.story
    cases = {claim.case_id if claim else None, event.case_id if event else None}
    cases |= {c.pk for c in story.cases.all()} if story else set()
    return bool(cases & topics.case_ids) or bool(claim and claim.speaker_id in topics.entity_ids)


def _compose(new: _New, topics, period: Period, cases: dict, entities: dict) -> composing.Digest:
    """One alert from what was read for everyone: the subscriber's share of it, newer than `period.start`."""
    digest = composing.headed(
        period,
        sorted((cases[pk] for pk in topics.case_ids if pk in cases), key=lambda c: c.name),
        sorted((entities[pk] for pk in topics.entity_ids if pk in entities), key=lambda e: e.name),
    )
    limit, home = settings.TRACKER_DIGEST_MAX_ITEMS, digest.home_url
    entries = [e for e in new.entries if e.case_id in topics.case_ids and e.first_seen_at >= period.start]
    rows = [d for d in new.discrepancies if d.created_at >= period.start and _concerns(d, topics)]
    digest.counts = {"docket": len(entries), "discrepancies": len(rows)}
    if entries:
        items = [composing.docket_item(e, home) for e in entries[:limit]]
        digest.sections.append(
            composing.Section("docket", "New in the court record", items, len(entries), home)
        )
    if rows:
        items = [composing.discrepancy_item(d, home) for d in rows[:limit]]
        heading = "New discrepancies between outlets"
        digest.sections.append(composing.Section("discrepancies", heading, items, len(rows), home))
    return digest


def _claim(outgoing: list[tuple[Subscriber, datetime, emails.Rendered]], end: datetime) -> dict:
    """Insert the Deliveries of this window, skipping those someone else holds: {subscriber id:
    claims.Claimed} of the ones this call claimed (told apart by their Message-ID)."""
    now, key, domain = timezone.now(), Period(ALERTS, end, end).key, emails.domain()
    rows = [
        Delivery(
            subscriber=subscriber,
            period=key,
            period_start=start,
            period_end=end,
            status=Delivery.Status.SENDING,
            attempts=1,
            claimed_at=now,
            message_id=make_msgid(domain=domain),
            subject=content.subject,
            item_count=content.item_count,
        )
        for subscriber, start, content in outgoing
    ]
    Delivery.objects.bulk_create(rows, ignore_conflicts=True)
    ours = Delivery.objects.filter(period=key, message_id__in=[r.message_id for r in rows])
    ours = ours.values_list("subscriber_id", "pk", "message_id")
    return {subscriber: claims.Claimed(pk, 1, message_id) for subscriber, pk, message_id in ours}


def _failed(delivery: claims.Claimed, subscriber: Subscriber, error: str, result: AlertResult) -> None:
    """A temporary failure is not retried inside the window: what the alert held goes in the next."""
    error += " (temporary: what it held goes in the next alert)"
    Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.FAILED, error=error)
    result.failed += 1
