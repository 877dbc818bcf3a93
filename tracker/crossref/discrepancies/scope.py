"""What every discrepancy rule reads (a story's articles and claims) and what it returns (`Found`)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from tracker.crossref.event_reports import Report, reported_at
from tracker.crossref.models import Claim, Event, Story
from tracker.crossref.story_reads import StoryReads
from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.passages import phrase_pattern
from tracker.sources.models import Article

PER_PROCESS = 1024  # texts whose per-article readings the rules keep per process (LRU; each keeps its text)
CUES_FILE = PATTERNS_DIR / "discrepancies.jsonl"  # cue words of settings, extents and increments


@dataclass
class Found:
    """A disagreement the rules found: its machine `key`, and the variants as stored on the row."""

    kind: str
    key: str
    variants: list[dict]
    claim: Claim | None = None
    event: Event | None = None
    claim_keyed: bool = False  # its key is its claim's (`kind:claim:<id>...`): its own story finds it


@dataclass
class Scope:
    """A story's articles (oldest report first) and claims, loaded once for all the rules.

    A claim-keyed row (its key `kind:claim:<id>...`) has one owner (`owner`): the claim's own story
    (`Claim.story`, where it started; a merged story's claims follow its heir) while it reports the
    claim, else the story of the claim's first-stated report. Every story that reports
    a claim sees it, and the row's variants depend on the story seen from (its order of articles, its
    headlines, the other claims of the speaker in it), so when each wrote the row the last story of a
    batch won and the row followed the batch order. Only the owner finds it now (`owns`): one writer, the
    same row whatever the order. The owner always sees its claims (`story_reads.story_claims` reads a
    story's own claims, and the claims its articles report), and a linking batch always runs the stories
    reporting its claims, those its settle moved articles into or out of, and its claims' own. A claim with no
    story (its story deleted, until its next evidence gives it one) is every story's, as before."""

    story: Story
    articles: dict[int, Article] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    mentions: list[Report] = field(default_factory=list)  # the articles' event-like date mentions
    _positions: dict[int, int] = field(default_factory=dict, repr=False)
    reads: StoryReads | None = field(default=None, repr=False)
    # the claims a batch changed, when only what they change is found here (`discrepancies.prepare`'s
    # `narrow`): the speaker-wide rules look at their speakers only (`touches`)
    changed: frozenset[int] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, story: Story, reads: StoryReads | None = None) -> Scope:
        """`reads`: the story's, when the caller has read them (`StoryReads.of`; else read here)."""
        reads = StoryReads.of(story) if reads is None else reads
        ordered = sorted(reads.articles.values(), key=lambda a: (reported_at(a), a.pk))
        return cls(story, {a.pk: a for a in ordered}, reads.claims, reads.mentions, reads=reads)

    def owns(self, claim: Claim) -> bool:
        """Whether this story finds the claim's claim-keyed rows (its `owner`, or it has none)."""
        return (owner := self.owner(claim)) is None or owner == self.story.pk

    def owner(self, claim: Claim) -> int | None:
        """The story that finds the claim's claim-keyed rows: its own (`Claim.story`, as claim linking
        reads it) while that story holds evidence of it, else the story of its first-stated report
        (`reported_at`, ties by article id): a settle that moved the claim's articles away leaves
        `Claim.story` reporting none of it, and no story found its rows. Worked out once a linking
        batch (`BatchReads.facts`), from the stories the evidence's articles were read in."""
        if self.reads is None or claim.story_id is None:
            return claim.story_id
        facts, placed = self.reads.batch.facts, self.reads.batch.placed
        if (found := facts.get(("owner", claim.pk))) is None:
            cited = self.reads.cited(claim).values()
            reports = [(placed[a.pk], reported_at(a), a.pk) for a in cited if a.pk in placed]
            found = facts["owner", claim.pk] = owner(claim.story_id, reports)
        return found

    def mine(self, found: Found) -> bool:
        """Whether this story keeps what a rule found: a claim-keyed row only in the claim's own story."""
        return not found.claim_keyed or found.claim is None or self.owns(found.claim)

    def touches(self, claims: Iterable[Claim]) -> bool:
        """Whether the run finds what these claims (a speaker's) make: all, or one changed is among them."""
        return self.changed is None or any(claim.pk in self.changed for claim in claims)

    def order(self, article_id: int) -> int:
        """Position of an article among the story's (first reported first); unknown ones last."""
        return self.positions().get(article_id, len(self.articles))

    def positions(self) -> dict[int, int]:
        """Each article's `order`, by id (read once by a sort, not once per variant)."""
        if len(self._positions) != len(self.articles):
            self._positions = {pk: i for i, pk in enumerate(self.articles)}
        return self._positions

    def claim_outlets(self, claim: Claim) -> int:
        """The outlets reporting the claim (rules sort and pick claims by it), counted once a linking
        batch (`BatchReads.facts`: a claim's evidence stays as read)."""
        facts = self.reads.batch.facts
        if (found := facts.get(("outlets", claim.pk))) is None:
            found = facts["outlets", claim.pk] = len({a.outlet_id for a in self.reads.cited(claim).values()})
        return found

    def sort(self, variants: Iterable[dict]) -> list[dict]:
        """Variants by `order` of their article, then field and start."""
        at, last = self.positions().get, len(self.articles)
        return sorted(variants, key=lambda v: (at(v["article"], last), v.get("field", ""), v["start"]))


def owner(story: int | None, reports: Iterable[tuple[int, datetime, int]]) -> int | None:
    """`Scope.owner` of a claim whose own story is `story`, from its reports in stories: (story, when
    reported, article id) each."""
    reports = list(reports)
    if story is None or not reports or any(report[0] == story for report in reports):
        return story
    return min(reports, key=lambda report: report[1:])[0]


def variant(article: Article, words: str, start: int, end: int, **extra) -> dict:
    """One outlet's version: its words, where they are (offsets in the article's text unless `field`
    says title, lead or version), and what rule-specific value they carry."""
    return {
        "words": words,
        "article": article.pk,
        "outlet": article.outlet.name,
        "start": start,
        "end": end,
    } | extra


def disagree(values: dict[int, object], outlets: dict[int, int]) -> bool:
    """Whether two articles of different outlets carry different values (article id -> value)."""
    seen: dict[object, set[int]] = {}
    for article_id, value in values.items():
        seen.setdefault(value, set()).add(outlets[article_id])
    if len(seen) < 2:
        return False
    groups = list(seen.values())
    return any(
        a != b for i, first in enumerate(groups) for second in groups[i + 1 :] for a in first for b in second
    )


def outlet_ids(articles: Iterable[Article]) -> dict[int, int]:
    return {a.pk: a.outlet_id for a in articles}


def digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def speaker_of(claim: Claim) -> str:
    """A key for the claim's speaker ("" when it has none)."""
    if claim.speaker_id:
        return f"entity{claim.speaker_id}"
    return claim.speaker_text.strip().lower()


def first_letter_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    """`phrase_pattern(phrases)` opened on the class of its phrases' first letters: the same matches,
    but the engine skips to the next such letter instead of trying every position (a third faster)."""
    pattern = phrase_pattern(phrases)
    firsts = {p[:1].lower() for p in phrases if p.strip()}
    if pattern is None or not all(c.isascii() and c.isalnum() for c in firsts):
        return pattern  # a phrase opening on a space, a mark or another script: as it is
    return re.compile(f"(?=[{''.join(sorted(firsts))}])" + pattern.pattern, re.IGNORECASE)


@cache
def cues(group: str) -> list[tuple[str, int, re.Pattern[str]]]:
    """(value, strength, pattern) of the cue rules of one group (patterns/discrepancies.jsonl)."""
    return [
        (r["value"], int(r.get("strength", 1)), first_letter_pattern(r["phrases"])) for r in _rules(group)
    ]


@cache
def phrases(group: str) -> tuple[str, ...]:
    """Every phrase of one group's rules (patterns/discrepancies.jsonl), as written."""
    return tuple(p for r in _rules(group) for p in r["phrases"])


def _rules(group: str) -> list[dict]:
    return [r for r in read_jsonl(CUES_FILE) if r["group"] == group]
