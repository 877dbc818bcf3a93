"""A negation that reaches a coordinated verb: "did not come out and say X", "would not confirm or
deny that X". The auxiliary and the "not" of the first verb govern a second verb in the bare form
joined to it by "and", "or" or "nor" with no comma and no subject, auxiliary or negation of its own,
so that verb reports nothing its speaker asserted. A past form ("did not attend and said X") or a
"but" ("did not attend, but said X") starts a report of its own."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp import syntax

SHARED = frozenset({"do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must"})
JOINING = frozenset({"and", "or", "nor"})
OWN = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg"})


def negated(verb: Token, bare: str, quoted: set[int] | frozenset[int] = frozenset()) -> bool:
    """The verb is negated, itself or through the verb it is coordinated with; `bare` is its base
    form or lemma ("say"), the form a shared "did not" or "would not" takes."""
    if syntax.negated(verb, quoted):
        return True
    first = verb.head
    if verb.dep_ != "conj" or verb.lower_ != bare.split()[0] or not syntax.negated(first, quoted):
        return False
    if any(c.dep_ in OWN for c in verb.children):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in SHARED for c in first.children):
        return False
    between = verb.doc[first.i + 1 : verb.i]
    joins = [t for t in between if t.head.i == first.i and t.dep_ == "cc"]
    return bool(joins) and all(t.lower_ in JOINING and t.nbor(-1).text != "," for t in joins)
