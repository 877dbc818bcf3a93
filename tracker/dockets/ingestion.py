"""Store a docket feed's entries for the tracked cases: the handler sources calls for docket feeds.

Only entries whose docket number matches a tracked case are kept (the feed's own cases when it has
any, else every case with a docket number); the other cases of a court-wide feed are ignored. An
entry is upserted on (case, guid), where the guid is the item's guid plus its date (see
`parsing.Entry.key`): a re-poll adds nothing; an entry whose text, type, number or link changed is
updated and its `amended_at` set. The kind comes from kinds.json; the case's `hidden_docket_kinds`
are applied when entries are read (`DocketEntry.objects.visible()`), not stored. New and changed
entries are then linked to news events (event_linking.py).
"""

from __future__ import annotations

from collections import defaultdict

from django.db import IntegrityError, transaction
from django.utils import timezone

from tracker.cases.models import Case
from tracker.dockets import event_linking
from tracker.dockets.kinds import classify
from tracker.dockets.matching import match_case
from tracker.dockets.models import DocketEntry
from tracker.dockets.parsing import Entry, parse_docket_feed
from tracker.sources.signals import HandledFeed

COMPARED = ("description", "entry_type", "document_url", "number", "filed_on", "kind", "docket_number")


def tracked_cases(feed=None) -> list[Case]:
    cases = feed.cases.all() if feed is not None and feed.pk else Case.objects.none()
    found = [case for case in cases if case.docket_number]
    return found or list(Case.objects.exclude(docket_number=""))


def handle_docket_feed(feed, content: bytes, run=None) -> HandledFeed:
    """The feed-kind handler registered for docket feeds (apps.py)."""
    parsed = parse_docket_feed(content)
    if not parsed.is_feed:
        return HandledFeed(is_feed=False, problem=parsed.problem)
    created, updated = store_entries(parsed.entries, cases=tracked_cases(feed), feed=feed)
    return HandledFeed(
        is_feed=True,
        title=parsed.title,
        seen=len(parsed.entries),
        created=created,
        updated=updated,
        problem=parsed.problem,
    )


def _values(entry: Entry, case: Case) -> dict:
    kind = classify(entry.entry_type, entry.description)
    written = f"{entry.docket_number}-{entry.judge_initials}" if entry.judge_initials else entry.docket_number
    return {
        "docket_number": written[:100],
        "number": entry.number,
        "kind": kind,
        "entry_type": entry.entry_type[:200],
        "description": entry.description,
        "document_url": entry.document_url[:1000],
        "entered_at": entry.entered_at,
        "filed_on": entry.filed_on,
    }


def store_entries(entries: list[Entry], *, cases: list[Case], feed=None) -> tuple[list[int], list[int]]:
    """Upsert the entries of the tracked cases; (created ids, updated ids). Two queries plus one per
    new or changed entry."""
    by_case: dict[int, list[tuple[Entry, Case]]] = defaultdict(list)
    for entry in entries:
        case = match_case(entry.docket_number, cases)
        if case is not None:
            by_case[case.pk].append((entry, case))
    keys = {entry.key for pairs in by_case.values() for entry, _ in pairs}
    existing = {
        (row.case_id, row.guid): row
        for row in DocketEntry.objects.filter(case_id__in=list(by_case), guid__in=list(keys))
    }
    created, updated, now = [], [], timezone.now()
    for case_id, pairs in by_case.items():
        for entry, case in pairs:
            values = _values(entry, case)
            row = existing.get((case_id, entry.key))
            if row is None:
                row = _create(case, entry.key, values, feed)
                if row is not None:
                    existing[(case_id, entry.key)] = row
                    created.append(row.pk)
                continue
            changed = [name for name in COMPARED if getattr(row, name) != values[name]]
            if changed:
                for name in changed:
                    setattr(row, name, values[name])
                row.amended_at = now
                row.save(update_fields=[*changed, "amended_at"])
                updated.append(row.pk)
    if created or updated:
        event_linking.link_entries([*created, *updated])
    return created, updated


def _create(case: Case, key: str, values: dict, feed) -> DocketEntry | None:
    try:
        with transaction.atomic():
            return DocketEntry.objects.create(case=case, guid=key, feed=feed, **values)
    except IntegrityError:  # a concurrent poll stored it first
        return None
