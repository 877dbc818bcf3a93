"""A second report with a speaker of its own, joined to the first one's words by a word of contrast:
"Board members accused each other of wasting money while teachers warned of layoffs", "Most say the
park is a success, though residents are more likely to say the parking is too scarce".

Intent: both are attributions, each with its own speaker. The parse hangs the second clause in the
first report's content, which then runs on over the second one's speaker and words, and
selection.one_per_content would keep only the first, the longer. nested_reports.py cuts such a clause
from the parse when its verb of saying has words of its own (a clause, an object); this reads the
claims instead, and catches the second reports the parse hides from it: a verb with a preposition
("warned of"), one under another verb ("are more likely to say"), a pronoun for speaker ("though they
blame": on PolNeAR train an attribution of its own). A claim whose speaker stands inside
the first claim's content after "while", "though", "although", "whereas", "even as" or ", but", and
is not the first claim's speaker, keeps its words; the first claim's content ends before that word.

Not: a joining "and" or "with" ("The poll showed 59 percent disapprove, and 74 percent said ...",
"..., with the economy adding 151,000 jobs": on PolNeAR train all three such clauses were the first
speaker's words, a finding it passes on, or no report at all); the words of a source the outlet cites ("According to the filing, X, while Y
said Z": PolNeAR gives "according to" everything after it); a joining word inside a quotation."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.nlp.trailing_reports import cut
from tracker.nlp.types import Claim

JOINER = re.compile(r"(?:,\s*but|\bwhile|\bthough|\balthough|\bwhereas|\beven as)\s*$", re.I)


def joined_at(inner: Claim, outer: Claim) -> int | None:
    """Where the joining word before `inner`'s speaker stands, when `inner` is a report joined inside
    `outer`'s content (see above); else None."""
    if inner.speaker_start is None or inner.speaker_start == outer.speaker_start or outer.pieces:
        return None
    if outer.attribution == "according_to":
        return None
    if not outer.start < inner.speaker_start < outer.end or inner.start < inner.speaker_start:
        return None
    found = JOINER.search(outer.sentence[: inner.speaker_start - outer.sentence_start])
    at = None if found is None else outer.sentence_start + found.start()
    if at is None or at <= outer.start or any(q.start <= at < q.end for q in outer.quotes):
        return None
    return at


def part(claims: Sequence[Claim]) -> list[Claim]:
    """The claims, each one's content ending before the first report joined inside it."""
    parted = []
    for outer in claims:
        found = (joined_at(inner, outer) for inner in claims if inner is not outer)
        cuts = [at for at in found if at is not None]
        parted.append(cut(outer, min(cuts)) if cuts else outer)
    return parted
