"""A quoted predicate the parser hung on the reporting verb's object: "Roe insisted the merger “protected
the workers”" parsed as "insisted [the merger protected ...]" with "protected" a participle (acl) of
"merger", the object. A participle after a noun follows it with no quotation mark between ("the merger
protected by law"); when only an opening quotation mark stands between the noun and the verb, the
quotation opens the predicate of a clause whose subject is the noun, and the noun with its quotation
is the content, a clause ("the merger “protected the workers”"), not a noun phrase."""

from __future__ import annotations

from spacy.tokens import Token

OBJECTS = frozenset({"dobj"})


def clause(verb: Token) -> tuple[int, int] | None:
    """(first, last) token index of the noun and its quoted predicate after `verb`; None otherwise."""
    doc = verb.doc
    for noun in verb.rights:
        if noun.dep_ not in OBJECTS:
            continue
        for predicate in noun.rights:
            between = doc[noun.i + 1 : predicate.i]
            if predicate.dep_ == "acl" and len(between) and all(t.is_quote for t in between):
                return noun.left_edge.i, predicate.right_edge.i
    return None
