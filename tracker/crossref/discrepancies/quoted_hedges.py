"""A hedge one outlet quotes and another's quote of the same words leaves out.

statements.hedges_dropped compares a claim's hedge with the story's headlines and leads only, so two
outlets quoting one answer as "We will almost certainly appeal" and "We will appeal" (a Q&A turn) go
unseen. Here, for a claim reported by two outlets or more, the speaker's own words of each evidence
(its quotes; a direct report with no quotation marks, as a Q&A turn, is the speaker's words itself) are
read for a hedge (patterns/hedges.jsonl, "some" aside), and a hedged quote is paired with another
outlet's unhedged quote of the claim when the latter holds the same words around the hedge, without
it: the words before and after the hedge, side by side (or the unhedged quote, whole, across the
place of the hedge), at least three words in all. Only quoted words count, never the outlet's own: an
unhedged quote whose sentence holds the hedge outside the marks ("said he would probably ...") drops none.
One row per claim: a claim whose hedge a headline drops too has both in its one row (`hedges`).
Caveat: words, not a reading; a hedge at the very start or end of a quote is not compared (the other
outlet may have put it outside its quotation marks).

Reported speech (session 31): "he said the accounts were likely run from its offices" against another
outlet's "concluded the accounts were run from its offices". What the speaker is reported to have said
is the content the reporting verb governs (the evidence's text, of any attribution but the outlet's own
characterisation): a hedge there is the speaker's, as reported; a hedge in the frame around it (the
outlet's "reportedly said", "apparently told") is the reporter's and is never read. The other side may
be the reported words too: its content and what its sentence goes on to say after it (a second verb of
the same speaker: "told the judge ..., and concluded the accounts were ..."), its sentence holding no
such hedge anywhere. Besides the words around the hedge whole, a run of them on both sides of it, side
by side in the other's words (at least SIDE_WORDS in all: "Dellacourt probably knew about the accounts
because ..." against "... Casimir Dellacourt knew about the accounts, pointing ..."), and, in the hedge's
place, a word of certainty (patterns/unhedged.jsonl: "might ask" against "will ask") count.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from tracker.crossref.discrepancies import statements
from tracker.crossref.discrepancies.scope import Found, Scope, variant
from tracker.crossref.models import Claim, ClaimCandidate, Discrepancy
from tracker.crossref.story_reads import locate
from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.hedges import HEDGES_FILE, hedge_pattern
from tracker.nlp.odd_spaces import ONE_SPACE
from tracker.sources.models import Article

WEAK_HEDGES = {"some"}  # "some of the data": too common to stand for the speaker's caution
MIN_WORDS = 3  # the words the two quotes share around the hedge
SIDE_WORDS = 4  # a run of them, on both sides of the hedge's place
UNHEDGED_FILE = PATTERNS_DIR / "unhedged.jsonl"
WORD = re.compile(r"\w+(?:['’]\w+)*")

# a piece of a speaker's words: (article, its text, where it starts in the article's text, the sentence)
Piece = tuple[Article, str, int, str]


@cache
def quoted_hedges() -> frozenset[str]:
    """Every hedge phrase, lower case: inside a speaker's quoted words, each is the speaker's own."""
    phrases = {" ".join(p.lower().split()) for r in read_jsonl(HEDGES_FILE) for p in r["phrases"]}
    return frozenset(phrases - WEAK_HEDGES)


def hedges(scope: Scope) -> list[Found]:
    """The hedges dropped by headlines and leads (statements.hedges_dropped) and by other outlets'
    quotes (`hedges_quoted`), one row per claim: a claim found by both has the variants of both."""
    found = {f.key: f for f in statements.hedges_dropped(scope)}
    for quoted in hedges_quoted(scope):
        if (same := found.get(quoted.key)) is None:
            found[quoted.key] = quoted
            continue
        spans = {(v["article"], v.get("field"), v["start"]) for v in same.variants}
        more = [v for v in quoted.variants if (v["article"], v.get("field"), v["start"]) not in spans]
        same.variants = scope.sort([*same.variants, *more])
    return list(found.values())


def hedges_quoted(scope: Scope) -> list[Found]:
    found = []
    for claim in scope.claims:
        if not scope.owns(claim) or scope.claim_outlets(claim) < 2:  # a claim-keyed row: its story's
            continue
        if not any(e.hedges for e in claim.evidence.all()):  # the extraction found no hedge in its words
            continue
        said, held = _pieces(claim)
        hedged = [p for p in said if _hedges(p[1])]
        if not hedged:
            continue
        variants: dict[tuple[int, int], dict] = {}
        paired: set[tuple[int, int, int]] = set()  # (article, hedge, other article): one side each
        for article, text, at, _ in hedged:
            for other, words, start, sentence in held:
                if other.outlet_id == article.outlet_id or _hedges(words, every=True):
                    continue
                for h_start, h_end, span in _dropped(text, words):
                    if _said(text[h_start:h_end], sentence) or (article.pk, at + h_start, other.pk) in paired:
                        continue  # the other outlet's own words carry it, outside its quote
                    paired.add((article.pk, at + h_start, other.pk))
                    kept = variant(article, text[h_start:h_end], at + h_start, at + h_end, field="text")
                    bare = variant(
                        other, words[span[0] : span[1]], start + span[0], start + span[1], field="text"
                    )
                    variants[article.pk, at + h_start] = kept
                    variants[other.pk, start + span[0]] = bare
        if variants:
            key = f"hedge_dropped:claim:{claim.pk}"  # statements.hedges_dropped's: one row (`hedges`)
            rows = scope.sort(variants.values())
            found.append(Found(Discrepancy.Kind.HEDGE_DROPPED, key, rows, claim=claim, claim_keyed=True))
    return found


def _pieces(claim: Claim) -> tuple[list[Piece], list[Piece]]:
    """The speaker's words in each evidence of the claim, each where it is in its article: its quotes
    (or, for a direct report without quotation marks, a Q&A turn, its words) and the content it reports
    (not of the outlet's own characterisation); and those with, for the other side, the reported words
    from the content's start to its sentence's end."""
    said: list[Piece] = []
    held: list[Piece] = []
    for e in claim.evidence.all():
        text = e.article.text
        quotes = [(q.get("text", ""), q.get("start")) for q in e.quotes]
        if not quotes and e.attribution == ClaimCandidate.Attribution.DIRECT:
            quotes = [(e.text, e.start)]
        for words, start in quotes:
            if words and (at := _locate(text, words, start)) >= 0:
                said.append((e.article, words, at, e.sentence))
                held.append((e.article, words, at, e.sentence))
        reported = e.attribution != ClaimCandidate.Attribution.CHARACTERISATION
        if (
            reported
            and e.text
            and (e.text, e.start) not in quotes
            and (at := _locate(text, e.text, e.start)) >= 0
        ):
            said.append((e.article, e.text, at, e.sentence))
            begins = locate(text, e.sentence, e.start)
            ends = begins + len(e.sentence) if text[begins : begins + len(e.sentence)] == e.sentence else -1
            rest = text[at:ends] if begins <= at < ends else e.text
            held.append((e.article, rest, at, e.sentence))
    return said, held


def _locate(text: str, words: str, start: int | None) -> int:
    """Where quoted words are in their article's text: at their stored start, else their first copy. A
    no-break or other odd space reads as a plain one: the extraction gives the words plain spaces where
    the stored text prints odd ones (nlp/odd_spaces.py)."""
    words = words.translate(ONE_SPACE)
    if start is not None and text[start : start + len(words)].translate(ONE_SPACE) == words:
        return start
    found = text.find(words)
    return found if found >= 0 else text.translate(ONE_SPACE).find(words)


@lru_cache(maxsize=1 << 14)
def _hedges(words: str, *, every: bool = False) -> tuple[tuple[int, int], ...]:
    """Where the hedges of some quoted words are (`every`: any hedge phrase, "some" too)."""
    found = []
    for match in hedge_pattern().finditer(words):
        if every or " ".join(match.group(0).lower().replace("’", "'").split()) in quoted_hedges():
            found.append((match.start(), match.end()))
    return tuple(found)


@lru_cache(maxsize=1 << 16)
def _said(hedge: str, sentence: str) -> bool:
    """Whether a sentence holds the hedge (its words, in any case)."""
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, hedge.split())) + r"(?!\w)"
    return re.search(pattern, sentence, re.IGNORECASE) is not None


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """The words of a text (lower case, one apostrophe), with where each is: quotes compare word by word."""
    found = WORD.finditer(text, start, len(text) if end is None else end)
    return [(m.group(0).lower().replace("’", "'"), m.start(), m.end()) for m in found]


@lru_cache(maxsize=1 << 16)
def _dropped(hedged: str, bare: str) -> tuple[tuple[int, int, tuple[int, int]], ...]:
    """Each hedge of `hedged` that `bare` leaves out of the same words: (hedge start, end, the span of
    `bare` holding those words). The words before and after the hedge meet in `bare` with nothing
    between them: all of them, or `bare` whole (as a shorter quote) across the hedge's place. Per
    process: a much-reported claim's hedged quotes are paired with each of its other quotes (the pairs
    grow with the square of its reports), most of them the same words."""
    words = _tokens(bare)
    plain = [w for w, _, _ in words]
    found = []
    for h_start, h_end in _hedges(hedged):
        before = [w for w, _, _ in _tokens(hedged, 0, h_start)]
        after = [w for w, _, _ in _tokens(hedged, h_end)]
        if not before or not after:
            continue  # at an edge: the other outlet may hold the hedge outside its marks
        stated = before + after
        if len(stated) >= MIN_WORDS and (at := _run(plain, stated)) >= 0:
            span = (words[at][1], words[at + len(stated) - 1][2])
        elif len(plain) >= MIN_WORDS and 0 <= (at := _run(stated, plain)) < len(before) < at + len(plain):
            span = (words[0][1], words[-1][2])
        elif (run := _around(plain, before, after)) is not None:
            span = (words[run[0]][1], words[run[1] - 1][2])
        else:
            continue
        found.append((h_start, h_end, span))
    return tuple(found)


def _around(plain: list[str], before: list[str], after: list[str]) -> tuple[int, int] | None:
    """Where `plain` holds the words next to a hedge on both sides, side by side or with a word of
    certainty between them (`unhedged`), at least SIDE_WORDS of them: (first, last + 1), the longest."""
    best = None
    for at in range(1, len(plain)):
        for gap in (0, 1):
            if gap and plain[at] not in unhedged():
                continue
            if at + gap >= len(plain) or plain[at - 1] != before[-1] or plain[at + gap] != after[0]:
                continue
            back = next((n for n in range(1, min(at, len(before)) + 1) if plain[at - n] != before[-n]), None)
            back = (back - 1) if back is not None else min(at, len(before))
            ahead = 0
            while (
                ahead < len(after)
                and at + gap + ahead < len(plain)
                and plain[at + gap + ahead] == after[ahead]
            ):
                ahead += 1
            if back + ahead >= SIDE_WORDS and (best is None or back + ahead > best[2]):
                best = (at - back, at + gap + ahead, back + ahead)
    return None if best is None else best[:2]


@cache
def unhedged() -> frozenset[str]:
    """The words of certainty that may stand in a hedge's place ("will" for "might")."""
    return frozenset(" ".join(p.lower().split()) for r in read_jsonl(UNHEDGED_FILE) for p in r["phrases"])


def _run(words: list[str], run: list[str]) -> int:
    """Where `run` is in `words` word for word, side by side (-1: nowhere)."""
    for at in range(len(words) - len(run) + 1):
        if words[at : at + len(run)] == run:
            return at
    return -1
