"""The court record in the JSON API: `/api/v1/docket-entries` and `/api/v1/docket-entries/{id}`.

Docket entries as the court's feed gave them, newest entered first, with the same filters-as-parameters
and cursor paging as every other list (`?limit=&cursor=`, answering `{"items": [...], "next": ...}`).
Only entries of kinds their case does not hide are public; `events` lists the public events that report
an entry. A list reads three queries whatever its length (the case check, the page, the events).
"""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router, Schema

from tracker.cases.models import Case
from tracker.crossref.models import Event
from tracker.dockets.models import DocketEntry
from tracker.web.apiparams import DEFAULT_LIMIT, ERRORS, MAX_LIMIT, choice, existing
from tracker.web.paging import Key, paginate

router = Router(tags=["court record"])
KEYS = [Key("entered_at"), Key("id")]


class DocketEntryOut(Schema):
    """One entry of a court's docket. `entered_at` is when the court entered it (UTC), `filed_on` the
    filing date it states (the court's calendar day), `amended_at` when a later poll found it changed."""

    id: int
    case: str
    court: str
    docket_number: str
    number: int | None
    kind: str
    entry_type: str
    description: str
    document_url: str
    entered_at: datetime
    filed_on: date | None
    amended_at: datetime | None
    events: list[int]
    url: str

    @staticmethod
    def resolve_case(obj):
        return obj.case.slug

    @staticmethod
    def resolve_court(obj):
        return obj.case.court

    @staticmethod
    def resolve_events(obj):
        return [e.pk for e in obj.events.all()]

    @staticmethod
    def resolve_url(obj):
        return f"{reverse('web:case', args=[obj.case.slug])}?type=record#record-{obj.pk}"


class DocketEntryPage(Schema):
    items: list[DocketEntryOut]
    next: str | None


def docket_entries():
    public_events = Prefetch("events", Event.objects.public().only("pk").order_by("pk"))
    return DocketEntry.objects.visible().select_related("case").prefetch_related(public_events)


@router.get("", response={200: DocketEntryPage, **ERRORS})
def list_docket_entries(
    request,
    case: str | None = None,
    kind: str | None = Query(None, description="order, motion, minutes, hearing, ... (see the schema)."),
    date_from: date | None = None,
    date_to: date | None = None,
    cursor: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    """The court record of the tracked cases, most recently entered first; `date_from` and `date_to`
    bound the day (UTC) the court entered an entry."""
    entries = docket_entries()
    if case is not None:
        existing("case", Case.objects, slug=case)
        entries = entries.filter(case__slug=case)
    if choice("kind", kind, DocketEntry.Kind):
        entries = entries.filter(kind=kind)
    if date_from:
        entries = entries.filter(entered_at__date__gte=date_from)
    if date_to:
        entries = entries.filter(entered_at__date__lte=date_to)
    return paginate(entries, resource="docket-entries", keys=KEYS, cursor=cursor, limit=limit)


@router.get("/{int:entry_id}", response={200: DocketEntryOut, **ERRORS})
def get_docket_entry(request, entry_id: int):
    return get_object_or_404(docket_entries(), pk=entry_id)
