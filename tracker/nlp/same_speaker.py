"""A speaker who goes on in the same sentence: "Roe said the board approved the plan, and she added
that nobody objected" is Roe's second claim, as plainly said as her first.

Decides: a claim the catch-all "other" rule left at tier 1 whose speaker is "he" or "she" resolved to
a name (resolution "pronoun"), with a plain verb of saying and a clause (patterns/confidence.jsonl,
rule "same-speaker": its `triggers`; "tell" only to the court, `audiences`), takes the rule's tier
when its own sentence, before the pronoun, holds a claim of that name under the name itself (resolution
"mention" or "compound"), the pronoun's verb is coordinated with that claim's verb ("Roe said ..., and
she added"), and the sentence names no other person before the pronoun who may be of its gender.

Why: the "named-before" rule rates down a pronoun resolved to a name its own sentence gives before it,
because with two people there ("Roe praised Doe's plan, and he said ...") the pick was wrong about a
third of the time on PolNeAR train. With one person only, who has just been reported saying something,
no reader can take the pronoun for anyone else.

Caveats: a name inside the first claim's words counts as a rival ("Roe said Doe lied, and he added
..." waits); every other sentence-level check of confidence.in_context (relayed, embedded, aside,
hearsay, not-said ...) still applies: a promoted claim one of them would rate down is left as it was
("Roe said X, and she reportedly added Y" waits).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from tracker.nlp import confidence, promotions, syntax
from tracker.nlp.lone_antecedents import lone, pronoun_gender
from tracker.nlp.types import Claim, Mention

RULE = "same-speaker"
NAMED = frozenset({"mention", "compound"})


def promote(claims: Sequence[Claim], doc: Doc, mentions: Sequence[Mention]) -> list[Claim]:
    """The claims, each one the "same-speaker" rule matches rated at its tier (module docstring)."""
    people = [m for m in mentions if m.label == "PERSON"]
    return promotions.promoted(
        claims,
        RULE,
        lambda claim, rule: _goes_on(claim, claims, rule, doc, people),
        lambda promoted: promotions.in_context(promoted, without=(confidence.named_before,)),
    )


def _goes_on(
    claim: Claim, claims: Sequence[Claim], rule: confidence.Rule, doc: Doc, people: Sequence[Mention]
) -> bool:
    if (gender := pronoun_gender(claim, rule, doc)) is None:
        return False
    first = next(
        (
            c
            for c in claims
            if c.sentence_start == claim.sentence_start
            and c.resolution in NAMED
            and c.speaker_name == claim.speaker_name
            and (c.speaker_end or claim.speaker_start) < claim.speaker_start
        ),
        None,
    )
    before = doc.char_span(claim.sentence_start, claim.speaker_start, alignment_mode="contract")
    if first is None or before is None or not lone(claim.speaker_name, before, people, gender):
        return False
    pronoun = doc.char_span(claim.speaker_start, claim.speaker_end, alignment_mode="expand")
    named = doc.char_span(first.speaker_start or 0, first.speaker_end or 0, alignment_mode="expand")
    if pronoun is None or named is None or not len(pronoun) or not len(named):
        return False
    verb = pronoun.root.head
    if verb not in named.root.head.conjuncts:
        return False  # "Roe said X, and she added Y": the pronoun's verb coordinated with the name's
    return claim.rule != "tell" or syntax.has_object(verb, confidence.rule_words(RULE, "audiences"))
