"""The JSON API's event shapes: an event with its sources and its claims' evidence inline, both capped
(`apidata.EVIDENCE_LIMIT` sources, as many evidence rows a claim) with their counts and the links of the
full lists (`api_evidence`). Like `schemas`, nothing here queries the database."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Schema

from tracker.web.apidata import EVIDENCE_LIMIT
from tracker.web.schemas import (
    ClaimLinks,
    DiscrepancyOut,
    EntityRef,
    OfCase,
    OutletOut,
    Reviewed,
    SourceOut,
    permalink,
)


class EvidenceRef(Schema):
    """Evidence inside an event: `article` is the id of one of the event's `sources`."""

    article: int
    sentence: str
    verb: str
    attribution: str
    quotes: list[dict]
    hedges: list

    @staticmethod
    def resolve_article(obj):
        return obj.article_id


class EventClaimOut(ClaimLinks):
    """A claim inside an event; its full record (sources inline, discrepancies) is at /claims/{id}."""

    id: int
    speaker: EntityRef | None
    speaker_text: str
    kind: str
    text: str
    date: date | None
    precision: str
    status: str
    machine: bool
    locked: bool
    outlets_count: int
    independent_count: int
    url: str | None
    evidence: list[EvidenceRef]
    evidence_count: int
    evidence_url: str | None


class EventOut(Reviewed, OfCase):
    """A timeline entry. `sources` are the articles that report it (the evidence of its public claims,
    else its stories' articles); `outlets_count`/`independent_count` count them, copies and credited
    reporting once under their original. `discrepancies` are the event's own and its claims'."""

    id: int
    case: str | None
    date: date | None
    precision: str
    title: str
    summary: str
    status: str
    machine: bool
    locked: bool
    first_reported_at: datetime | None
    first_reported_by: OutletOut | None
    last_changed_at: datetime | None
    url: str | None
    stories: list[int]
    outlets_count: int
    independent_count: int
    sources: list[SourceOut]
    sources_count: int
    sources_url: str | None
    claims: list[EventClaimOut]
    discrepancies: list[DiscrepancyOut]

    @staticmethod
    def resolve_url(obj):
        return permalink("web:event", obj.pk)

    @staticmethod
    def resolve_stories(obj):
        return [s.pk for s in obj.stories.all()]

    @staticmethod
    def resolve_sources(obj):
        return obj.sources[:EVIDENCE_LIMIT]  # all of them at sources_url

    @staticmethod
    def resolve_sources_count(obj):
        return len(obj.sources)

    @staticmethod
    def resolve_sources_url(obj):
        return permalink("api:event-sources", obj.pk)

    @staticmethod
    def resolve_outlets_count(obj):
        return obj.coverage[0]

    @staticmethod
    def resolve_independent_count(obj):
        return obj.coverage[1]

    @staticmethod
    def resolve_claims(obj):
        return obj.public_claims

    @staticmethod
    def resolve_discrepancies(obj):
        rows = {d.pk: d for d in obj.discrepancies.all()}
        rows |= {d.pk: d for c in obj.public_claims for d in c.discrepancies.all()}
        return sorted(rows.values(), key=lambda d: (d.created_at, d.pk), reverse=True)


class EventPage(Schema):
    items: list[EventOut]
    next: str | None
