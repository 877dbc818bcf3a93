"""A case's timeline: dated events built from a story's dated claims and date mentions.

Intent: an event is something that happened on a date ("The trial opened in Oakland", 2026-04-27), not
an article; it keeps three times apart: when it happened (`date`/`precision`), when it was first
reported and by whom (stored by `corroboration.refresh_events`, the coverage rule every page shows) and
when its coverage last changed (the latest sighting or edit of those articles).

How: every dated claim and every date mention with an event word in its clause ("opened", "founded",
"testimony": patterns/events.jsonl) is a `Report` of a kind. Reports of the same kind and date make one
event, keyed `case<id>:<date>:<precision>:<kind>` (the story's first case; `story<id>` without one), so
stories of one case share their events and re-runs update rather than duplicate. Within a story a coarser
report joins the one finer event of its kind inside its period ("earlier this week" joins "April 27").
An undated claim joins the one event of its kind that holds a dated claim of the same speaker ("later in
his testimony..."). Claims join events through `Claim.event`.

Caveats: a date mention without an event word is ignored, as is the article's own byline date; a kind
is read from a word list, so "the trial, which opened" and "the lab opened" are both openings. Locked
events are never changed (fields, stories, times); a claim whose key matches one is still linked to it,
since the curator's event is the one it belongs to. Machine events this story no longer produces lose
the story, and go when nothing else holds them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from django.db import transaction

from tracker.crossref import event_changes, event_reports, event_values, event_writes, stale_events
from tracker.crossref.event_reports import RANK, Group, Report
from tracker.crossref.event_values import Cited
from tracker.crossref.models import Claim, Event, Evidence, Story
from tracker.crossref.story_reads import StoryReads
from tracker.sources.models import Article

CLAIM_KIND_EVENTS = {"testimony": "testimony", "ruling": "ruling"}  # other claim kinds keep their name


def event_key(case_ref: str, kind: str, day: date, precision: str) -> str:
    return f"{case_ref}:{day.isoformat()}:{precision}:{kind}"


def case_ref(story: Story) -> tuple[int | None, str]:
    case_id = story.cases.order_by("pk").values_list("pk", flat=True).first()
    return case_id, f"case{case_id}" if case_id else f"story{story.pk}"


def claim_date(claim: Claim) -> tuple[date, str] | None:
    """The claim's own date, else its evidence's finest one (the most reported, then the earliest)."""
    if claim.date and claim.precision:
        return claim.date, claim.precision
    dated = [(e.date, e.date_precision) for e in claim.evidence.all() if e.date and e.date_precision in RANK]
    if not dated:
        return None
    counts = Counter(dated)
    return min(counts, key=lambda d: (RANK[d[1]], -counts[d], d[0]))


def dated_reports(story: Story, reads: StoryReads | None = None) -> list[Report]:
    """The story's reports: its dated claims, then the event-like date mentions of its articles
    (`reads`: the story's, when the caller has read them; else read here)."""
    reads = StoryReads.of(story) if reads is None else reads
    reports = []
    for claim in reads.claims:
        when = claim_date(claim)
        if when is not None:
            cited = reads.cited(claim)
            reporting = tuple(cited)
            seen = min((event_reports.reported_at(a) for a in cited.values()), default=None)
            kind = CLAIM_KIND_EVENTS.get(claim.kind, claim.kind)
            reports.append(Report(kind, when[0], when[1], reporting, seen, claim=claim))
    return reports + reads.mentions


def group_reports(reports: Iterable[Report]) -> dict[tuple[str, date, str], Group]:
    """Reports by (kind, date, precision); a coarse group joins the one finest group of its kind that
    lies in its period, weeks first, then months, then years."""
    groups: dict[tuple[str, date, str], Group] = {}
    for report in reports:
        key = (report.kind, report.date, report.precision)
        groups.setdefault(key, Group(*key)).reports.append(report)
    for precision in ("week", "month", "year"):
        for key in [k for k in groups if k[2] == precision]:
            inside = [
                g for g in groups.values() if g.kind == key[0] and groups[key].contains(g.date, g.precision)
            ]
            finest = [
                g for g in inside if RANK[g.precision] == min((RANK[i.precision] for i in inside), default=9)
            ]
            if len(finest) == 1:
                finest[0].reports.extend(groups.pop(key).reports)
    for group in groups.values():
        group.claims = {r.claim.pk: r.claim for r in group.reports if r.claim is not None}
    return groups


def _speaker(claim: Claim) -> tuple:
    return ("entity", claim.speaker_id) if claim.speaker_id else ("text", claim.speaker_text.lower())


def join_undated(groups: Iterable[Group], claims: Iterable[Claim]) -> None:
    """An undated claim joins the one group of its kind holding a dated claim of its speaker."""
    groups = list(groups)
    for claim in claims:
        if claim_date(claim) is not None or not (claim.speaker_id or claim.speaker_text):
            continue
        kind = CLAIM_KIND_EVENTS.get(claim.kind, claim.kind)
        fits = [
            g
            for g in groups
            if g.kind == kind and any(_speaker(c) == _speaker(claim) for c in g.claims.values())
        ]
        if len(fits) == 1:
            fits[0].claims[claim.pk] = claim


@transaction.atomic(savepoint=False)  # no caller goes on after an error: no savepoint of its own
def update_events(
    story: Story,
    reads: StoryReads | None = None,
    *,
    case: tuple[int | None, str] | None = None,
    fresh: frozenset[int] | None = None,
    pending: event_writes.Pending | None = None,
) -> list[Event]:
    """Build or update the story's events and link its claims to them; return the story's events.
    `reads` and `case`: the story's, as `StoryReads.of` and `case_ref` read them, when the caller has
    them. Writes only what changed: an event whose values, stories and claims are already what the
    story says costs no query of its own. `fresh`: the articles whose evidence, mentions or story
    changed since the story's events were last built (a linking batch's, and those its settle moved);
    then only the events they can change are counted again (`event_changes.reported_anew`). None: all of them.
    `pending`: a linking batch's (`event_writes`): the events' values written once, by the batch."""
    case_id, ref = case_ref(story) if case is None else case
    reads = StoryReads.of(story) if reads is None else reads
    claims, cited = reads.claims, reads.cited  # the articles of a claim's evidence
    writes = event_writes.Pending() if pending is None else pending  # a batch's: written once, at its end
    if story.pk not in writes.ready:  # not prepared with the batch's stories: read (and made) here
        prepare([(story, reads, (case_id, ref))], writes)
    keyed, articles, made = writes.ready.pop(story.pk)
    # the stored events of its keys, as the batch holds them (one a batch's earlier story made too)
    existing = {k: writes.hold(e.pk, e) for k in keyed if (e := writes.by_key.get(k)) and k not in made}
    if lost := [k for k in keyed if k not in existing and k not in made]:  # emptied and gone since read
        made |= _make({k: keyed[k] for k in lost}, story, case_id, articles, cited, writes)
    holders = writes.holders
    locked = {c.event_id for c in claims if c.event_id} & writes.locked
    built: list[Event] = []
    order = sorted(keyed.items(), key=lambda item: (item[1].date, RANK[item[1].precision], item[0]))
    changed: set[int] = {event.pk for event in made.values()}  # built, or joined, or gaining or losing claims
    joined: list[Event] = []
    moves: list[tuple[Claim, int]] = []
    for key, group in order:
        event = existing.get(key) or made[key]
        if key in existing and not event.locked:
            shared = holders[event.pk] - {story.pk}
            writes.update(event, event_values.values(event, group, articles, cited=cited, shared=shared))
            if story.pk not in holders[event.pk]:
                joined.append(event)
                holders[event.pk].add(story.pk)
                changed.add(event.pk)
        movable = [
            c
            for c in group.claims.values()
            if not c.locked and c.event_id != event.pk and c.event_id not in locked
        ]
        if movable:
            changed |= {event.pk, *(c.event_id for c in movable)}
            moves += [(claim, event.pk) for claim in movable]
        built.append(event)
    writes.move(moves)  # the claims onto their events, written with the batch's writes
    writes.joins += [(event, story) for event in joined]  # inserted with the batch's writes
    changed |= (left := stale_events.loosen(story, claims, keyed, built, changed, writes))
    dropped = stale_events.drop_stale(story, built, reads, writes)
    writes.left(left - {e.pk for e in built} | set(dropped))
    writes.attach(story.pk, built)  # its date discrepancies onto their events
    known = writes.claimed | {event.pk: event for event in writes.by_key.values()}
    anew = event_changes.reported_anew(
        built, keyed, claims, fresh, changed, cited=cited, known=known, dates=writes.dates
    )
    writes.count(anew)  # first reported (`corroboration.refresh_events`): the one rule the pages count with
    if pending is None:
        writes.write()
    return built


def prepare(
    steps: list[tuple[Story, StoryReads, tuple[int | None, str]]], writes: event_writes.Pending
) -> None:
    """The events of these stories (their reads and `case_ref`), read for them all at once: each
    story's groups, keyed, and the articles they read; the stored events of all their keys and the
    claims' other events (those a step may take claims from), and the stories holding them (three
    queries); and the events no story finds stored, made in one insert, each by the first story that
    has it (as one step after the other made them, in the same order). Held in `writes` for each
    story's `update_events`."""
    ready = {}
    for story, reads, (_, ref) in steps:
        groups = group_reports(dated_reports(story, reads))
        join_undated(groups.values(), reads.claims)
        keyed = {event_key(ref, *k): g for k, g in groups.items()}
        ready[story.pk] = (
            keyed,
            event_values.articles(keyed.values(), known=reads.articles, cited=reads.cited),
        )
    keys = [k for keyed, _ in ready.values() for k in keyed]
    found = list(Event.objects.filter(key__in=keys).order_by("pk")) if keys else []
    writes.by_key |= {e.key: e for e in found}
    on_claims = {c.event_id for _, reads, _ in steps for c in reads.claims if c.event_id}
    claimed = list(Event.objects.filter(pk__in=on_claims - {e.pk for e in found})) if on_claims else []
    writes.claimed |= {e.pk: e for e in claimed}
    writes.holders |= _stories_of(found + claimed)
    writes.locked |= {e.pk for e in found + claimed if e.locked}
    made: dict[int, dict[str, Event]] = {}
    for story, reads, (case_id, _) in steps:
        keyed, articles = ready[story.pk]
        new = {k: g for k, g in keyed.items() if k not in writes.by_key}
        made[story.pk] = _events(new, case_id, articles, reads.cited)
        writes.by_key |= made[story.pk]
    event_writes.create({story: list(made[story.pk].values()) for story, _, _ in steps})
    for story, _, _ in steps:
        writes.holders |= {e.pk: {story.pk} for e in made[story.pk].values()}
        writes.ready[story.pk] = (*ready[story.pk], made[story.pk])


def _events(keyed: dict[str, Group], case_id: int | None, articles: dict, cited: Cited) -> dict[str, Event]:
    """New events of these keys, by key, in the order their story builds them (unsaved)."""
    order = sorted(keyed.items(), key=lambda item: (item[1].date, RANK[item[1].precision], item[0]))
    return {
        k: Event(key=k, case_id=case_id, **event_values.values(None, g, articles, cited=cited))
        for k, g in order
    }


def _make(
    keyed: dict[str, Group],
    story: Story,
    case_id: int | None,
    articles: dict,
    cited: Cited,
    writes: event_writes.Pending,
) -> dict[str, Event]:
    """`_events` saved now, with the story on them (keys whose events went during the batch)."""
    made = _events(keyed, case_id, articles, cited)
    event_writes.create({story: list(made.values())})
    writes.by_key |= made
    writes.holders |= {e.pk: {story.pk} for e in made.values()}
    return made


def _stories_of(events: Iterable[Event]) -> dict[int, set[int]]:
    """The stories holding each event, in one query."""
    holders: dict[int, set[int]] = {e.pk: set() for e in events}
    through = Event.stories.through.objects.filter(event_id__in=list(holders))
    for event_id, story_id in through.values_list("event_id", "story_id"):
        holders[event_id].add(story_id)
    return holders


def sources(event: Event) -> list[Article]:
    """The articles that report the event, first seen first: the evidence of its claims, and the
    articles whose date mentions date it (recomputed over its stories)."""
    ids = set(Evidence.objects.filter(claim__event=event).values_list("article_id", flat=True))
    for story in event.stories.all():
        ref = case_ref(story)[1]
        for key, group in group_reports(dated_reports(story)).items():
            if event_key(ref, *key) == event.key:
                ids |= {a for r in group.reports for a in r.articles}
    articles = Article.objects.filter(pk__in=ids).select_related("outlet")
    return list(articles.order_by("first_seen_at", "pk"))
