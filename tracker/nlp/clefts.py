"""A content in a pseudo-cleft: "Doing it to a rival's model is what the firm says its terms forbid".
The parser hangs "its terms forbid" on "says" with "what" as its subject, so the clause's words run from
"what", over the speaker and the verb, to "forbid": "what the firm says its terms forbid", a fragment
that holds the speaker. What the terms forbid is the cleft's subject before the copula; the content is
that subject and the clause after the verb ("Doing it to a rival's model … its terms forbid")."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.framing import COPULAS

FRONTED = frozenset({"what"})


def split(verb: Token, complement: Token) -> tuple[set[int], range | None]:
    """(indices dropped from the complement's words, the cleft's subject) of a verb of saying that is
    the predicate of a copula right after it, opened by a "what" of the verb's or of its complement's,
    with a subject before the copula."""
    copula = verb.head
    if verb.dep_ != "ccomp" or copula.lower_ not in COPULAS or copula.i + 1 >= verb.i:
        return set(), None
    fronted = verb.doc[copula.i + 1]
    if fronted.lower_ not in FRONTED or fronted.head not in (verb, complement) or complement.i < verb.i:
        return set(), None
    subject = next((c for c in copula.children if c.dep_ in ("nsubj", "csubj") and c.i < copula.i), None)
    if subject is None:
        return set(), None
    return set(range(fronted.i, verb.i + 1)), range(subject.left_edge.i, subject.right_edge.i + 1)
