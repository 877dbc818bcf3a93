"""Reported versus recorded: does the court's record hold what a claim reports yet?

A claim of kind testimony is "in the record" when its case's docket has a minute entry or transcript
(a ruling: an order, judgment or verdict form) linked to the claim's event, or, failing a link,
dated within `WINDOW` of the claim's (or its event's) date. Hidden entries count: hiding is a display
choice, not a statement about the record. Other kinds of claims are not about the record: None.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q

from tracker.dockets.event_linking import entry_day
from tracker.dockets.models import DocketEntry

WINDOW = timedelta(days=2)
CACHE_ATTR = "_record_status"
RECORD_KINDS: dict[str, tuple[str, ...]] = {
    "testimony": (DocketEntry.Kind.MINUTES, DocketEntry.Kind.TRANSCRIPT),
    "ruling": (DocketEntry.Kind.ORDER, DocketEntry.Kind.JUDGMENT, DocketEntry.Kind.VERDICT),
}


@dataclass(frozen=True)
class RecordStatus:
    applies: bool  # the claim is of a kind the record can confirm (testimony, ruling)
    entry: DocketEntry | None = None

    @property
    def in_record(self) -> bool:
        return self.entry is not None


def claim_day(claim) -> date | None:
    """The claim's own date, else its event's (no query when the event is already loaded)."""
    if claim.date:
        return claim.date
    event = claim.event if claim.event_id else None
    return event.date if event else None


def record_status(claim) -> RecordStatus:
    """The best matching docket entry for a claim: linked to its event first, then the nearest in date.
    Two queries (entries, their events), none after `prefetch_record_status`."""
    cached = getattr(claim, CACHE_ATTR, None)
    if cached is not None:
        return cached
    kinds = RECORD_KINDS.get(claim.kind)
    if not kinds or not claim.case_id:
        return RecordStatus(applies=bool(kinds))
    match = Q()
    if claim.event_id:
        match |= Q(events=claim.event_id)
    day = claim_day(claim)
    if day:
        match |= Q(entered_at__date__range=_utc_days(day)) | Q(filed_on__range=(day - WINDOW, day + WINDOW))
    if not match:
        return RecordStatus(applies=True)
    candidates = list(
        DocketEntry.objects.filter(case_id=claim.case_id, kind__in=kinds)
        .filter(match)
        .select_related("case")
        .prefetch_related("events")
        .distinct()
    )
    return RecordStatus(applies=True, entry=_best(claim, candidates))


def _best(claim, candidates: list[DocketEntry]) -> DocketEntry | None:
    """The candidate linked to the claim's event, else the nearest in date (the latest on a tie)."""
    kinds, day = RECORD_KINDS.get(claim.kind, ()), claim_day(claim)

    def fits(entry: DocketEntry) -> bool:
        if entry.case_id != claim.case_id or entry.kind not in kinds:
            return False
        if claim.event_id and any(e.pk == claim.event_id for e in entry.events.all()):
            return True
        return bool(day) and abs((entry_day(entry) - day).days) <= WINDOW.days

    def rank(entry: DocketEntry):
        linked = claim.event_id is not None and any(e.pk == claim.event_id for e in entry.events.all())
        distance = abs((entry_day(entry) - day).days) if day else 99
        return (not linked, distance, -(entry.number or 0))

    fitting = [entry for entry in candidates if fits(entry)]
    return min(fitting, key=rank) if fitting else None


def prefetch_record_status(claims) -> None:
    """Compute the record status of many claims at once (a list page): two queries in all. Each
    claim's event should be loaded already (select_related("event")) when claims have no own date."""
    claims = list(claims)
    wanted = [c for c in claims if RECORD_KINDS.get(c.kind) and c.case_id]
    match = Q()
    for claim in wanted:
        if claim.event_id:
            match |= Q(case_id=claim.case_id, events=claim.event_id)
        if day := claim_day(claim):
            match |= Q(case_id=claim.case_id, entered_at__date__range=_utc_days(day))
            match |= Q(case_id=claim.case_id, filed_on__range=(day - WINDOW, day + WINDOW))
    candidates: list[DocketEntry] = []
    if match:
        kinds = {kind for claim in wanted for kind in RECORD_KINDS[claim.kind]}
        candidates = list(
            DocketEntry.objects.filter(match, kind__in=kinds)
            .select_related("case")
            .prefetch_related("events")
            .distinct()
        )
    for claim in claims:
        entry = _best(claim, candidates) if claim.case_id else None
        setattr(claim, CACHE_ATTR, RecordStatus(applies=bool(RECORD_KINDS.get(claim.kind)), entry=entry))


def _utc_days(day: date) -> tuple[date, date]:
    """The UTC dates to search for entries of the court days around `day` (a court's day spans two)."""
    return (day - WINDOW - timedelta(days=1), day + WINDOW + timedelta(days=1))
