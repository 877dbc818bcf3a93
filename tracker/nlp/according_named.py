"""A person's account opening its sentence: "According to Roe, the board approved the sale."

Decides: a claim the "reported-by" rule left at tier 1 (attribution "according to") whose speaker is a
person the article names (resolution "mention" or "compound", the speaker phrase holding a PERSON
mention), when its sentence opens with "According to" and the speaker, and its content is everything
after the comma, running to the sentence's end, takes the tier of the "according-named" rule
(patterns/confidence.jsonl).

Why: "according to" waits because the outlet mostly passes on another's report with it ("according to
CNN", "according to a court filing", "according to records"); opening a sentence with a person's name
it puts that person's account in a clause as plainly as "Roe said". The trial sets' f115, t027 and u050
("According to Musk, xAI stopped the practice in late 2024").

Caveats: not "according to" after the words ("..., according to Roe."), where the content the parser
gives is often a fragment of the sentence ("ever has been") or someone else's quote passed on ("“...,”
Doe said, according to Roe"); not an organisation, an outlet, a document or a poll; not a content that
opens with a quotation mark (the words are quoted, and what follows them may be the outlet's gloss), nor
one that starts later than the comma (the parser cut its subject off). Sentence-level checks
(confidence.in_context) still apply.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.nlp import promotions
from tracker.nlp.types import Claim, Mention

RULE = "according-named"
CAUGHT_BY = "reported-by"
RESOLUTIONS = frozenset({"mention", "compound"})
OPENER = re.compile(r"\W*according\s+to\s+$", re.IGNORECASE)
COMMA = re.compile(r"\s*,\s*$")
QUOTES = "“‘\"'"


def promote(claims: Sequence[Claim], mentions: Sequence[Mention]) -> list[Claim]:
    """The claims, each one the "according-named" rule matches rated at its tier (module docstring)."""
    people = [m for m in mentions if m.label == "PERSON"]
    return promotions.promoted(claims, RULE, lambda claim, rule: _opens(claim, people))


def _opens(claim: Claim, people: Sequence[Mention]) -> bool:
    start, end = claim.speaker_start, claim.speaker_end
    if claim.confidence_rule != CAUGHT_BY or claim.resolution not in RESOLUTIONS or start is None or not end:
        return False
    if claim.pieces or claim.text[:1] in QUOTES or not any(start <= m.start and m.end <= end for m in people):
        return False
    first = claim.sentence_start
    if not OPENER.fullmatch(claim.sentence[: start - first]) or not COMMA.fullmatch(
        claim.sentence[end - first : claim.start - first]
    ):
        return False
    return not claim.sentence[claim.end - first :].strip(" .!?”’\"'")
