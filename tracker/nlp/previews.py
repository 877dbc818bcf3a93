"""What an audience is told it will hear: "Roe told jurors they would hear a simple story", "Doe told
the jury it will see emails in Acme's own words", "Roe assured them they would be shown the contract".

Decides the form PREVIEW (rule "preview" of patterns/confidence.jsonl) for a verb with an object, the
one told, and a clause whose subject is that audience again (a pronoun, "they", "you", "it", or the
object's own word) and whose verb, under "will" or "would", is one of perceiving the rule's `words`
list (hear, see, learn, be shown ...). The words are a promise of what the speaker is about to
present (a lawyer's opening to the jury, restated by the outlet), not a claim about the case: what the
story is comes after, in the speaker's own words, and under the speaker's name "they would hear a
simple story" is nothing a reader would sign. Such a claim waits for a curator, and no promotion
(court-named, lone-antecedent, same-speaker: all promote only the catch-all rule's claims) lifts it.

A clause about someone else ("told jurors Doe would testify"), one without "will" or "would" ("told
jurors they must not read the coverage": an instruction, a ruling's words) or with another verb
("told jurors they will resume deliberations at 8:30") stays a claim; so does a report with no one
told ("The judge ruled that the jury would hear testimony about ...": what the court decided).

Why (session 27): the third trial set's t126 published "they would hear a simple story" under the
lawyer's name at tier 2 ("court-named"), words no expectation has. PolNeAR train has no such claim.
"""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.confidence import rule_words

PREVIEW = "preview"  # the form, and the rule of patterns/confidence.jsonl
OBJECTS = frozenset({"dobj", "dative"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
AUDIENCE = frozenset({"they", "you", "it"})  # the one told, again: "told the jury it would hear"
FUTURE = frozenset({"will", "would", "'ll", "’ll", "wo", "shall"})


def preview(verb: Token) -> str | None:
    """PREVIEW when `verb` tells someone what they will perceive (module docstring), else None."""
    told = {c.lower_ for c in verb.children if c.dep_ in OBJECTS}
    if not told:
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lower_ not in rule_words(PREVIEW):
            continue
        subjects = [c.lower_ for c in clause.children if c.dep_ in SUBJECTS]
        future = any(c.dep_ == "aux" and c.lower_ in FUTURE for c in clause.children)
        if future and subjects and subjects[0] in AUDIENCE | told:
            return PREVIEW
    return None
