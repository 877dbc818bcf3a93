"""The full lists behind the capped ones: `/api/v1/claims/{id}/evidence` and `/api/v1/events/{id}/sources`.

A claim inside a list or a detail carries at most `apidata.EVIDENCE_LIMIT` evidence rows, and an event at
most as many sources, each with its count and a link here (a claim reported by 500 articles must not make
`/events?limit=200` megabytes). These lists page like every other (`?limit=&cursor=`), oldest first.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from tracker.crossref.models import Claim, Event, Evidence, StoryArticle
from tracker.web import apidata, schemas
from tracker.web.apiparams import DEFAULT_LIMIT, ERRORS, MAX_LIMIT
from tracker.web.paging import Key, paginate

router = Router()
KEYS = [Key("first_seen_at", descending=False), Key("id", descending=False)]


class EvidencePage(Schema):
    items: list[schemas.EvidenceOut]
    next: str | None


class SourcePage(Schema):
    items: list[schemas.SourceOut]
    next: str | None


@router.get(
    "/claims/{int:claim_id}/evidence",
    response={200: EvidencePage, **ERRORS},
    tags=["claims"],
    url_name="claim-evidence",
)
def claim_evidence(
    request, claim_id: int, cursor: str | None = None, limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
):
    """Every article's report of a public claim, first seen first."""
    claim = get_object_or_404(Claim.objects.public(), pk=claim_id)
    rows = apidata.evidence().filter(claim=claim)
    return paginate(rows, resource=f"evidence:{claim.pk}", keys=KEYS, cursor=cursor, limit=limit)


@router.get(
    "/events/{int:event_id}/sources",
    response={200: SourcePage, **ERRORS},
    tags=["events"],
    url_name="event-sources",
)
def event_sources(
    request, event_id: int, cursor: str | None = None, limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
):
    """Every article that reports a public event (the evidence of its public claims, else its stories'
    articles), first seen first: the event's `sources` uncapped."""
    event = get_object_or_404(Event.objects.public(), pk=event_id)
    claims = Claim.objects.public().filter(event=event)
    cited = Evidence.objects.filter(claim__in=claims, article=OuterRef("pk"))
    if not Evidence.objects.filter(claim__in=claims).exists():
        cited = StoryArticle.objects.filter(story__events=event, article=OuterRef("pk"))
    rows = apidata.sources().filter(Exists(cited))
    return paginate(rows, resource=f"sources:{event.pk}", keys=KEYS, cursor=cursor, limit=limit)
