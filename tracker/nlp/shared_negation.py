"""A negation that reaches a coordinated verb: "did not come out and say X", "would not confirm or
deny that X". The auxiliary and the "not" of the first verb govern a second verb in the bare form
joined to it by "and", "or" or "nor" with no comma and no subject, auxiliary or negation of its own,
so that verb reports nothing its speaker asserted. A past form ("did not attend and said X") or a
"but" ("did not attend, but said X") starts a report of its own.

A negative phrase before the verb negates it too when the auxiliary comes before the subject (negative
inversion: "At no point did Roe say X", "Nowhere has Roe claimed X"); without the inversion the phrase
is a manner or circumstance ("With no notes, Roe said X", "In no uncertain terms, Roe said X")."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp import syntax

SHARED = frozenset({"do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must"})
JOINING = frozenset({"and", "or", "nor"})
OWN = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg"})
NEGATIVE_ADVERBS = frozenset({"nowhere"})
AUXILIARIES = frozenset({"is", "was", "has", "have", "had", "do", "does", "did"})


def negated(verb: Token, bare: str, quoted: set[int] | frozenset[int] = frozenset()) -> bool:
    """The verb is negated, itself or through the verb it is coordinated with; `bare` is its base
    form or lemma ("say"), the form a shared "did not" or "would not" takes."""
    if syntax.negated(verb, quoted) or _inverted_negative(verb):
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


def _inverted_negative(verb: Token) -> bool:
    """A negative phrase ("at no point", "nowhere") before the verb, then an auxiliary, then the subject;
    the phrase may hang on the auxiliary, and the auxiliary be parsed as the head the verb hangs on ("At
    no time has Roe claimed X")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > verb.i:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < subject.i]
    if verb.dep_ == "ccomp" and verb.head.lower_ in AUXILIARIES and verb.head.i < subject.i:
        auxiliaries.append(verb.head)
    if not auxiliaries:
        return False
    first = min(a.i for a in auxiliaries)
    return any(
        c.i < first
        and (
            (c.dep_ == "advmod" and c.lower_ in NEGATIVE_ADVERBS)
            or (c.dep_ == "prep" and any(o.dep_ == "pobj" and _no(o) for o in c.children))
        )
        for host in (verb, *auxiliaries)
        for c in host.children
    )


def _no(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
