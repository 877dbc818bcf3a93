"""A figure outlets disagree on inside one claim's words (issue 16): one statement, reported by two
outlets with the same words around a different figure ("matched 87 percent of the canary prompts" /
"matched 78 percent of the canary prompts"; "reproduced 31 of 40 hidden watermark sequences" / "34 of
40"), that `figures.numbers_differ` does not compare because `nlp.amounts` reads no amount there.

Claim linking put the reports on one claim by a shared slot key (`claim_slots`: a run of words around a
figure). Here the evidence of one claim holding a shared key in its content is aligned at it: the
longest run of words (each figure a SLOT) the key sits in that every such evidence's content holds
alike; the figures of that run are compared, slot by slot, as `figures.numbers_differ` compares values
(`figure_values.varies`: different outlets, neither stating both, apart by more than half a percent).
A run every one of whose figures is already an amount of `nlp.amounts` is left to `numbers_differ`
(no row twice). A figure next to a month name is a date's (`figures.dates_differ`), not compared here.
Evidence whose sentence its article's text no longer holds there (read in an earlier text) is left out.
Caveat: only the claim's own evidence is read: two claims are never compared (two statements).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from tracker.crossref import claim_slots
from tracker.crossref.discrepancies.figure_values import rounded, varies
from tracker.crossref.discrepancies.figures import amounts
from tracker.crossref.discrepancies.scope import Found, Scope, digest, outlet_ids, variant
from tracker.crossref.models import Discrepancy
from tracker.crossref.story_reads import locate
from tracker.crossref.words import normalise_quote

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+")


class _Token(NamedTuple):
    word: str  # the word, lowercased, or SLOT for a run of numbers
    start: int  # offsets in the article's text
    end: int
    value: float | None  # a slot's first number


def tokens(text: str, offset: int = 0) -> list[_Token]:
    """The text's words with their offsets, a run of numbers one SLOT (as `claim_slots.slotted`); unlike
    it, a month name and an ordinal ("31st") stay words (`_dated` reads the months), so a key over either
    is not found here (`_aligned`: no row)."""
    out: list[_Token] = []
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if _NUMBER.fullmatch(word):
            if out and out[-1].word == claim_slots.SLOT:
                out[-1] = out[-1]._replace(end=offset + m.end())
                continue
            out.append(_Token(claim_slots.SLOT, offset + m.start(), offset + m.end(), float(word)))
        else:
            out.append(_Token(word, offset + m.start(), offset + m.end(), None))
    return out


def _at(words: list[str], run: list[str]) -> int | None:
    """Where a run of words first sits among `words`."""
    return next((i for i in range(len(words) - len(run) + 1) if words[i : i + len(run)] == run), None)


def slot_figures(scope: Scope) -> list[Found]:
    found, outlets = [], outlet_ids(scope.articles.values())
    for claim in scope.claims:
        if not scope.owns(claim):
            continue
        by_key = defaultdict(list)  # a slot key -> the evidence holding it, with its sentence's tokens
        for evidence in claim.evidence.all():
            article = scope.articles.get(evidence.article_id)
            if article is None or not evidence.text:
                continue
            start = locate(article.text, evidence.sentence, evidence.start)
            if normalise_quote(article.text[start : start + len(evidence.sentence)]) != normalise_quote(
                evidence.sentence
            ):
                continue  # read in an earlier text of the article: not where it says it now
            at = evidence.sentence.find(evidence.text)  # the content's words, else the sentence's
            toks = tokens(evidence.text, start + at) if at >= 0 else tokens(evidence.sentence, start)
            for key in claim_slots.keys(evidence.text):
                by_key[key].append((article, toks))
        seen = set()
        for key, held in sorted(by_key.items()):
            if len({outlets[a.pk] for a, _ in held}) < 2:
                continue
            runs = _aligned(key, held)
            if runs is None or (ident := frozenset((a.pk, r[0].start) for a, r in runs)) in seen:
                continue
            seen.add(ident)
            if row := _row(scope, claim, runs, outlets):
                found.append(row)
    return found


def _aligned(key: str, held: list) -> list | None:
    """Each evidence's longest run of tokens, around the key, that all of them hold alike."""
    run = key[len(claim_slots.KEY) :].split()
    places = []
    for article, toks in held:
        at = _at([t.word for t in toks], run)
        if at is None:
            return None
        places.append((article, toks, at))
    lo, hi = 0, len(run)
    while (
        all(at + lo - 1 >= 0 for _, _, at in places)
        and len({t[at + lo - 1].word for _, t, at in places}) == 1
    ):
        lo -= 1
    while all(at + hi < len(t) for _, t, at in places) and len({t[at + hi].word for _, t, at in places}) == 1:
        hi += 1
    return [(article, toks[at + lo : at + hi]) for article, toks, at in places]


def _row(scope: Scope, claim, runs: list, outlets: dict[int, int]) -> Found | None:
    """The runs' figures compared slot by slot: a Found when one differs between outlets."""
    slots = [i for i, t in enumerate(runs[0][1]) if t.word == claim_slots.SLOT]
    if any(_dated(toks, i) for _, toks in runs for i in slots):
        return None  # a date's day or year: `figures.dates_differ` compares dates
    differs = [
        i for i in slots if varies({(a.pk, rounded(r[i].value), frozenset()) for a, r in runs}, outlets)
    ]
    if not differs or all(_amount(a.text, r[i]) for a, r in runs for i in slots):
        return None
    text = " ".join(t.word for t in runs[0][1])
    variants = [
        variant(
            a, a.text[r[0].start : r[-1].end], r[0].start, r[-1].end, field="text", value=r[differs[0]].value
        )
        for a, r in runs
    ]
    key = f"number:claim:{claim.pk}:slot:{digest(text)}"
    return Found(Discrepancy.Kind.NUMBER, key, scope.sort(variants), claim=claim, claim_keyed=True)


def _dated(toks: list[_Token], i: int) -> bool:
    return any(t.word in claim_slots.MONTHS for t in toks[max(0, i - 1) : i + 2])


def _amount(text: str, token: _Token) -> bool:
    """Whether `nlp.amounts` reads an amount at the token (`figures.numbers_differ` compares it)."""
    return any(a.start <= token.start and token.end <= a.end for a, *_ in amounts(text))
