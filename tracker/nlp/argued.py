"""A person the article names arguing or conceding, in a sentence of their own: "Roe argued that ...",
"Acme has maintained that ...", "Doe acknowledged on Thursday that ..." report a position as plainly as
"said", in court coverage or not.

Decides: a claim the catch-all "other" rule left at tier 1, with a clause, a verb of the "argued-named"
rule (patterns/confidence.jsonl `triggers`: acknowledged, admitted, argued, asserted, conceded,
contended, maintained, pointed out) and a name for speaker (resolution "mention" or "compound"), takes the rule's
tier when that verb is finite, in the past or the present ("argued", "argues", "has argued"), and the
name is its own subject.

Why: courtroom.py publishes these verbs only in an article it reads as court coverage, so a short
write-up of a trial ("Savitt argued that Musk sued only after xAI fell behind"; six trial sets, each
written by someone else, wait on it) was left waiting. On PolNeAR train, with no word of the courtroom,
these verbs under a name were right in 74 of 78 claims (read by hand); the four wrong were a
participle given to a dateline ("WASHINGTON - ..., acknowledging that ..."), a participle of refusal
("refusing to acknowledge that"), an infinitive ("not unreasonable for Roe to assert that") and a
plural verb the parser gave a singular name ("Gulf sources believe ... and admit that ..."). With the
finite verb and its own subject required, 51 are promoted, all right by reading (50 judged right by
the scorer, one not annotated). "Pointed out" joined in session 30 (7 promoted on train, all 7 judged
right; the one wrong name under it, "tweeted back at Roe pointing out", is a participle that waits).

Caveats: a relative clause ("Roe, who acknowledged that ...") and a verb under another ("Roe appeared
to acknowledge that ...", whose subject belongs to "appeared") still wait; "countered" waits (no
measure of it on train); the sentence-level checks (confidence.in_context) still apply.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from tracker.nlp import confidence, promotions
from tracker.nlp.lone_antecedents import waiting_speaker
from tracker.nlp.types import Claim

RULE = "argued-named"
FINITE = ("ed", "s")  # "argued", "has argued", "argues"; not "argue", "arguing", "to argue"


def promote(claims: Sequence[Claim], doc: Doc) -> list[Claim]:
    """The claims, each one the "argued-named" rule matches rated at its tier (module docstring)."""
    return promotions.promoted(claims, RULE, lambda claim, rule: _argued(claim, rule, doc))


def _argued(claim: Claim, rule: confidence.Rule, doc: Doc) -> bool:
    speaker = waiting_speaker(claim, rule, doc)
    if speaker is None:
        return False
    verb = speaker.root.head
    return speaker.root.dep_ == "nsubj" and verb.text == claim.cue and _finite(verb)


def _finite(verb: Token) -> bool:
    """The verb is in the past or the present of its own subject ("argued", "argues", "has argued"),
    not negated, not a participle in -ing, an infinitive or a plural form (the pipeline tags no parts
    of speech, so the ending tells; a passive "was acknowledged" has no "nsubj")."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ == "to") for c in verb.children):
        return False
    return verb.lower_.endswith(FINITE)
