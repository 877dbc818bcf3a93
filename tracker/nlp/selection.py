"""Which claims to keep: one per stretch of content."""

from __future__ import annotations

from collections.abc import Iterable

from tracker.nlp import joined_reports
from tracker.nlp.trailing_reports import part, trails
from tracker.nlp.types import Claim


def _shared(a: Claim, b: Claim) -> int:
    """How many characters of content two claims share (0 or less: none)."""
    return min(a.end, b.end) - max(a.start, b.start)


def denials_yield(claims: list[Claim], denied: set[str]) -> list[Claim]:
    """A negated report ("would not say whether X": a rule in `denied`) is kept only where no other
    claim reports any of its words."""
    reports = [c for c in claims if c.rule not in denied]
    return [c for c in claims if c.rule not in denied or not any(_shared(c, r) > 0 for r in reports)]


def _reported(inner: Claim, outer: Claim) -> bool:
    """ "According to X, Smith testified that Y": the outlet's source for a claim keeps it whole."""
    return outer.attribution == "according_to" and outer.start <= inner.start and inner.end <= outer.end


def _between(inner: Claim, outer: Claim) -> bool:
    """ "“X,” said Roe, who also said Y. “Z.”": the inner claim stands between two pieces of the
    outer one's content, in no piece of it. Not a participle ("“X,” Roe wrote in a statement
    explaining why ... “Z.”"): how the outer report was made, which it keeps."""
    if inner.cue.endswith("ing"):
        return False
    gaps = zip(outer.pieces, outer.pieces[1:], strict=False)
    return any(before[1] <= inner.start and inner.end <= after[0] for before, after in gaps)


# not "that": as often a complementizer ("told Roe that she was not available") as a relative pronoun
RELATIVES = frozenset({"which", "whom", "who"})
RELATIVE_REACH = 3  # words from the speaker to its verb ("which he later called")


def _relative(inner: Claim, outer: Claim) -> bool:
    """ "Roe said she backs the bill, which she called “a start”": a report in a relative clause of
    the outer content (the word before its speaker a relative pronoun) is an attribution of its own,
    which the outer claim's words take in without reporting it. Kept below the published tiers."""
    if inner.confidence > 1 or inner.speaker_start is None:
        return False
    if not (outer.start <= inner.start and inner.end <= outer.end and outer.start < inner.speaker_start):
        return False
    # the relative clause's own report: its verb right after its speaker ("which she called"), not a
    # verb further on that the speaker does not govern ("which she was doing when guards told her")
    after = inner.sentence[(inner.speaker_end or inner.speaker_start) - inner.sentence_start :].split()
    words = [w.strip(",;:\"“”'") for w in after[:RELATIVE_REACH]]
    return inner.word_before_speaker() in RELATIVES and inner.cue in words


def one_per_content(claims: Iterable[Claim]) -> list[Claim]:
    """One claim per stretch of content. Two triggers over the same words ("declined to say who",
    "said ..., adding") make one claim, and a claim reported inside another one's content ("Smith
    said Jones told him X") is second-hand: the outer claim, the longer, keeps it. A claim between
    the pieces of another's content is its own, and so is one its speaker adds with a participle
    ("said X, explaining Y": trailing_reports.py), and one with a speaker of its own joined by a word
    of contrast ("accused X while Y warned Z": joined_reports.py)."""
    kept: list[Claim] = []
    for claim in sorted(claims, key=lambda c: (-(c.end - c.start), c.start)):
        length = claim.end - claim.start
        if not any(
            _shared(claim, k) >= 0.5 * min(length, k.end - k.start)
            and not _reported(claim, k)
            and not _between(claim, k)
            and not _relative(claim, k)
            and not trails(claim, k)
            and joined_reports.joined_at(claim, k) is None
            for k in kept
        ):
            kept.append(claim)
    # "said X, explaining Y", "said X, while Y warned Z": X's content ends before the report added to it
    return joined_reports.part(part(kept))
