"""Reported versus recorded: link a docket entry to the news events of its case that concern the same
thing, within `WINDOW` days of each other.

Agreement is by date proximity plus topic: an entry kind names a topic (minutes and transcripts are
about hearings and testimony, a verdict form about the verdict, an order or judgment about a ruling),
and an event shows a topic by the kinds of its claims (testimony, ruling) or by words of its title and
summary. Of the agreeing pairs, only mutual nearest ones are linked: the event is among the nearest
agreeing events of the entry, and the entry among the nearest agreeing entries of its kind for the
event. So the minute entry of a trial day links to that day's testimony, not to the testimony two days
later, which has its own minute entry. Days are the court's (Case.time_zone).

Links are recomputed for a whole case at a time (entries and dated events of one case are a few
hundred), so the result does not depend on the order things arrived in, and running it twice changes
nothing. Entry points: `link_entries(ids)` after ingestion (ingestion.store_entries calls it),
`link_events(ids)` when crossref says events changed (receivers.py, once per batch), `link_case`.
Each entry point announces what changed (signals.record_changed): the cases whose entries arrived, and
the events whose links to the record moved, so the pages that show them are retired at once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from tracker.crossref.models import Claim, Event
from tracker.dockets.models import DocketEntry
from tracker.dockets.signals import send_record_changed

WINDOW = timedelta(days=2)
K = DocketEntry.Kind
# entry kind -> (claim kinds that show the same topic, words in an event's title or summary that do)
TOPICS: dict[str, tuple[set[str], re.Pattern]] = {
    K.MINUTES: (
        {"testimony"},
        re.compile(r"testif|testimony|trial|hearing|witness|cross-exam|on the stand|jury selection", re.I),
    ),
    K.TRANSCRIPT: ({"testimony"}, re.compile(r"testif|testimony|trial|hearing|witness|cross-exam", re.I)),
    K.VERDICT: (set(), re.compile(r"verdict|jury (found|finds|decided)|jurors", re.I)),
    K.ORDER: (
        {"ruling"},
        re.compile(r"\border|ruled|ruling|rules\b|judge .* (grant|den|dismiss)|injunction", re.I),
    ),
    K.JUDGMENT: ({"ruling"}, re.compile(r"judgment|ruled|ruling|verdict", re.I)),
    K.HEARING: (set(), re.compile(r"hearing|scheduled|set for", re.I)),
    K.MOTION: (set(), re.compile(r"motion|asks? the (court|judge)|seeks?|filed", re.I)),
}


def entry_day(entry: DocketEntry) -> date:
    """The day of the entry in its court's time zone (the filing date when the feed gives one)."""
    if entry.filed_on:
        return entry.filed_on
    return entry.entered_at.astimezone(entry.case.tzinfo).date()


def agrees(entry: DocketEntry, event: Event, claim_kinds: set[str]) -> bool:
    topic = TOPICS.get(entry.kind)
    if topic is None:
        return False
    kinds, words = topic
    return bool(kinds & claim_kinds) or bool(words.search(f"{event.title} {event.summary}"))


def link_case(case_id: int, moved: set[int] | None = None) -> int:
    """Recompute every link of a case's entries; returns the number of links, and adds to `moved` the
    events whose links changed. One query when the case has no docket entries; four plus one per entry
    whose links changed otherwise."""
    entries = list(
        DocketEntry.objects.filter(case_id=case_id).select_related("case").prefetch_related("events")
    )
    if not entries:
        return 0
    events = list(
        Event.objects.filter(case_id=case_id, date__isnull=False).exclude(status=Event.Visibility.HIDDEN)
    )
    claim_kinds: dict[int, set[str]] = defaultdict(set)
    for event_id, kind in Claim.objects.filter(event__in=events).values_list("event_id", "kind"):
        claim_kinds[event_id].add(kind)
    pairs: list[tuple[DocketEntry, Event, int]] = []
    for entry in entries:
        day = entry_day(entry)
        for event in events:
            distance = abs((event.date - day).days)
            if distance <= WINDOW.days and agrees(entry, event, claim_kinds[event.pk]):
                pairs.append((entry, event, distance))
    nearest_event: dict[int, int] = {}
    nearest_entry: dict[tuple[int, str], int] = {}
    for entry, event, distance in pairs:
        nearest_event[entry.pk] = min(distance, nearest_event.get(entry.pk, distance))
        key = (event.pk, entry.kind)
        nearest_entry[key] = min(distance, nearest_entry.get(key, distance))
    wanted: dict[int, set[int]] = defaultdict(set)
    for entry, event, distance in pairs:
        if distance == nearest_event[entry.pk] == nearest_entry[(event.pk, entry.kind)]:
            wanted[entry.pk].add(event.pk)
    for entry in entries:
        had = {event.pk for event in entry.events.all()}
        if wanted[entry.pk] != had:
            entry.events.set(wanted[entry.pk])
            if moved is not None:
                moved |= had ^ wanted[entry.pk]
    return sum(len(ids) for ids in wanted.values())


def link_entries(entry_ids: Iterable[int]) -> int:
    """Relink the cases of these entries (after ingestion) and announce their cases' record changed."""
    case_ids = set(DocketEntry.objects.filter(pk__in=list(entry_ids)).values_list("case_id", flat=True))
    moved: set[int] = set()
    links = sum(link_case(case_id, moved) for case_id in sorted(case_ids))
    send_record_changed(case_ids, moved)
    return links


def link_events(event_ids: Iterable[int]) -> int:
    """Relink the cases of these events (after events were created, re-dated, re-described, shown or
    hidden, or their claims changed). Links are mutual nearest pairs, so a changed event can move an
    entry's link away from another event of its case: the case is the unit that is recomputed."""
    case_ids = set(Event.objects.filter(pk__in=list(event_ids)).values_list("case_id", flat=True))
    moved: set[int] = set()
    links = sum(link_case(case_id, moved) for case_id in sorted(c for c in case_ids if c))
    send_record_changed((), moved)  # the events' own changes were announced by crossref already
    return links
