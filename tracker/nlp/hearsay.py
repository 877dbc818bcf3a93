"""Sayings the outlet passes on as hearsay: an adverb of hearsay on the verb of saying ("Roe
reportedly told staff that ...", "“...,” Roe allegedly said", "Roe has reportedly said ...") or
opening the sentence alone before its speaker ("Reportedly, Roe told friends ..."). The outlet does
not vouch that the words were said, only that someone says they were: under the speaker's name the
claim would read as said. Rated as the "hearsay" rule of patterns/confidence.jsonl (its words), it
waits for a curator.

Only the few words between the speaker and the verb count (an adverb or an auxiliary with it): the
adverb of a clause describing the speaker ("Roe, who reportedly met the buyers, said ...") or of the
words themselves ("Roe said the money was allegedly stolen") leaves the saying as it was."""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.nlp.types import Claim

WORDS = re.compile(r"[\w’']+|[^\w\s]")
MAX_BETWEEN = 3  # "has reportedly also said": the words between the speaker and the verb


def hearsay(claim: Claim, words: frozenset[str]) -> bool:
    """Whether the saying itself is marked as hearsay by one of `words` (module docstring)."""
    if claim.speaker_start is None or claim.speaker_end is None or not claim.cue or not words:
        return False
    first = claim.sentence_start
    after = claim.sentence[max(claim.speaker_end - first, 0) :]
    verb = re.search(rf"(?<![\w’']){re.escape(claim.cue)}(?![\w’'])", after)
    between = [w.lower() for w in WORDS.findall(after[: verb.start()])] if verb else []
    if verb and len(between) <= MAX_BETWEEN and words.intersection(between):
        return True
    opening = [w.lower() for w in WORDS.findall(claim.sentence[: max(claim.speaker_start - first, 0)])]
    return opening in ([w] for w in words) or opening in ([w, ","] for w in words)


def rated(claim: Claim, tier: int | None, rule: str, words: frozenset[str]) -> Claim:
    """The claim rated as `rule` at `tier` when it stands above that tier and is marked as hearsay."""
    if tier is None or claim.confidence <= tier or not hearsay(claim, words):
        return claim
    return replace(claim, confidence=tier, confidence_rule=rule)
