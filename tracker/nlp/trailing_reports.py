"""A second report its speaker adds with a participle after the first one's words: "Roe said the plan
would fail, explaining that it had no money", "called her son a hero before explaining why she
forgave him", "urging voters to wait and promising to ...".

Intent: both are the speaker's attributions. The parse hangs the participle in the first report's
content, which then runs on over the second one's words; selection.one_per_content would keep only
the first, the longer. A claim whose reporting word is a participle ("-ing"), whose speaker is the
first claim's own (the same words of the sentence) and which a comma, a dash or a joining word
("and", "before", "after", "while", "then") sets off inside the first claim's content keeps its words,
and the first claim's content ends before that word (`trails`, `part`).

Not: a participle that describes a thing of the content ("in a statement explaining why ..."), one
with a speaker of its own ("..., with three in 10 saying ..."), one run on with no mark or joining word,
one between the pieces of a quote its attribution splits ("“X,” Roe said, adding: “Y.”": one quotation,
as selection._between keeps it; PolNeAR train annotates it both ways)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from tracker.nlp.types import Claim

LEADS = frozenset({",", "—", "–", "--", "and", "before", "after", "while", "then"})
LEAD_WORD = re.compile(r"(--|[,—–]|\w+)[\"'”’]*\s*$")  # a quote may close after it: 'values," stating'
TRAILING_LEADS = re.compile(r"(?:\s|[,;—–]|--|\b(?:and|before|after|while|then)\b)+$")


def _cue_at(inner: Claim, outer: Claim) -> int | None:
    """Where the inner claim's reporting word stands in the outer claim's content, before its words."""
    if not inner.cue or not outer.sentence_start <= outer.start < inner.start <= outer.sentence_end:
        return None
    low, high = outer.start - outer.sentence_start, inner.start - outer.sentence_start
    found = list(re.finditer(rf"\b{re.escape(inner.cue)}\b", outer.sentence[low:high]))
    return outer.sentence_start + low + found[-1].start() if found else None


def trails(inner: Claim, outer: Claim) -> bool:
    """`inner` is a report its speaker adds with a participle inside `outer`'s content (see above)."""
    if inner.speaker_start is None or inner.speaker_start != outer.speaker_start or outer.pieces:
        return False  # a quote split by its attribution keeps its pieces whole (selection._between)
    if not inner.cue.lower().endswith("ing") or not outer.start < inner.start < outer.end:
        return False
    at = _cue_at(inner, outer)
    if at is None or at <= outer.start:
        return False
    lead = LEAD_WORD.search(outer.sentence[: at - outer.sentence_start])
    return lead is not None and lead.group(1).lower() in LEADS


def cut(outer: Claim, at: int) -> Claim:
    """`outer` (one piece) with its content ending before the mark or joining word before `at`."""
    head = TRAILING_LEADS.sub("", outer.sentence[: at - outer.sentence_start])
    end = outer.sentence_start + len(head)
    if end <= outer.start:
        return outer
    attribution = outer.attribution
    if attribution == "direct" and not any(q.start < end and q.end > outer.start for q in outer.quotes):
        attribution = "indirect"  # its quoted words were the second report's
    text = outer.sentence[outer.start - outer.sentence_start : len(head)]
    return replace(outer, end=end, text=text, attribution=attribution)


def part(claims: Sequence[Claim]) -> list[Claim]:
    """The claims, each one's content ending before the first report its speaker adds inside it."""
    parted = []
    for outer in claims:
        cuts = [
            at
            for inner in claims
            if inner is not outer and trails(inner, outer)
            for at in [_cue_at(inner, outer)]
        ]
        parted.append(cut(outer, min(cuts)) if cuts else outer)
    return parted
