"""Relayed reports: the report an outlet passes someone's words on from.

"“We will rebuild the pier,” Varga said at a press conference, according to the Ledger" holds two
attributions: Varga's words, and the Ledger's report of them ("“We will rebuild the pier,” Varga
said at a press conference"). The rules find both (framing.py reads "according to"), but the parse
often ends the sentence at the quote's closing mark, so the Ledger's content stops short of the quote
it relays; it is widened over the claim whose speaker its content names, right before it. The inner
claim keeps its speaker, its words and its tier (rated down as relayed, confidence.py).

Caveat: only a claim that ends where the "according to" content begins (quotation marks, commas and
spaces between) is taken in; a relayed report elsewhere in the paragraph is not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tracker.nlp.types import Claim

QUOTE_MARKS = "“”\"'’‘"
BETWEEN = " \t\n,.?!" + QUOTE_MARKS  # what may stand between the relayed words and the relaying content


def relay(claims: Sequence[Claim], text: str) -> list[Claim]:
    """The claims, each "according to" claim widened over the report it relays."""
    return [_widen(claim, claims, text) for claim in claims]


def _widen(claim: Claim, claims: Sequence[Claim], text: str) -> Claim:
    """ "“X,” Roe said, according to the Ledger": an "according to" claim whose content names the
    speaker of a claim right before it takes that claim's words in."""
    if claim.attribution != "according_to":
        return claim
    before = [
        c
        for c in claims
        if c is not claim
        and c.end <= claim.start
        and c.speaker_start is not None
        and claim.start <= c.speaker_start < claim.end
        and not text[c.end : claim.start].strip(BETWEEN)
    ]
    if not before:
        return claim
    start = min(c.start for c in before)
    while start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1
    sentence_start = min(claim.sentence_start, start)
    return replace(
        claim,
        start=start,
        text=text[start : claim.end],
        sentence_start=sentence_start,
        sentence=text[sentence_start : claim.sentence_end],
    )
