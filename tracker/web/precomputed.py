"""What the timeline shows that changes only when its events do, kept between requests
(pagecache.remembered): each event's row (the event with its case, first outlet and public claims, its
coverage and count of discrepancies) under the event's page scope; a case's overview (latest events and
stories, people, judge) and the filter form's speakers under the case's scope ("all" without a case);
the outlets to filter by under "all". The events_changed receiver retires them with the pages that show
them (and the site's stamp, which a case edited in the admin bumps). What no signal announces (an entity
added to a case, an outlet's first relevant article) is seen after TRACKER_PAGE_CACHE_SECONDS at most, as
on the cached pages, on staff's pages too. A page's listing (its event ids, whether each is in the court
record, its record entries) and a case's hearing candidates are kept under the case's scope, which
events_changed and dockets' record_changed retire. Live on every request: which hearing is next (it
moves with the clock). The cases themselves are kept under the site's stamp, which a case
edited or deleted in the admin bumps (cases_changed).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, fields

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from tracker.cases.models import Case, Entity
from tracker.crossref.corroboration import Coverage, coverage_of_events
from tracker.crossref.models import Claim, Discrepancy, Event, Story
from tracker.sources.models import Article, Outlet
from tracker.web import pagecache

LATEST_EVENTS = 3
LATEST_STORIES = 5


@dataclass
class Row:
    """An event as its row on the timeline shows it: with its case, its first report's outlet and its
    public claims (`public_claims`, with their speakers), its coverage and its count of discrepancies."""

    event: Event
    coverage: Coverage
    discrepancies: int = 0


def event_rows(ids: list[int]) -> dict[int, Row]:
    """The rows of these events, each computed once per change of the event (the scope of its page)."""
    scopes = {pk: pagecache.EVENT.format(pk=pk) for pk in ids}
    return pagecache.remembered("row", scopes, _rows)


def _rows(ids: list[int]) -> dict[int, Row]:
    """The rows, in a few batched queries. The discrepancies of an event are those on the event, on
    one of its claims, or on one of its stories without a claim: one UNION of three indexed lookups (an
    OR across the joins scanned every discrepancy)."""
    claims = Claim.objects.public().select_related("speaker").order_by("-outlets_count", "pk")
    events = Event.objects.filter(pk__in=ids).select_related("first_reported_by", "case")
    events = events.prefetch_related(Prefetch("claims", queryset=claims, to_attr="public_claims"))
    coverage = coverage_of_events(ids)
    rows = {e.pk: Row(e, coverage[e.pk]) for e in events}
    unordered = Discrepancy.objects.order_by()
    on_event = unordered.filter(event__in=ids).values_list("pk", "event_id")
    on_claim = unordered.filter(claim__event__in=ids).values_list("pk", "claim__event_id")
    on_story = unordered.filter(claim__isnull=True, story__events__in=ids)
    found = on_event.union(on_claim, on_story.values_list("pk", "story__events__id"), all=True)
    seen: dict[int, set[int]] = defaultdict(set)
    for pk, event_id in found:
        if event_id in rows:
            seen[event_id].add(pk)
    for event_id, pks in seen.items():
        rows[event_id].discrepancies = len(pks)
    return rows


def _scope(case: Case | None) -> str:
    return pagecache.CASE.format(slug=case.slug) if case else pagecache.ALL


def overview(case: Case) -> dict:
    """The top of a case's timeline but its next hearing (which time and the court record move): the
    latest events and stories, who and what the case is about, its judge's entity."""
    key = f"{case.slug}:{hashlib.sha256(case.judge.encode()).hexdigest()[:16]}"  # and the judge it names
    return pagecache.remembered("overview", {key: _scope(case)}, lambda _: {key: _overview(case)})[key]


def _overview(case: Case) -> dict:
    from tracker.web.timeline import of_case  # timeline reads this module's rows

    latest = Event.objects.public().filter(of_case(case), date__isnull=False).order_by("-date", "-pk")
    stories = Story.objects.filter(cases=case).order_by("-first_seen_at", "-pk").only("pk", "title")
    people = list(case.entities.curated().order_by("name").only("name", "slug", "kind"))
    latest = newest_first(latest, LATEST_EVENTS).only("pk", "date", "precision", "title")
    return {
        "latest_events": list(latest),
        "stories": list(stories[:LATEST_STORIES]),
        "people": people,
        "judge": judge_entity(case, people),
    }


def newest_first(qs: QuerySet[Event], count: int) -> QuerySet[Event]:
    """The `count` newest events of `qs`, chosen on their ids and dates alone (a narrow scan and sort,
    in a subquery), then loaded by id: joining every candidate's case and outlet before the sort cost
    ten times more at 10,000 events."""
    return Event.objects.filter(pk__in=qs.values("pk")[:count]).order_by("-date", "-pk")


def judge_entity(case: Case, people: list[Entity]) -> Entity | None:
    """The curated entity the case's judge is: one of the case's entities by name, else any curated
    entity whose name or alias is the judge's name as the case writes it."""
    name = case.judge.strip().lower()
    if not name:
        return None
    for entity in people:
        if entity.name.lower() == name:
            return entity
    named = Q(name__iexact=name) | Q(aliases__text__iexact=name)
    found = Entity.objects.curated().filter(named)
    return found.order_by("pk").first()


def cases() -> list[Case]:
    """Every case and topic (the case menu, the default case, a case's own fields and the docket kinds it
    hides), kept until one is edited or deleted in the case admin (cases_changed retires the site's
    stamp, and with it everything kept)."""

    def compute(_):
        return {pagecache.ALL: list(Case.objects.order_by("-kind", "name"))}

    return pagecache.remembered("cases", {pagecache.ALL: pagecache.SITE}, compute)[pagecache.ALL]


def hearings(case: Case, compute: Callable[[], object]):
    """The case's hearing candidates (views.hearing_candidates: the entries that may set its next hearing,
    their texts parsed), kept until its court record changes (record_changed retires the case's scope);
    which of them is next, the clock decides on every request."""
    return pagecache.remembered("hearings", {case.slug: _scope(case)}, lambda _: {case.slug: compute()})[
        case.slug
    ]


def listing(name: str, filters, before, size: int, compute: Callable[[], object]):
    """What one page of a timeline lists (`name`: its event ids, its court record), for these filters
    (timeline.Filters), after the cursor `before`: kept under the scope of the filters' case ("all"
    without one), which events_changed retires when one of the case's events changes and record_changed
    when its record does, exactly as it retires the cached page that lists them."""
    asked = [(f.name, getattr(filters, f.name)) for f in fields(filters) if f.name != "case"]
    raw = f"{filters.case.slug if filters.case else ''}|{asked}|{before}|{size}"
    key = hashlib.sha256(raw.encode()).hexdigest()[:32]
    return pagecache.remembered(name, {key: _scope(filters.case)}, lambda _: {key: compute()})[key]


def speaker_choices(case: Case | None) -> list[tuple[str, str]]:
    """(slug, name) of the curated entities who speak in a claim of the case (of any case without one).
    EXISTS on indexed foreign keys, not a join with DISTINCT: a join over every claim took seconds at
    100,000 articles (bench/web.py)."""

    def compute(_):
        spoke = Claim.objects.filter(speaker=OuterRef("pk"))
        if case is not None:
            spoke = spoke.filter(case=case)
        entities = Entity.objects.filter(Exists(spoke), status=Entity.Status.CURATED).order_by("name")
        return {key: list(entities.values_list("slug", "name"))}

    key = case.slug if case else pagecache.ALL
    return pagecache.remembered("speakers", {key: _scope(case)}, compute)[key]


def outlet_choices() -> list[tuple[str, str]]:
    """(domain, name) of the outlets with a relevant article."""

    def compute(_):
        published = Article.objects.relevant().filter(outlet=OuterRef("pk"))
        outlets = Outlet.objects.filter(Exists(published)).order_by("name")
        return {pagecache.ALL: list(outlets.values_list("domain", "name"))}

    return pagecache.remembered("outlets", {pagecache.ALL: pagecache.ALL}, compute)[pagecache.ALL]
