"""The queries behind a case's timeline: news events and court-record entries, filtered and paged.

Intent: one ordered stream, newest first, of two kinds of items: events built from the news (Event) and
entries of the court's own docket (DocketEntry), interleaved by their date. A docket entry's date is the
day the court entered it, in the court's time zone. Within one day, events come before record entries,
and each kind runs by id, newest first; that order (date, kind, id) is the keyset the "older" cursor
carries, so paging never skips or repeats an item however many rows arrive meanwhile.

Caveats: events without a date are not on the timeline (they have no place in it). Every case's record
is on the all-cases timeline, each entry dated by its own court's day. Filters that
describe reporting (entity, claim kind, outlet, curated, discrepancies) leave out the court record,
which has no speakers, outlets or curation; a docket-kind filter leaves out the news. Procedural
filings (certificates of service, pro hac vice, appearances) are left out unless the reader asks for
them (`procedural`) or filters by their kind.

A page costs a fixed number of queries: the two item queries, then one batch per relation (claims,
evidence rows for the outlet counts, discrepancies, docket links), never one per item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDate

from tracker.cases.models import Case
from tracker.crossref.corroboration import Coverage
from tracker.crossref.models import Claim, Discrepancy, Event, Evidence, Story
from tracker.crossref.models import Status as ClaimStatus
from tracker.dockets.kinds import PROCEDURAL
from tracker.dockets.models import DocketEntry
from tracker.web import precomputed

PAGE_SIZE = 20
NEWS, RECORD = "news", "record"
RANK = {NEWS: 1, RECORD: 0}  # within a day (newest first), events come before record entries
CURSOR = re.compile(r"^(\d{4}-\d{2}-\d{2})_([er])(\d+)$")


@dataclass(frozen=True)
class Cursor:
    """A position in the stream: the last item shown ("2026-04-30_e3": date, kind letter, id)."""

    day: date
    kind: str
    pk: int

    def __str__(self) -> str:
        return f"{self.day.isoformat()}_{'e' if self.kind == NEWS else 'r'}{self.pk}"

    @classmethod
    def parse(cls, value: str | None) -> Cursor | None:
        match = CURSOR.match(value or "")
        if not match:
            return None
        try:
            day = date.fromisoformat(match[1])
        except ValueError:
            return None
        return cls(day, NEWS if match[2] == "e" else RECORD, int(match[3]))


@dataclass
class Filters:
    """What the reader asked for; empty values mean "any"."""

    case: Case | None = None
    entity: str = ""
    kind: str = ""
    outlet: str = ""
    date_from: date | None = None
    date_to: date | None = None
    curated: bool = False
    discrepancies: bool = False
    type: str = ""
    docket_kind: str = ""
    procedural: bool = False  # show procedural filings (kinds.PROCEDURAL), hidden by default

    @property
    def news_only(self) -> bool:
        return bool(self.entity or self.kind or self.outlet or self.curated or self.discrepancies)

    def wants(self, kind: str) -> bool:
        if kind == NEWS:
            return self.type != RECORD and not self.docket_kind
        return self.type != NEWS and not self.news_only


@dataclass
class Item:
    """One entry of the stream: an event or a docket entry, with what its row shows."""

    kind: str
    day: date
    precision: str
    obj: Event | DocketEntry
    outlets: int = 0
    independent: int = 0
    discrepancies: int = 0
    coverage: Coverage | None = None
    curated: bool = False
    in_record: bool = False  # a visible docket entry is linked to the event
    new_day: bool = True  # the first item of its date label: the template prints the label

    @property
    def cursor(self) -> Cursor:
        return Cursor(self.day, self.kind, self.obj.pk)

    @property
    def sort_key(self) -> tuple:
        return (self.day, RANK[self.kind], self.obj.pk)


@dataclass
class Page:
    items: list[Item] = field(default_factory=list)
    next_cursor: Cursor | None = None


def default_case() -> Case | None:
    """The case `/` shows: the first active court case, else any case."""
    cases = Case.objects.order_by("-kind", "status", "pk")  # "case" sorts after "topic": descending
    return cases.filter(status=Case.Status.ACTIVE, kind=Case.Kind.COURT_CASE).first() or cases.first()


def default_of(cases: list[Case]) -> Case | None:
    """`default_case` chosen from every case, already loaded."""
    ordered = sorted(sorted(cases, key=lambda c: (c.status, c.pk)), key=lambda c: c.kind, reverse=True)
    active = (c for c in ordered if c.status == Case.Status.ACTIVE and c.kind == Case.Kind.COURT_CASE)
    return next(active, ordered[0] if ordered else None)


def visible_entries(cases: list[Case]) -> QuerySet[DocketEntry]:
    """DocketEntry.objects.visible() from every case already loaded, without reading them again."""
    return DocketEntry.objects.visible(cases=cases)


def court_zone() -> str:
    """The zone times are written in on pages that span cases (search, outlets): the court's of the
    default case, so a reader sees one zone, named, wherever they look."""
    case = default_case()
    return case.time_zone if case else "UTC"


def day_start(day: date, tz: ZoneInfo) -> datetime:
    """The instant a court day begins (an aware datetime; the database compares it in UTC)."""
    return datetime.combine(day, time.min, tzinfo=tz)


def events(filters: Filters) -> QuerySet[Event]:
    """Public, dated events that pass the filters, newest first."""
    qs = Event.objects.public().filter(date__isnull=False)
    if filters.case:
        qs = qs.filter(of_case(filters.case))
    claims = Claim.objects.public().filter(event=OuterRef("pk"))
    if filters.entity:
        qs = qs.filter(Exists(claims.filter(speaker__slug=filters.entity)))
    if filters.kind:
        qs = qs.filter(Exists(claims.filter(kind=filters.kind)))
    if filters.outlet:
        evidence = Evidence.objects.filter(
            claim__event=OuterRef("pk"),
            claim__in=Claim.objects.public(),
            article__outlet__domain=filters.outlet,
        )
        qs = qs.filter(Exists(evidence))
    if filters.date_from:
        qs = qs.filter(date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(date__lte=filters.date_to)
    if filters.curated:
        qs = qs.filter(curated_q())
    if filters.discrepancies:
        qs = qs.filter(Exists(Discrepancy.objects.filter(_discrepancy_of(OuterRef("pk")))))
    return qs.order_by("-date", "-pk")


def curated_q() -> Q:
    """An event an editor checked: published or locked by a curator, or with a claim a curator approved
    (approving an event's claim in the admin makes the event curated)."""
    approved = Claim.objects.public().filter(event=OuterRef("pk"), status=ClaimStatus.APPROVED)
    return Q(locked=True) | Q(status=Event.Visibility.PUBLISHED) | Exists(approved)


def is_curated(event: Event) -> bool:
    """`curated_q` for an event whose public claims are loaded (`event.public_claims`)."""
    approved = any(c.status == ClaimStatus.APPROVED for c in event.public_claims)
    return event.locked or event.status == Event.Visibility.PUBLISHED or approved


def of_case(case: Case) -> Q:
    """An event belongs to its own case and to every case or topic one of its stories belongs to: an
    event of Musk v. OpenAI is also on the timeline of the topic AI model distillation when its
    coverage is about distillation."""
    return Q(case=case) | Exists(Story.objects.filter(events=OuterRef("pk"), cases=case))


def _discrepancy_of(event) -> Q:
    """A discrepancy concerns an event when it is on the event, on one of its claims, or on one of its
    stories without being on a claim (a claim's discrepancy belongs to that claim's event only)."""
    return Q(event=event) | Q(claim__event=event) | Q(claim__isnull=True, story__events=event)


def records(
    filters: Filters, case: Case, visible: QuerySet[DocketEntry] | None = None
) -> QuerySet[DocketEntry]:
    """Visible docket entries of `case` that pass the filters, newest court day (in its zone) first
    (`visible`: DocketEntry.objects.visible(), when the caller has it already)."""
    tz = case.tzinfo
    qs = (DocketEntry.objects.visible() if visible is None else visible).for_case(case)
    if filters.docket_kind:
        qs = qs.filter(kind=filters.docket_kind)
    elif not filters.procedural:
        qs = qs.exclude(kind__in=PROCEDURAL)
    if filters.date_from:
        qs = qs.filter(entered_at__gte=day_start(filters.date_from, tz))
    if filters.date_to:
        qs = qs.filter(entered_at__lt=day_start(filters.date_to + timedelta(days=1), tz))
    qs = qs.annotate(day=TruncDate("entered_at", tzinfo=tz))
    return qs.order_by("-day", "-pk")


def _before_events(qs: QuerySet[Event], cursor: Cursor) -> QuerySet[Event]:
    if cursor.kind == NEWS:
        return qs.filter(Q(date__lt=cursor.day) | Q(date=cursor.day, pk__lt=cursor.pk))
    return qs.filter(date__lt=cursor.day)  # the cursor's day: its events came before its entries


def _before_records(qs: QuerySet[DocketEntry], cursor: Cursor) -> QuerySet[DocketEntry]:
    if cursor.kind == RECORD:
        return qs.filter(Q(day__lt=cursor.day) | Q(day=cursor.day, pk__lt=cursor.pk))
    return qs.filter(day__lte=cursor.day)


def page(
    filters: Filters,
    *,
    before: Cursor | None = None,
    size: int | None = None,
    visible: QuerySet[DocketEntry] | None = None,
) -> Page:
    """One page of the stream after `before`: what it lists (event ids, record entries) and each event's
    row, as kept since they last changed (precomputed.listing, event_rows). `visible`: the caller's
    DocketEntry.objects.visible()."""
    size = size or PAGE_SIZE
    items: list[Item] = []
    if filters.wants(NEWS):
        found = precomputed.listing(
            "ids", filters, before, size, lambda: _event_ids(filters, before, size, visible)
        )
        rows = precomputed.event_rows(list(found))
        news = [rows[pk].event for pk in found if pk in rows]  # not one deleted meanwhile
        items += [Item(NEWS, e.date, e.precision, e, in_record=found[e.pk]) for e in news]
    if filters.wants(RECORD):
        entries = precomputed.listing(
            "record", filters, before, size, lambda: _record(filters, before, size, visible)
        )
        items += [Item(RECORD, r.day, "day", r) for r in entries]
    items.sort(key=lambda i: i.sort_key, reverse=True)
    more = len(items) > size
    items = items[:size]
    for item in items:
        if item.kind == NEWS:
            row = rows[item.obj.pk]
            item.coverage, item.discrepancies = row.coverage, row.discrepancies
            item.outlets, item.independent = row.coverage.outlets, row.coverage.independent
            item.curated = is_curated(item.obj)
    return Page(items, items[-1].cursor if more and items else None)


def _event_ids(filters: Filters, before: Cursor | None, size: int, visible) -> dict[int, bool]:
    """The ids of the page's events, each with whether a visible docket entry is linked to it."""
    qs = _before_events(events(filters), before) if before else events(filters)
    linked = (DocketEntry.objects.visible() if visible is None else visible).filter(events=OuterRef("pk"))
    return dict(qs.annotate(linked=Exists(linked)).values_list("pk", "linked")[: size + 1])


def _record(filters: Filters, before: Cursor | None, size: int, visible) -> list[DocketEntry]:
    found = []  # each case's entries by its own court day: one query per case
    cases = [filters.case] if filters.case else Case.objects.filter(docket_entries__isnull=False).distinct()
    for case in cases:
        qs = records(filters, case, visible)
        qs = _before_records(qs, before) if before else qs
        qs = qs.select_related("case").prefetch_related(Prefetch("events", Event.objects.public()))
        found += qs[: size + 1]
    return found


def mark_new_days(items: list[Item], label, previous: str | None = None) -> None:
    """Set `new_day` on each item whose date label differs from the one before it (`previous`: the label
    of the last item of the page before, so a continued day gets no second heading)."""
    for item in items:
        current = label(item.day, item.precision)
        item.new_day = current != previous
        previous = current
