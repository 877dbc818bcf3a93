"""Negated speakers: a report whose subject says that no one made it ("Neither Roe nor Doe said the
board knew", "No witness testified that ...", "None of the directors said ...", "Nobody at Acme
said ..."). The sentence tells that the words were not said; under the names it holds, the claim
would read as said by them. Rated as what someone did not say (confidence rule "not-said", tier 0).

Read on the speaker's words: it opens with "neither", "none", "nobody" or "not" ("Not a single
witness said ..."), or with "no" and a word in lower case ("No one", "No witness"; "No Labels", a
name, keeps its claim)."""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.nlp.types import Claim

NEGATORS = frozenset({"neither", "none", "nobody", "not", "no-one"})
WORDS = re.compile(r"[\w’'-]+|[^\w\s]")


def negated(claim: Claim) -> bool:
    """Whether the claim's speaker says that no one made the report (module docstring)."""
    words = WORDS.findall(claim.speaker)
    if not words:
        return False
    first = words[0].lower()
    if first in NEGATORS:
        return True
    return first == "no" and len(words) > 1 and words[1][:1].islower()


def rated(claim: Claim, tier: int, rule: str) -> Claim:
    """The claim rated as `rule` at `tier` when its speaker is negated and it stands above that tier."""
    if claim.confidence <= tier or not negated(claim):
        return claim
    return replace(claim, confidence=tier, confidence_rule=rule)
