"""Claim linking: each article's claim candidates join the claim they report (match), or start one
(create), and become that claim's Evidence (attach). `claim_answers` then links answers to what they
answer (`responds_to`); a curator's merge of two claims is curation's, not this.

A claim is one statement by one speaker. Outlets that report it in different words are *variants* of
that claim, never merged into one quote: each article's Evidence keeps its own sentence and verbatim
quotes, so "general practice", "standard practice" and "standard industry procedure" all stay visible
on the one claim of Musk's answer. The speaker's identity is kept too: OpenAI's answer to Musk is a
claim of its own, linked to his through `responds_to` (claim_answers).

Matching is deliberately plain (stdlib only): same speaker, of the story (or another story's claim of the same
event: `claim_events`; an article's earlier claim only while it is of its story: `claim_moves`), then a shared
verbatim quote of two words or more, else enough shared content words. Paraphrases sharing few words stay
apart (a curator merges them), as do weak matches by the story's topic words alone (`claim_topics`). A report
that matches two or more machine claims of its speaker makes them one (`claim_merging`), so the grouping does
not depend on the order the articles came in.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from django.db import transaction

from tracker.crossref import (
    claim_answers,
    claim_events,
    claim_evidence,
    claim_merging,
    claim_pool,
    claim_rows,
)
from tracker.crossref.claim_restating import quoted, said_keys
from tracker.crossref.claim_topics import telling, topic
from tracker.crossref.corroboration import refresh_claims
from tracker.crossref.models import Claim, ClaimCandidate, Evidence, Story, StoryArticle
from tracker.crossref.speaker_kin import kin, take_full_name
from tracker.crossref.words import Key, content_words, quote_keys, similarity, speaker_key
from tracker.sources.models import Article

MERGE_SIMILARITY = 0.6  # under it (0.4-0.6) a match merges on conditions (claim_merging.compatible)
UNREAD = object()  # `link_claims`' story when its caller does not know it: read there
NEW = 1 << 62  # above every stored claim's id: the order of the claims a run makes before saving them


@dataclass(eq=False)  # one per claim: compared by identity
class _Known:
    """A claim a candidate may join, with what it is compared on: `words`, every report's content words
    in order; of them, those of its stored evidence as the placing keeps them (`indexed`, scored through
    their index) and the rest (`unindexed`: its own text's and what this run added; all of `words` when
    nothing is indexed). Grown only through `add` and `absorb`, which keep the two in step."""

    claim: Claim
    key: Key
    words: list[frozenset[str]] = field(default_factory=list)
    quotes: set[str] = field(default_factory=set)
    evidenced: bool = False  # has evidence beyond what this run removed
    articles: set[int] = field(default_factory=set)  # the other articles that report it
    statement: int | None = None  # which of this article's statements it holds (`claim_merging.statements`)
    order: int = 0  # ties go to the oldest claim: its id, or (made by this run, not saved yet) NEW + n
    far: list[claim_events.Report] | None = None  # another story's claim: its reports (claim_events)
    indexed: claim_evidence.WordSets | None = None
    unindexed: list[frozenset[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.order = self.order or self.claim.pk
        if self.indexed is None:
            self.unindexed = list(self.words)

    def score(self, words: frozenset[str]) -> float:
        """The best `similarity` of `words` to one of the claim's reports: scored only against those that
        share a word with it (the others score 0)."""
        rest = (similarity(words, w) for w in self.unindexed if not words.isdisjoint(w))
        best = max(rest, default=0.0)
        return best if self.indexed is None else max(best, self.indexed.score(words))

    def add(self, words: frozenset[str]) -> None:
        self.words.append(words)
        self.unindexed.append(words)

    def absorb(self, other: _Known) -> None:
        """Another claim's reports, after this one's (a merge)."""
        self.words.extend(other.words)
        self.unindexed.extend(other.words)


@transaction.atomic(savepoint=False)  # no caller goes on after an error: no savepoint of its own
def link_claims(
    article: Article,
    *,
    answers: bool = True,
    kept: claim_evidence.Kept | None = None,
    batch: claim_evidence.Articles | None = None,
    story: Story | None | object = UNREAD,
    pool: claim_pool.Pool | None = None,
) -> list[Claim]:
    """Link the article's claim candidates to claims, as Evidence; return the claims it now supports.

    Idempotent: the article's evidence on unlocked claims is removed and rebuilt, so a re-run ends with the
    same rows (and the same claim ids: a claim left without evidence is still matched by its text). Locked
    claims are never changed, and keep their evidence, but new evidence still attaches to them. Claims that
    lost this article's evidence and were not relinked get their counts refreshed here; the caller refreshes
    the returned ones. With `answers=False` the story's answers are not linked here: a caller linking a batch
    runs `link_responses` once per story instead. `kept`: the batch's stored claims' evidence as read so far
    (`claim_evidence`), when a caller links a batch; `batch`: its articles' candidates, evidence and cases,
    read for all at once; `story`: the article's, when known (None: it has none); `pool`: the batch's claims
    (`claim_pool`), read once for it (its caller records the history rows of the claims the batch made, and
    writes the evidence its articles gave, once it is linked: `Pool.record`)."""
    kept = claim_evidence.Kept() if kept is None else kept
    pool = claim_pool.Pool() if pool is None else pool
    if batch is None or article.pk not in batch.given:
        pool.write()  # its evidence is read now: the batch's new evidence first (it may be linked again)
    given = (claim_evidence.Articles() if batch is None else batch).take(article)
    if story is UNREAD:
        membership = StoryArticle.objects.select_related("story").filter(article=article).first()
        story = membership.story if membership else None
    previous: dict[int, set[int]] = {}  # start of a removed report -> its claims
    for claim_id, start, locked in given.evidence:
        if not locked:
            previous.setdefault(start, set()).add(claim_id)
    removed_from = set().union(*previous.values())
    if removed_from:
        Evidence.objects.filter(article=article, claim__locked=False).delete()
    kept.forget(removed_from)
    pool.forget(article.pk, removed_from)

    candidates = given.candidates
    known = _known_claims(article, candidates, story, removed_from, kept, pool)
    pinned = _pinned(given.evidence, known)
    case_id = given.case_id or (story and story.cases.order_by("pk").values_list("pk", flat=True).first())
    # Existing claims first: a candidate matching only a sibling (a quote in a vaguer sentence) joins it.
    assigned: dict[int, _Known] = {}
    made: list[Claim] = []  # saved together, in the order made (their ids too)
    statement = claim_merging.statements(candidates, claim_pool.candidate_key, _words)
    ranked = claim_merging.strongest_first(candidates, known, claim_pool.candidate_key, _words)  # shared
    for first_pass in (True, False):
        for candidate in ranked if first_pass else candidates:
            if candidate.pk in assigned:
                continue
            unit = statement[candidate.pk]
            entry, alike, weak = pinned.get(candidate.start), [], set()
            if entry is None:  # a claim that holds another of the article's statements is not this one's
                same = functools.partial(claim_events.same_event, candidate, article, _words(candidate.text))
                reach = [k for k in known if k.statement in (None, unit) and (k.far is None or same(k.far))]
                kindred = kin(candidate, article.text, reach, claim_pool.candidate_key(candidate), pool.kin)
                entry, alike, weak = _match(
                    candidate, reach, previous.get(candidate.start, set()), kindred, known
                )
            alike = [k for k in alike if claim_merging.mergeable(k.claim)]
            alike = claim_merging.compatible(alike, _words(candidate.text), weak)
            if len(alike) > 1:
                pool.write()  # a merge moves the stored claims' evidence: the batch's new evidence too
                kept_entry = claim_merging.fold(alike, known=known, assigned=assigned, made=made, memo=kept)
                entry = kept_entry if claim_merging.mergeable(entry.claim) else entry  # locked: stays
            if entry is None:
                if first_pass:
                    continue
                made.append(claim_rows.new(candidate, article, story, case_id))
                entry = _Known(made[-1], key=claim_pool.candidate_key(candidate), order=NEW + len(assigned))
                known.append(entry)
            elif not entry.evidenced and not entry.claim.locked:
                claim_rows.rebuild(entry.claim, candidate, story)
            take_full_name(entry, candidate, alike, pool)  # "he" joined by "Jonah Castellanos"
            entry.add(_words(candidate.text))
            entry.quotes |= said_keys(candidate.quotes, candidate.text)
            entry.evidenced, entry.far = True, None  # reported by this article: near from now on
            entry.statement = unit if candidate.start not in pinned else entry.statement
            assigned[candidate.pk] = entry
    if made:
        Claim.objects.bulk_create(made)  # their history rows: `pool.made`
    pool.made(made, kept)  # the pool follows the batch: its new claims in, those merged away out
    pool.merged(kept)
    linked = {claim.pk: claim for claim in (assigned[candidate.pk].claim for candidate in candidates)}
    existing = {(claim_id, start) for claim_id, start, locked in given.evidence if locked}
    pool.attach([(assigned[c.pk].claim, c) for c in candidates], article, kept, existing, _words)

    if stale_ids := removed_from - set(linked):
        pool.write()  # what is left of them is read: the batch's new evidence first
        stale = Claim.objects.filter(pk__in=stale_ids)
        stale.filter(locked=False, evidence__isnull=True).delete()
        refresh_claims(pool.left(stale_ids, stale.filter(evidence__isnull=False).distinct()))
    if story is not None and answers:
        for claim_id, target_id in claim_answers.link_responses(story).items():
            if claim_id in linked:
                linked[claim_id].responds_to_id = target_id
    return list(linked.values())


def _pinned(evidence: list[tuple[int, int, bool]], known: list[_Known]) -> dict[int, _Known]:
    """Spans of the article already reported on a locked claim stay there: a curator put them there (a
    merge, a split, a corrected speaker), so relinking must not copy them onto another claim."""
    spans = {start: claim_id for claim_id, start, locked in evidence if locked}
    entries = {k.claim.pk: k for k in known}
    if unread := set(spans.values()) - set(entries):
        for claim in Claim.objects.filter(pk__in=unread):
            entries[claim.pk] = _Known(
                claim, key=speaker_key(claim.speaker_id, claim.speaker_text), evidenced=True
            )
    return {start: entries[claim_id] for start, claim_id in spans.items()}


def pool_of(batch: claim_evidence.Articles, stories: list[int], kept: claim_evidence.Kept) -> claim_pool.Pool:
    """The claims a batch may join, read once for it (`claim_pool.Pool.of`), compared on `_words`."""
    return claim_pool.Pool.of(batch, stories, kept, _words)


def _known_claims(
    article: Article,
    candidates: list[ClaimCandidate],
    story: Story | None,
    previous: set[int],
    memo: claim_evidence.Kept,
    pool: claim_pool.Pool,
) -> list[_Known]:
    """The claims the candidates may join (same speakers; of the story: started in it or reported by its
    articles; evidence this run removed; another story's of the same event, `claim_events`), with the
    content words and quotes of their evidence: from the batch's `pool` (read for this article alone
    when it was not: three queries), and the same-event reports (one query)."""
    keys = {claim_pool.candidate_key(c) for c in candidates}
    if not keys:
        return []
    entity_ids = [value for kind, value in keys if kind == "entity"]
    names = [c.named_speaker for c in candidates if not c.speaker_entity_id]
    far = pool.far(article, entity_ids, [n for n in names if claim_events.named(n)], _words)
    home = story.pk if story is not None else None
    known = []
    kin = (candidates, article.text)  # and the speakers they may be kin of (`speaker_kin`)
    for claim, key, near in pool.reach(article.pk, keys, home, previous, far, memo, _words, kin):
        stored, quotes, articles = memo[claim.pk]
        evidenced, others, text = bool(stored), articles - {article.pk}, _words(claim.text)
        far_reports = None if near else far[claim.pk]
        scored = {"indexed": stored, "unindexed": [text]}  # the stored evidence's: through its index
        entry = _Known(claim, key, [text, *stored], set(quotes), evidenced, others, far=far_reports, **scored)
        known.append(entry)
    return known


@functools.lru_cache(maxsize=1 << 16)
def _words(text: str) -> frozenset[str]:
    """`content_words` of a stored claim's or evidence's text, kept per process: the same stored
    claims are read again for every later article that may join them (a frozenset, never changed)."""
    return content_words(text)


def _match(
    candidate: ClaimCandidate,
    known: list[_Known],
    previous: set[int],
    kindred: list[_Known],
    every: list[_Known],
) -> tuple[_Known | None, list[_Known], set[_Known]]:
    """The claim this candidate reports: the claim its span reported before this re-run, else a shared
    verbatim quote, else the most similar content above the threshold (`claim_topics.telling`); ties go
    to the oldest claim. And every claim it matches, best first, for claim merging; with those it matches
    only weakly (under MERGE_SIMILARITY, by no quote and not its earlier claim). `every`: all the claims
    the article's reports may join, `known` those this one may (not another of its statements')."""
    key = claim_pool.candidate_key(candidate)
    pool = [k for k in known if k.key == key or k in kindred]  # its speaker's by `speaker_kin` too
    words = _words(candidate.text)
    quotes, said = quote_keys(candidate.quotes), said_keys(candidate.quotes, candidate.text)
    score = {k: k.score(words) for k in pool}  # each claim's similarity, once (identity-hashed)
    told = telling(words, every, score, MERGE_SIMILARITY)  # by content words: not by topic words alone
    before = [k for k in pool if k.claim.pk in previous]  # by quote: verbatim, or restated (other words)
    by_quote = [k for k in pool if quoted(said, k.quotes, score[k] > 0, functools.partial(topic, every))]
    scored = [(score[k], -k.order, k) for k in pool if k in told]
    weak = {k for k in told if score[k] < MERGE_SIMILARITY} - {*before, *by_quote}
    alike = [k for k in pool if k in before or k in by_quote or k in told]
    if before:
        chosen = min(before, key=lambda k: k.claim.pk)
    elif by_quote:
        chosen = max(by_quote, key=lambda k: (len(quotes & k.quotes), score[k], -k.order))
    else:
        chosen = max(scored, key=lambda s: s[:2])[2] if scored else None
    return chosen, sorted(alike, key=lambda k: (k is not chosen, -score[k], k.order)), weak
