"""What claim linking reads once per batch rather than once per article.

`Kept`: what it compares a stored claim's evidence on (content words, quote keys) and the articles that
report it (claim merging never makes one claim of two that one article reports apart), read once per
placing of a batch rather than once per article of the batch that may join the claim. The placing
(`linking._place`, inside its transaction, so a placing run again after a lost deadlock starts afresh)
makes one and hands it to each `claim_linking.link_claims` of the batch: that reads the claims it has
not seen, adds the evidence it attaches to those it has, and forgets a claim whose evidence it removes.
A `link_claims` given none keeps nothing past its own call.

`WordSets`: a claim's evidence content words in order, with an index from each word to the distinct word
sets that hold it, kept with the claim for the placing (made when the claim is first scored, brought up to
date with the evidence attached since; never made again for each article): scoring a report against the
claim (`score`) looks only at the word sets that share two of its words, not at every evidence row (a
much-reported claim has hundreds, most of them copies of a few wordings).

`Articles`: what it reads of the batch's own articles (their claim candidates, the evidence they
already give, their first case), in three queries for the whole batch, read before any of them is
linked: linking one article changes none of these of another (an article's evidence is removed and
attached only by its own linking; linking gives no article a case). Each article's are handed out
once (`take`); an article linked again in the same batch is read again. The candidates and cases
(`Own`) are the articles' own, which no other worker changes: `linking` reads them before its lock,
and only the evidence (whose claims another worker's placing may merge) under it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Min

from tracker.crossref.claim_restating import said_keys
from tracker.crossref.models import ClaimCandidate, Evidence
from tracker.crossref.words import similarity
from tracker.sources.models import Article


class WordSets:
    """Word sets in the order added (iterated as they were added, repeats included), and an index from
    each word to the distinct sets that hold it (a bit each), brought up to date when scored: a claim of
    the pool no candidate is scored against is never indexed."""

    __slots__ = ("_sets", "_indexed", "_numbers", "_distinct", "_postings")

    def __init__(self, sets: Iterable[frozenset[str]] = ()) -> None:
        self._sets: list[frozenset[str]] = list(sets)
        self._indexed = 0  # how many of `_sets` the index holds
        self._numbers: dict[frozenset[str], int] = {}  # each distinct set -> its bit in `_postings`
        self._distinct: list[frozenset[str]] = []  # the distinct sets by their bit
        self._postings: dict[str, int] = {}  # word -> the bits of the distinct sets holding it

    def append(self, words: frozenset[str]) -> None:
        self._sets.append(words)

    def extend(self, sets: Iterable[frozenset[str]]) -> None:
        self._sets.extend(list(sets))

    def copy(self) -> WordSets:
        """Another with the same sets and index, grown apart from this one from now on."""
        other = WordSets(self._sets)
        other._indexed, other._distinct = self._indexed, list(self._distinct)
        other._numbers, other._postings = dict(self._numbers), dict(self._postings)
        return other

    def __iter__(self) -> Iterator[frozenset[str]]:
        return iter(self._sets)

    def __len__(self) -> int:
        return len(self._sets)

    def score(self, words: frozenset[str]) -> float:
        """The best `similarity` of `words` to one of the sets (0.0: none), scoring only the sets that
        could score above 0 (`similarity` needs two shared words, MIN_SHARED_WORDS, or the same words):
        those sharing two of its words, and a set of the same words."""
        numbers, distinct, postings = self._numbers, self._distinct, self._postings
        for added in itertools.islice(self._sets, self._indexed, None):
            if added not in numbers:  # a repeat (a copy's wording) scores as its first: indexed once
                numbers[added] = len(distinct)
                for word in added:
                    postings[word] = postings.get(word, 0) | 1 << len(distinct)
                distinct.append(added)
        self._indexed = len(self._sets)
        once = twice = 0  # the sets sharing one of the words, two of them
        for word in words:
            if bits := postings.get(word, 0):
                twice, once = twice | once & bits, once | bits
        if words in numbers:
            twice |= 1 << numbers[words]
        best = 0.0
        while twice:
            bit = twice & -twice
            best = max(best, similarity(words, distinct[bit.bit_length() - 1]))
            twice ^= bit
        return best


# each evidence row's content words; the quote keys; the ids of the articles that report the claim
Compared = tuple[WordSets, set[str], set[int]]


class Kept(dict[int, Compared]):
    """A batch's, by claim id; and the stored claims claim merging folded into others (`merged`: id ->
    the id that took it), so the batch does not refresh or report a claim that is gone. In a bulk run
    some are the run's own objects (`shared`, `run_evidence`): copied before the batch changes one."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.merged: dict[int, int] = {}
        self.shared: set[int] = set()

    def own(self, pk: int) -> Compared:
        """The claim's, the batch's own to change (a copy of the run's, made once)."""
        if pk in self.shared:
            words, quotes, articles = self[pk]
            self[pk] = (words.copy(), set(quotes), set(articles))
            self.shared.discard(pk)
        return self[pk]

    def heir(self, pk: int) -> int:
        """The claim `pk` now lives on: itself unless merged this batch (through a chain of merges)."""
        while pk in self.merged:
            pk = self.merged[pk]
        return pk

    def forget(self, claim_ids: Iterable[int]) -> None:
        for pk in claim_ids:
            self.pop(pk, None)
            self.shared.discard(pk)

    def read(self, claim_ids: list[int], words: Callable[[str], frozenset[str]]) -> None:
        """What the claims' stored evidence is compared on, for claims not read yet, in one query."""
        read: dict[int, Compared] = {pk: (WordSets(), set(), set()) for pk in claim_ids}
        rows = Evidence.objects.filter(claim_id__in=claim_ids).values_list(
            "claim_id", "quotes", "text", "article"
        )
        for claim_id, quotes, content, article_id in rows if claim_ids else ():
            compare(read[claim_id], content, quotes, article_id, words)
        self.update(read)
        self.shared.difference_update(read)

    def add(self, evidence: Evidence, words: Callable[[str], frozenset[str]]) -> None:
        """New evidence of a claim read already: compared with the rest from now on."""
        if evidence.claim_id in self:
            compare(self.own(evidence.claim_id), evidence.text, evidence.quotes, evidence.article_id, words)


def compare(compared: Compared, content: str | None, quotes, article_id: int, words: Callable) -> None:
    """One evidence row's content words, quote keys and article, added to its claim's."""
    compared[0].append(words(content or ""))
    compared[1].update(said_keys(quotes, content or ""))  # quote, stance and slot keys (`claim_restating`)
    compared[2].add(article_id)


@dataclass(frozen=True)
class Given:
    """One article's: its candidates in order, its evidence as (claim, start, the claim is locked),
    and its first case (None: it has none)."""

    candidates: list[ClaimCandidate]
    evidence: list[tuple[int, int, bool]]
    case_id: int | None


@dataclass(frozen=True)
class Own:
    """What a batch's articles hold of their own, which no other worker's placing changes: their
    candidates in order and their first case (an article's candidates are replaced only by its own
    extraction; linking gives no article a case). Read before the linking lock (`own`)."""

    candidates: dict[int, list[ClaimCandidate]]
    cases: dict[int, int | None]


def own(articles: Sequence[Article]) -> Own:
    ids = [a.pk for a in articles]
    candidates: dict[int, list[ClaimCandidate]] = {pk: [] for pk in ids}
    for candidate in ClaimCandidate.objects.filter(article__in=ids).order_by("article_id", "start", "pk"):
        candidates[candidate.article_id].append(candidate)
    through = Article.cases.through.objects.filter(article_id__in=ids).values("article_id")
    cases = dict(through.annotate(first=Min("case_id")).values_list("article_id", "first"))
    return Own(candidates, {pk: cases.get(pk) for pk in ids})


@dataclass
class Articles:
    """A batch's articles' `Given`, read in three queries (`of`); or in one under the linking lock, the
    rest (`Own`) read before it (`with_evidence`)."""

    given: dict[int, Given] = field(default_factory=dict)
    days: dict[int, datetime] = field(default_factory=dict)  # each's publication time, else first sighting

    @classmethod
    def of(cls, articles: Sequence[Article]) -> Articles:
        return cls.with_evidence(articles, own(articles))

    @classmethod
    def with_evidence(cls, articles: Sequence[Article], read: Own) -> Articles:
        """The articles' evidence read now (under the lock: another worker's placing may merge the
        claims it points to), beside what they hold of their own, read before."""
        ids = [a.pk for a in articles]
        evidence: dict[int, list[tuple[int, int, bool]]] = {pk: [] for pk in ids}
        rows = Evidence.objects.filter(article__in=ids).order_by("pk")
        for article_id, claim_id, start, locked in rows.values_list(
            "article_id", "claim_id", "start", "claim__locked"
        ):
            evidence[article_id].append((claim_id, start, locked))
        given = {pk: Given(list(read.candidates[pk]), evidence[pk], read.cases[pk]) for pk in ids}
        return cls(given, {a.pk: a.published_at or a.first_seen_at for a in articles})

    def take(self, article: Article) -> Given:
        """The article's, read now if the batch has none (not read with it, or handed out before)."""
        given = self.given.pop(article.pk, None)
        return given if given is not None else Articles.of([article]).given[article.pk]
