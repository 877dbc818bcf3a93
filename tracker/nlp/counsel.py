"""A party's lawyers arguing its case: "Roe's lawyers argued that ...", "Lawyers for Acme wrote in a
brief that ...", "Acme's legal team contended that ..." are the party's argument through its counsel,
reported as plainly as "said", with or without a word of the courtroom elsewhere in the passage.

Decides: a claim the catch-all "other" rule left at tier 1 whose speaker is a party's counsel
(resolution "agent" through a counsel word: speakers.jsonl rows marked `counsel`, "lawyers",
"attorney", "legal team"), with a clause and a verb of the "counsel" rule (patterns/confidence.jsonl:
`triggers`: argued, contended, wrote, maintained ...; "told" only to the court, `audiences`: "told the
jury", not "told reporters"), takes the rule's tier. A clause marked by "that" counts as one even where
the parser read it as a noun phrase ("argued that the conversion enriched insiders").

Why: courtroom.py publishes these verbs only in an article it reads as court coverage (a jury, a
witness stand, a filing named as such); a short write-up or a passage that says only "Roe's lawyers
argued" was left waiting, though arguing and writing briefs is what a party's lawyers do for it: the
words are the party's position as its counsel put it (`speaker_via` keeps the lawyers on the claim).

A lawyer the article names and calls one in the same phrase argues the same way, under her own name
("OpenAI's lead lawyer, William Savitt, countered that ...", "Jane Roe, a lawyer for Acme, argued
that ...": resolution "mention" or "compound", a counsel word for the phrase's head or the name's
appositive; the trial sets' f037 and u018). A name alone ("Roe argued that ...") still waits.

Caveats: a spokesperson's "argued" still waits (no counsel); a lawyer with no party named stays as
written (unresolved, no rule here). Sentence-level checks (confidence.in_context) still apply: a
promoted claim they would rate down is left as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from tracker.nlp import confidence, promotions, syntax
from tracker.nlp.lone_antecedents import waiting_speaker
from tracker.nlp.speaker_words import speaker_words, word_of
from tracker.nlp.types import Claim

RULE = "counsel"


def promote(claims: Sequence[Claim], doc: Doc) -> list[Claim]:
    """The claims, each one the "counsel" rule matches rated at its tier (module docstring)."""
    return promotions.promoted(claims, RULE, lambda claim, rule: _argued(claim, rule, doc))


def _argued(claim: Claim, rule: confidence.Rule, doc: Doc) -> bool:
    speaker = waiting_speaker(claim, rule, doc, content=_that_clause)
    if speaker is None or not _counsel(speaker.root, named=claim.resolution != "agent"):
        return False
    if claim.rule != "tell":
        return True
    verb = next((t for t in speaker.root.ancestors if t.text == claim.cue), None)
    return verb is not None and syntax.has_object(verb, confidence.rule_words(RULE, "audiences"))


def _that_clause(claim: Claim, doc: Doc) -> bool:
    """The content is marked as a clause by "that" though the parser gave it no subject ("argued that
    the conversion enriched insiders", parsed as a noun phrase headed by "insiders")."""
    content = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if claim.attribution != "indirect" or claim.pieces or content is None or not len(content):
        return False
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in content.root.children)


def _counsel(head: Token, named: bool) -> bool:
    """The speaker phrase's head is a counsel word ("Acme's lawyers"), or, for a lawyer the article
    names, the name's appositive is one ("William Savitt, OpenAI's lead lawyer, countered ..."; "OpenAI's
    lead lawyer, William Savitt, ..." has the counsel word for its head)."""
    words = speaker_words().counsel
    if word_of(head) in words:
        return True
    return named and any(c.dep_ == "appos" and word_of(c) in words for c in head.children)
