"""Words the article reports that no one would sign under the speaker it gives: a product's output, an
organisation's internal document, a premise a questioner puts to a witness.

Decides, after every other rating (the promotions and the transcript's turns included), for a claim
rated above the rule's tier (patterns/confidence.jsonl), that it waits for a curator:
- `product-speaker`: its speaker is a curated entity of the kind product ("Grok replied that it
  “cannot confirm ...”"): a chatbot's answer is the product's output, not a statement by the company
  behind it or by anyone;
- `document-speaker`: its speaker phrase has a word of the rule's `words` (a memo, an email, slides,
  minutes) and is credited to an organisation named inside it ("An internal Acme memo from May says
  engineers should ..."): an internal document shown as evidence is not the organisation's statement; a person's own
  email stays theirs ("a fundraising email sent out by Roe"), and a letter, a report or a filing, which
  organisations publish as their own, are not in the list;
- `put-to-witness`: a transcript's turn ("ROE: You told this jury that ...") whose words open with the
  rule's `openers` (a "you" and what leads to it): the questioner puts a premise to the witness, it is
  not the questioner's own claim (and not the witness's).

Why (session 22): the third trial set, written blind, published all three under the names (t061,
t089, t051: tier 3). On PolNeAR train none of the three changes a claim (no curated products, no
organisation's memo or email at tier >= 2, no transcripts). The entity model's own PRODUCT label is
not trusted: on train it rated down two published claims, one a person's ("his friend Mahamat Saleh
Oumar", right) and one a misparse ("Mr. Trump - 60 percent of voters", wrong).

Caveats: the document rule reads the speaker phrase only ("The memo Acme sent to staff said" is credited
to no one and already waits); the premise rule reads transcripts' turns only, where a lawyer's "You
..." in prose ("“You lied,” Roe said to the witness") is a claim of the lawyer's; a witness's own
turn that opens with "you" ("You have to understand ...") would wait too (none in the trial sets).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from tracker.nlp import confidence
from tracker.nlp.types import Claim, Mention

PRODUCT, DOCUMENT, PREMISE = "product-speaker", "document-speaker", "put-to-witness"
PRODUCTS = frozenset({"PRODUCT"})
OWNERS = frozenset({"ORG"})  # an organisation's document; a person's is their own words
TURN = "transcript-turn"  # the trigger of a transcript's turns (transcripts.py)
POSSESSIVE = re.compile(r"['’]s?$")


def rated(claims: Sequence[Claim], mentions: Sequence[Mention]) -> list[Claim]:
    """The claims, each one of the module docstring's rules matches rated down to its tier."""
    return [_rated(claim, mentions) for claim in claims]


def _rated(claim: Claim, mentions: Sequence[Mention]) -> Claim:
    for rule_id, matches in ((PRODUCT, _product), (DOCUMENT, _document), (PREMISE, _premise)):
        rule = confidence.rule_named(rule_id)
        if rule is not None and claim.confidence > rule.tier and matches(claim, mentions):
            return replace(claim, confidence=rule.tier, confidence_rule=rule.id)
    return claim


def _named(
    claim: Claim, mentions: Sequence[Mention], labels: frozenset[str], *, curated: bool = False
) -> bool:
    """A mention of one of `labels` (of a curated entity, if `curated`) inside the speaker phrase
    names whom the claim is credited to."""
    if claim.speaker_start is None or claim.speaker_end is None:
        return False
    credited = {n for n in (claim.speaker_entity, claim.speaker_name, claim.speaker) if n}
    return any(
        m.label in labels
        and (m.entity_id is not None or not curated)
        and claim.speaker_start <= m.start < claim.speaker_end
        and (m.entity in credited or m.text in credited)
        for m in mentions
    )


def _product(claim: Claim, mentions: Sequence[Mention]) -> bool:
    return _named(claim, mentions, PRODUCTS, curated=True)


def _document(claim: Claim, mentions: Sequence[Mention]) -> bool:
    words = {POSSESSIVE.sub("", w).lower() for w in claim.speaker.split()}
    return bool(words & confidence.rule_words(DOCUMENT)) and _named(claim, mentions, OWNERS)


def _premise(claim: Claim, mentions: Sequence[Mention]) -> bool:
    opens = _openers()
    return claim.rule == TURN and opens is not None and bool(opens.match(claim.text))


@cache
def _openers() -> re.Pattern[str] | None:
    words = sorted(confidence.rule_words(PREMISE, "openers"), key=len, reverse=True)
    return re.compile(rf"^\W*(?:{'|'.join(words)})\b", re.IGNORECASE) if words else None
