"""Cross-reference analysed articles with everything stored before them, incrementally.

The order matters: each article joins a story and its claim candidates join (or start) claims with the
evidence of other outlets; then, once per claim and once per story the batch touched, the counts of
independent sources are refreshed, discrepancies between the outlets are found and the case's events are
updated. Doing the story-wide steps once per batch rather than once per article keeps a batch's cost
proportional to the stories it touches, not to their size times the batch. Each step is idempotent, so re-
linking (after re-extraction, or by `crossref_rebuild`) ends with the same rows, and never touches curated
ones.

Placing runs one batch at a time across all processes (a transaction-scoped advisory lock on PostgreSQL;
SQLite's IMMEDIATE transactions serialise writers anyway): two workers linking the first two articles of a new
event at once would otherwise each start a story. Extraction, the expensive part, still runs in parallel, and
so do the reads that need no lock: the neighbourhood's profiles and the batch's own claim candidates and
cases. Under the lock the batch is settled once (its copies first join their originals' stories), then the
claims of the stored articles the settle moved are linked again where they are now (`claim_moves`), then its
own claims are linked into the stories it ended in. The placing (stories, claims, answers, counts) commits
under that lock; the story-wide steps (discrepancies, events) follow in a second transaction that holds only
the locks of the batch's cases (of its stories, for a story without one), so one worker's story-wide steps run
while another places its batch, and two workers' steps run at once unless they touch one case. A worker that
dies between the two is re-run (the task is acknowledged late); the next batch of the story redoes its steps
anyway, since they are recomputed for the story. The steps run for the batch's stories and for the stories its
settle moved stored articles into or out of (read before and after it), and for no other. The story steps of a
batch share what they read and write: a claim several of its stories report is read once
(`story_reads.BatchReads`), and the events and discrepancies they share are written, and the events counted
again, once, as the last story left them, when all are done (`event_writes.Pending`, `discrepancies.Pending`).
Each batch ends with one `events_changed` (crossref.signals) for the events it built, updated or took claims
from, sent after commit. In a bulk run (`deferred_steps.deferred`: `poll_feeds --sync`, `loadsample`,
`reprocess`, `crossref_rebuild`) a batch only places, and the story-wide steps of the stories it would have
stepped run once each at the run's end (`deferred_steps.refresh_stories`): a story twenty batches reach is
stepped once, not twenty times.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Min

from tracker.crossref import (
    batch_profiles,
    claim_answers,
    claim_evidence,
    claim_linking,
    claim_moves,
    claim_owners,
    claim_reads,
    clustering,
    corroboration,
    discrepancies,
    event_writes,
    events,
    id_spans,
    locks,
    neighbourhoods,
    story_reads,
)
from tracker.crossref.models import Event, Story, StoryArticle
from tracker.crossref.signals import send_events_changed
from tracker.crossref.story_reads import StoryReads
from tracker.sources.models import Article

# A bulk run's stories whose story-wide steps wait for its end, last reached last (a dict as an ordered
# set; `deferred_steps.deferred` sets it); None: each batch steps its stories itself.
deferred_stories: ContextVar[dict[int, None] | None] = ContextVar("deferred_stories", default=None)


@dataclass
class LinkResult:
    story_id: int | None = None
    claim_ids: list[int] = field(default_factory=list)
    event_ids: list[int] = field(default_factory=list)
    discrepancy_ids: list[int] = field(default_factory=list)


def link_article(article: Article) -> LinkResult:
    return link_articles([article])[0]


def link_articles(articles: Sequence[Article]) -> list[LinkResult]:
    """Link the articles in the order given (callers pass first seen first); one result each."""
    with batch_profiles.remembered():
        # Before the lock: the neighbourhood's profiles (settling's reads and computing, no writes);
        # under the lock only the articles another worker linked meanwhile are profiled.
        scope = neighbourhoods.profiled(articles)
        own = claim_evidence.own(articles)  # their candidates and cases: theirs alone, read unlocked
        results, moved, fresh, narrow = locks.again_on_deadlock(
            lambda: _place(articles, [a.pk for a in scope], own)
        )
    if (due := deferred_stories.get()) is not None:  # in a bulk run: marked, stepped at its end
        for pk in dict.fromkeys([r.story_id for r in results] + moved):  # the order `_story_steps` takes
            due.pop(pk, None)
            due[pk] = None
        return results
    locks.again_on_deadlock(lambda: _story_steps(articles, results, moved, fresh, narrow))
    return results


def relink(articles: Sequence[Article], *, left: Iterable[int] = ()) -> list[LinkResult]:
    """A batch's steps but the settle, for articles already placed (`reclustering` moved them): their claims
    linked again where they are now (`claim_merging`, `claim_moves`; the claims they left follow their reports:
    `claim_leaving`), then the story-wide steps of those stories, of those they `left` and of those reporting
    their claims, run whole (rows follow their articles: `discrepancies.moving`), every event counted. Inside
    the caller's transaction, which runs it again on a lost deadlock (`again_on_deadlock` cannot within one)."""
    with batch_profiles.remembered():
        results, moved, _, _ = _place(articles, [], claim_evidence.own(articles), settle=False)
    _story_steps(articles, results, list(dict.fromkeys([*moved, *left])), None)
    return results


def step_stories(order: list[int]) -> None:
    """`_story_steps` for these stories alone, in this order, every event counted again (a bulk run's
    end: `deferred_steps.refresh_stories`)."""
    locks.again_on_deadlock(lambda: _story_steps([], [], order, None))


@transaction.atomic
def _place(
    articles: Sequence[Article], near: list[int], own: claim_evidence.Own | None = None, *, settle=True
) -> tuple[list[LinkResult], list[int], frozenset[int], dict[int, frozenset[int]]]:
    """Under the linking lock: stories, claims, answers and counts. Also the stories settling moved articles of
    the neighbourhood (`near`) into or out of, or that report the batch's claims, besides the batch's own; the
    articles whose story changed (the batch's, and those settling moved); and of the stories only reached
    through the batch's claims, those claims (`_story_steps`' `narrow`). `own`: the articles' candidates and
    cases, read before the lock (read here if not)."""
    locks.serialise_linking()
    kept = claim_evidence.Kept()  # stored claims' evidence, read once a placing
    return _placed(articles, near, kept, own or claim_evidence.own(articles), settle)


def _placed(
    articles: Sequence[Article], near: list[int], kept: claim_evidence.Kept, own: claim_evidence.Own, settle
) -> tuple[list[LinkResult], list[int], frozenset[int], dict[int, frozenset[int]]]:
    before = _memberships(near)
    results: list[LinkResult] = []
    movers = claim_moves.Movers()  # the stored articles the settle moves: their claims linked again
    given = claim_evidence.Articles.with_evidence(articles, own)  # their evidence: under the lock
    relinked = any(not locked for g in given.given.values() for _, _, locked in g.evidence)  # re-extracted
    if settle:  # a copy joins its original's story first (a curated story keeps it); then the batch
        for article in [a for a in articles if a.copy_of_id is not None]:
            clustering.assign_story(article)
        # The batch placed at once, before its claims (they move with no article): its neighbourhood
        # reclustered, order-independent; once a batch, not once an article and again for the batch.
        settled = clustering.settle(articles, moved=movers.moved)
    else:  # placed already (`relink`): their stories as they are
        rows = StoryArticle.objects.select_related("story").filter(article__in=[a.pk for a in articles])
        settled = {m.article_id: m.story for m in rows}
    pool = claim_linking.pool_of(given, movers.read(articles, given, settled, settle), kept)  # read once
    claims = movers.link(claim_linking.link_claims, kept=kept, batch=given, pool=pool)  # theirs first
    for article in articles:
        story = settled.get(article.pk) or clustering.assign_story(article).story
        linked = claim_linking.link_claims(
            article, answers=False, kept=kept, batch=given, story=story, pool=pool
        )
        claims.update((claim.pk, claim) for claim in linked)
        results.append(LinkResult(story_id=story.pk, claim_ids=[c.pk for c in linked]))
    pool.record()  # the history rows of the claims the batch made, in one insert
    claims = movers.follow(claims, kept)  # the claims they (or a relink's articles) left follow their reports
    if kept.merged:  # claims the batch merged into others are gone: the claims that took them stand in
        claims = {pk: claim for pk, claim in claims.items() if pk not in kept.merged}
        for result in results:
            result.claim_ids = list(dict.fromkeys(kept.heir(pk) for pk in result.claim_ids))
    stories = {story.pk: story for story in settled.values()}
    for article, result in zip(articles, results, strict=True):
        result.story_id = settled[article.pk].pk
    for claim_id, target_id in claim_answers.link_responses_of([*stories, *movers.touched]).items():
        if claim_id in claims:
            claims[claim_id].responds_to_id = target_id
    corroboration.refresh_claims(claims.values())
    after = _memberships(near)
    shifted = [pk for pk in near if before.get(pk) != after.get(pk)]
    moved = {s for pk in shifted for s in (before.get(pk), after.get(pk))}
    fresh = frozenset([*shifted, *(a.pk for a in articles)])
    # the other stories that report the batch's claims: their events' titles and counts follow them
    owners, reporting = claim_owners.owners(list(claims), shifted)
    # reached only through the claims (no article of theirs placed or moved, none of the claims their own):
    # their discrepancies can change only where those claims are (`discrepancies.prepare`); after a merge,
    # a re-link or a move of a stored article's claims (claims gone from stories, evidence removed) all of it
    reached = set() if kept.merged or relinked or movers else reporting - owners - moved - set(stories)
    narrow = dict.fromkeys(sorted(reached - {None}), frozenset(claims))
    everything = (moved | owners | reporting | movers.touched) - {None} - set(stories)
    return results, sorted(everything), fresh, narrow


@transaction.atomic
def _story_steps(
    articles: Sequence[Article],
    results: list[LinkResult],
    moved: list[int],
    fresh: frozenset[int] | None,
    narrow: dict[int, frozenset[int]] | None = None,
) -> None:
    """Discrepancies and events of the batch's stories and of those settling moved articles into or out
    of, or that report the batch's claims (`moved`), under their cases' locks only; the events only
    `fresh` articles (the batch's, and those settling moved) can change are counted again (None: all).
    Of a story only reached through the batch's claims (`narrow`: those claims, by story), only the
    discrepancies those claims can change are found again (`discrepancies.prepare`). The batch's
    stories are read again once locked: another worker may have placed a batch since, and moved these
    articles: those stories' events are all counted again."""
    cases = _cases({result.story_id for result in results} | set(moved))  # of the stories as placed
    locks.serialise_cases({ref for _, ref in cases.values()})
    where = dict(
        StoryArticle.objects.filter(article__in=list(articles)).values_list("article_id", "story_id")
    )
    # Their rows locked, in order: another worker's placing (the linking lock, not these) may settle one
    # away; the steps wait for it to commit and skip that story, never write to a deleted one.
    ids = {*where.values(), *moved} - {None}
    rows = {s.pk: s for s in Story.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    order = [where.get(a.pk) for a in articles] + moved  # the batch's first, in its order
    stories = {pk: rows[pk] for pk in order if pk in rows}
    if elsewhere := set(stories) - set(cases):  # another worker moved these articles since: theirs too
        cases |= _cases(elsewhere)
        locks.serialise_cases({cases[pk][1] for pk in elsewhere})
    for article, result in zip(articles, results, strict=True):
        result.story_id = where.get(article.pk)
    found: dict[int, list[int]] = {}
    dated: dict[int, list[int]] = {}
    # Events of these stories before the batch: one that loses its claims has changed too.
    touched = set(Event.objects.filter(stories__in=list(stories)).values_list("pk", flat=True))
    # the rows and events the stories share are written once, as the last story left them
    pending, writes = discrepancies.Pending(), event_writes.Pending()
    batch = story_reads.batch_reads(list(stories))  # read for them all at once; a shared claim once
    reads = {pk: StoryReads.of(story, batch) for pk, story in stories.items()}  # once for both steps
    narrow = {pk: claims for pk, claims in (narrow or {}).items() if pk not in elsewhere}
    discrepancies.prepare([(story, reads[pk]) for pk, story in stories.items()], pending, narrow=narrow)
    events.prepare([(story, reads[pk], cases[pk]) for pk, story in stories.items()], writes)
    for pk, story in stories.items():
        found[pk] = [d.pk for d in discrepancies.detect(story, reads[pk], pending=pending)]
        anew = None if pk in elsewhere else fresh
        dated[pk] = [
            e.pk for e in events.update_events(story, reads[pk], case=cases[pk], fresh=anew, pending=writes)
        ]
    pending.write()
    writes.write()
    for result in results:
        result.discrepancy_ids = found.get(result.story_id, [])
        result.event_ids = dated.get(result.story_id, [])
    # Once per batch, after the claims are attached to their events; sent when this commits.
    send_events_changed(touched.union(*dated.values()))
    claim_reads.release(batch.claims.values())  # the process's kept evidence rows let the batch go


def _memberships(near: list[int]) -> dict[int, int]:
    """The stories of these articles, by article: read by a few ranges of ids (`id_spans`: the
    neighbourhood is most of a busy window's articles, an id a parameter cost more than the rows)."""
    wanted = set(near)
    rows = StoryArticle.objects.filter(id_spans.among("article", wanted)).values_list(
        "article_id", "story_id"
    )
    return {article: story for article, story in rows if article in wanted}


def _cases(stories: Iterable[int]) -> dict[int, tuple[int | None, str]]:
    """`events.case_ref` of each story, in one query."""
    through = Story.cases.through.objects.filter(story_id__in=list(stories))
    first = dict(through.values("story_id").annotate(case=Min("case_id")).values_list("story_id", "case"))
    return {pk: (first.get(pk), f"case{first[pk]}" if first.get(pk) else f"story{pk}") for pk in stories}
