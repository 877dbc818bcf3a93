"""Claiming a batch of digests: every subscriber's Delivery of a period taken in one transaction.

The caller commits nothing else in between: the rows are committed (SENDING, each with the Message-ID
its digest will carry) before the first message of the batch goes out, which is what makes a digest go
at most once per subscriber and period (see sending.py). The queries do not depend on the number of
subscribers: what exists is read once, the new rows are inserted together (skipping rows another
worker inserted meanwhile), due DEFERRED rows are taken by one conditional update per distinct digest,
and this batch's rows are told from the others by the batch's own Message-ID prefix.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from tracker.digests import emails
from tracker.digests.models import Delivery, Subscriber
from tracker.digests.periods import Period


@dataclass(frozen=True)
class Claimed:
    """A Delivery this batch holds: the subscriber's digest goes out with this Message-ID."""

    pk: int
    attempts: int
    message_id: str


def claim_batch(plan: list[tuple[Subscriber, emails.Rendered | None]], period: Period) -> dict:
    """Take the Deliveries of `period` for these subscribers, in one transaction committed before any
    message goes out: {subscriber id: Claimed}; a subscriber whose Delivery someone else holds or is
    done is left out. A new row is claimed by inserting it (ignoring the rows that exist), a DEFERRED
    row that is due by a conditional update; either way it carries this batch's Message-IDs, which
    tell our rows from the others. Nothing new to send: the row is EMPTY (no Message-ID, no Claimed)."""
    now = timezone.now()
    nonce = f"digest.{now:%Y%m%d%H%M%S}.{secrets.token_hex(6)}."
    domain = f"@{emails.domain()}>"
    contents = {s.pk: c for s, c in plan}
    with transaction.atomic():
        existing = dict(
            Delivery.objects.filter(period=period.key, subscriber_id__in=contents)
            .filter(
                Q(status=Delivery.Status.DEFERRED, next_attempt_at__lte=now)
                | ~Q(status=Delivery.Status.DEFERRED)
            )
            .order_by()
            .values_list("subscriber_id", "status")
        )
        _insert([pk for pk in contents if pk not in existing], contents, period, now, (f"<{nonce}", domain))
        retry: dict[int, list[int]] = {}  # id(content): due deferred subscribers
        for pk, status in existing.items():
            if status == Delivery.Status.DEFERRED:
                retry.setdefault(id(contents[pk]), []).append(pk)
        for ids in retry.values():
            content = contents[ids[0]]
            Delivery.objects.filter(
                period=period.key,
                subscriber_id__in=ids,
                status=Delivery.Status.DEFERRED,
                next_attempt_at__lte=now,
            ).update(
                **_claim_values(content, now),
                attempts=F("attempts") + (1 if content else 0),
                message_id=Concat(Value(f"<{nonce}"), Cast("subscriber_id", CharField()), Value(domain)),
            )
        ours = Delivery.objects.filter(
            period=period.key, subscriber_id__in=contents, message_id__startswith=f"<{nonce}"
        ).order_by()
        ours = ours.values_list("subscriber_id", "pk", "attempts", "message_id")
        claimed = {s: Claimed(pk, attempts, message_id) for s, pk, attempts, message_id in ours}
        empty = [c.pk for s, c in claimed.items() if contents[s] is None]
        if empty:
            Delivery.objects.filter(pk__in=empty).update(message_id="")
    return claimed


def _claim_values(content: emails.Rendered | None, now: datetime) -> dict:
    status = Delivery.Status.SENDING if content else Delivery.Status.EMPTY
    subject, count = (content.subject, content.item_count) if content else ("", 0)
    return {
        "status": status,
        "claimed_at": now,
        "next_attempt_at": None,
        "error": "",
        "subject": subject,
        "item_count": count,
    }


# The new rows in one statement: what all of them share is bound once (not once a row, as bulk_create
# prepares every field of every model instance), each row brings what differs; next_attempt_at and
# sent_at are left to the column's NULL (a NULL parameter would be text to PostgreSQL's SELECT).
_SHARED = ("period", "period_start", "period_end", "claimed_at", "error")
_OWN = ("subscriber_id", "message_id", "status", "attempts", "subject", "item_count")
_ROWS_A_STATEMENT = 150  # 6 parameters a row: under SQLite's 999


def _insert(ids: list[int], contents: dict, period: Period, now: datetime, message_id: tuple) -> None:
    """INSERT ... SELECT ... FROM (VALUES ...), skipping the subscribers whose row exists (a worker
    inserting beside us): the rows bulk_create(ignore_conflicts=True) would insert, values prepared once."""
    if not ids:
        return
    prefix, suffix = message_id
    shared = {"period": period.key, "period_start": period.start, "period_end": period.end}
    shared |= {"claimed_at": now, "error": ""}
    meta, ops = Delivery._meta, connection.ops
    shared_params = [meta.get_field(f).get_db_prep_save(shared[f], connection) for f in _SHARED]
    columns = ", ".join(ops.quote_name(meta.get_field(f).column) for f in _OWN + _SHARED)
    values = {}  # id(content): its status, attempts, subject and item count
    for chunk in (ids[i : i + _ROWS_A_STATEMENT] for i in range(0, len(ids), _ROWS_A_STATEMENT)):
        params = []
        for pk in chunk:
            content = contents[pk]
            if id(content) not in values:
                claim = _claim_values(content, now)
                values[id(content)] = [claim["status"], 1 if content else 0, claim["subject"]]
                values[id(content)].append(claim["item_count"])
            params += [pk, f"{prefix}{pk}{suffix}", *values[id(content)]]
        rows = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(chunk))
        own = ", ".join(f"v.column{i}" for i in range(1, len(_OWN) + 1))
        sql = (
            f"INSERT INTO {ops.quote_name(meta.db_table)} ({columns}) "
            f"SELECT {own}, {', '.join(['%s'] * len(_SHARED))} FROM (VALUES {rows}) AS v "
            "WHERE 1 = 1 ON CONFLICT DO NOTHING"  # SQLite reads ON CONFLICT after a SELECT only with a WHERE
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, shared_params + params)  # the SELECT's before the VALUES'
