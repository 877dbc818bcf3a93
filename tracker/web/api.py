"""The read-only JSON API under /api/v1/ (django-ninja), with its OpenAPI schema at /api/v1/openapi.json.

Every resource is a list with filters and keyset paging (`?cursor=&limit=`, answering
`{"items": [...], "next": cursor or null}`) and a detail by id. It shows what the public pages show:
public events and claims only (TRACKER_PUBLISH_UNREVIEWED decides whether machine-built rows are public,
and `status`/`machine` say which ones are), curated entities only, relevant articles only, and never an
article's text. Evidence is capped: a claim carries its first 20 evidence rows and an event its first 20
sources, each with `evidence_count`/`sources_count` and `evidence_url`/`sources_url`, the full list paged.
Each list or detail reads a fixed number of queries whatever the data size: the querysets
below carry their select_related/prefetch_related, and the per-page extras (sources of events, the
articles named by discrepancy variants, independence of sources) are each read once for the whole page.

Errors: an unknown id answers 404 `{"detail": ...}`; a bad cursor or an unknown filter value 400 with a
message; a malformed parameter (a date that is not one, a limit out of range) 422 from ninja.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Swagger

from tracker.cases.models import Case, Entity
from tracker.crossref.models import (
    Claim,
    ClaimCandidate,
    ClaimRedirect,
    Discrepancy,
    Event,
    Redirect,
    Status,
    Story,
    StoryRedirect,
)
from tracker.sources.models import Article, Outlet
from tracker.web import api_dockets, api_evidence, apidata, schemas, schemas_events
from tracker.web.apiparams import DEFAULT_LIMIT, ERRORS, MAX_LIMIT, BadFilter
from tracker.web.apiparams import choice as _choice
from tracker.web.apiparams import existing as _existing
from tracker.web.paging import BadCursor, Key, paginate

api = NinjaAPI(
    title="Case tracker API",
    version="1",
    description=__doc__,
    urls_namespace="api",
    # Swagger UI from ninja's own static files ("ninja" is an installed app), its settings in a JSON
    # script element read by ninja's swagger-ui-init.js: no inline script, nothing from a CDN.
    docs=Swagger(settings={"tryItOutEnabled": False}),
    docs_url="/docs",
)

EVENT_KEYS = [Key("date", nullable=True), Key("id")]
CLAIM_KEYS = [Key("first_seen_at", nullable=True), Key("id")]
STORY_KEYS = [Key("first_seen_at"), Key("id")]
ENTITY_KEYS = [Key("name", descending=False), Key("id", descending=False)]
ARTICLE_KEYS = [Key("first_seen_at"), Key("id")]
DISCREPANCY_KEYS = [Key("created_at"), Key("id")]


@api.exception_handler(BadCursor)
@api.exception_handler(BadFilter)
def bad_request(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


# --- events ----------------------------------------------------------------------------------------------


@api.get("/events", response={200: schemas_events.EventPage, **ERRORS}, tags=["events"])
def list_events(
    request,
    case: str | None = None,
    entity: str | None = Query(None, description="Slug of an entity that speaks in the event's claims."),
    kind: str | None = Query(None, description="A kind of the event's claims (testimony, ruling, ...)."),
    date_from: date | None = None,
    date_to: date | None = None,
    curated: bool | None = Query(None, description="Published or locked by a curator (true) or not."),
    has_discrepancies: bool | None = None,
    cursor: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    """Public events, newest date first (undated last)."""
    events = apidata.events()
    claims = Claim.objects.public().filter(event=OuterRef("pk"))
    if case is not None:
        _existing("case", Case.objects, slug=case)
        events = events.filter(case__slug=case)
    if entity is not None:
        _existing("entity", Entity.objects, slug=entity)
        events = events.filter(Exists(claims.filter(speaker__slug=entity)))
    if _choice("kind", kind, ClaimCandidate.Kind):
        events = events.filter(Exists(claims.filter(kind=kind)))
    if date_from:
        events = events.filter(date__gte=date_from)
    if date_to:
        events = events.filter(date__lte=date_to)
    if curated is not None:
        by_curator = Q(status=Event.Visibility.PUBLISHED) | Q(locked=True)
        events = events.filter(by_curator if curated else ~by_curator)
    if has_discrepancies is not None:
        found = Exists(Discrepancy.objects.filter(Q(event=OuterRef("pk")) | Q(claim__event=OuterRef("pk"))))
        events = events.filter(found if has_discrepancies else ~found)
    page = paginate(events, resource="events", keys=EVENT_KEYS, cursor=cursor, limit=limit)
    apidata.prepare_events(page.items)
    return page


@api.get("/events/{int:event_id}", response={200: schemas_events.EventOut, **ERRORS}, tags=["events"])
def get_event(request, event_id: int):
    event = get_object_or_404(apidata.events(), pk=event_id)
    apidata.prepare_events([event])
    return event


# --- claims ----------------------------------------------------------------------------------------------


@api.get("/claims", response={200: schemas.ClaimPage, **ERRORS}, tags=["claims"])
def list_claims(
    request,
    case: str | None = None,
    speaker: str | None = Query(None, description="Slug of the speaking entity."),
    kind: str | None = None,
    status: str | None = Query(None, description="machine, approved or disputed."),
    event: int | None = None,
    cursor: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    """Public claims, most recently first seen first."""
    claims = apidata.claims()
    if case is not None:
        _existing("case", Case.objects, slug=case)
        claims = claims.filter(case__slug=case)
    if speaker is not None:
        _existing("entity", Entity.objects, slug=speaker)
        claims = claims.filter(speaker__slug=speaker)
    if _choice("kind", kind, ClaimCandidate.Kind):
        claims = claims.filter(kind=kind)
    if _choice("status", status, Status):
        claims = claims.filter(status=status)
    if event is not None:
        claims = claims.filter(event_id=event)
    page = paginate(claims, resource="claims", keys=CLAIM_KEYS, cursor=cursor, limit=limit)
    apidata.prepare_claims(page.items)
    return page


@api.get("/claims/{int:claim_id}", response={200: schemas.ClaimOut, 301: None, **ERRORS}, tags=["claims"])
def get_claim(request, claim_id: int):
    """A claim; one claim linking merged into an older claim answers 301 with that claim's address."""
    claim = apidata.claims().filter(pk=claim_id).first()
    if claim is None:
        return _moved(request, ClaimRedirect, claim_id, "claim")
    apidata.prepare_claims([claim])
    return claim


# --- stories ---------------------------------------------------------------------------------------------


@api.get("/stories", response={200: schemas.StoryPage, **ERRORS}, tags=["stories"])
def list_stories(
    request,
    case: str | None = None,
    cursor: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    """Stories (articles that report the same thing), newest first."""
    stories = apidata.stories()
    if case is not None:
        _existing("case", Case.objects, slug=case)
        stories = stories.filter(
            Exists(Story.cases.through.objects.filter(story=OuterRef("pk"), case__slug=case))
        )
    return paginate(stories, resource="stories", keys=STORY_KEYS, cursor=cursor, limit=limit)


@api.get("/stories/{int:story_id}", response={200: schemas.StoryOut, 301: None, **ERRORS}, tags=["stories"])
def get_story(request, story_id: int):
    """A story; one merged into another answers 301 with the heir's address (Location)."""
    story = apidata.stories().filter(pk=story_id).first()
    return story if story is not None else _moved(request, StoryRedirect, story_id, "story")


def _moved(request, redirects: type[Redirect], pk: int, noun: str) -> HttpResponsePermanentRedirect:
    """The 301 to the row that took over `pk` when it was merged away (its redirect), else a 404."""
    if (heir := redirects.heir_of(pk)) is None:
        raise Http404(f"No such {noun}.")
    return HttpResponsePermanentRedirect(f"{request.path.rsplit('/', 1)[0]}/{heir}")


# --- entities --------------------------------------------------------------------------------------------


@api.get("/entities", response={200: schemas.EntityPage, **ERRORS}, tags=["entities"])
def list_entities(
    request,
    kind: str | None = None,
    cursor: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    """Curated entities by name (machine candidates are not public)."""
    entities = apidata.entities()
    if _choice("kind", kind, Entity.Kind):
        entities = entities.filter(kind=kind)
    return paginate(entities, resource="entities", keys=ENTITY_KEYS, cursor=cursor, limit=limit)


@api.get("/entities/{int:entity_id}", response={200: schemas.EntityOut, **ERRORS}, tags=["entities"])
def get_entity(request, entity_id: int):
    return get_object_or_404(apidata.entities(), pk=entity_id)


# --- articles --------------------------------------------------------------------------------------------


@api.get("/articles", response={200: schemas.ArticlePage, **ERRORS}, tags=["articles"])
def list_articles(
    request,
    case: str | None = None,
    outlet: str | None = Query(None, description="The outlet's domain, e.g. example.com."),
    story: int | None = None,
    cursor: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    """Relevant articles, most recently first seen first: metadata and an excerpt, never the text."""
    articles = apidata.articles()
    if case is not None:
        _existing("case", Case.objects, slug=case)
        through = Article.cases.through.objects
        articles = articles.filter(Exists(through.filter(article=OuterRef("pk"), case__slug=case)))
    if outlet is not None:
        _existing("outlet", Outlet.objects, domain=outlet)
        articles = articles.filter(outlet__domain=outlet)
    if story is not None:
        articles = articles.filter(story_membership__story_id=story)
    return paginate(articles, resource="articles", keys=ARTICLE_KEYS, cursor=cursor, limit=limit)


@api.get("/articles/{int:article_id}", response={200: schemas.ArticleOut, **ERRORS}, tags=["articles"])
def get_article(request, article_id: int):
    return get_object_or_404(apidata.articles(), pk=article_id)


# --- discrepancies ---------------------------------------------------------------------------------------


@api.get("/discrepancies", response={200: schemas.DiscrepancyPage, **ERRORS}, tags=["discrepancies"])
def list_discrepancies(
    request,
    case: str | None = None,
    kind: str | None = None,
    status: str | None = Query(None, description="open, explained or resolved."),
    cursor: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    """Where outlets disagree (wording, hedges, numbers, dates...), newest first, with each variant."""
    rows = apidata.visible_discrepancies()
    if case is not None:
        _existing("case", Case.objects, slug=case)
        stories = Story.cases.through.objects.filter(story=OuterRef("story_id"), case__slug=case)
        rows = rows.filter(Q(claim__case__slug=case) | Q(event__case__slug=case) | Exists(stories))
    if _choice("kind", kind, Discrepancy.Kind):
        rows = rows.filter(kind=kind)
    if _choice("status", status, Discrepancy.State):
        rows = rows.filter(status=status)
    page = paginate(rows, resource="discrepancies", keys=DISCREPANCY_KEYS, cursor=cursor, limit=limit)
    apidata.attach_variant_sources(page.items)
    return page


@api.get(
    "/discrepancies/{int:discrepancy_id}",
    response={200: schemas.DiscrepancyOut, **ERRORS},
    tags=["discrepancies"],
)
def get_discrepancy(request, discrepancy_id: int):
    row = get_object_or_404(apidata.visible_discrepancies(), pk=discrepancy_id)
    apidata.attach_variant_sources([row])
    return row


api.add_router("/docket-entries", api_dockets.router)
api.add_router("", api_evidence.router)
