"""The one told read as the clause told: "Roe told Circuit Judge Ann Lee that the model matched 87
percent of the prompts" parsed with the judge's name as the verb's clausal complement (a "ccomp" that is
a noun), the "that" clause hung on the name or on the verb after it. The content was then the name alone
("Circuit Judge Ann Lee"), or the name with the clause, and the report said nothing of what Roe said.

A clausal complement that is a name is no clause: the verb's content is the "that" (or "whether") clause
after it, a child of the noun or of the verb (`syntax.is_complement`). With no such clause the parse
stands."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp import syntax

OWN = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark"})  # what a clause's verb has, a name not


def clause(verb: Token, complement: Token) -> Token:
    """The complement the verb reports: `complement`, unless it is a name (in an entity the recogniser
    found, with no subject, auxiliary or mark of its own: the pipeline tags no parts of speech) with a
    marked clause after it."""
    if not complement.ent_type_ or any(c.dep_ in OWN for c in complement.children):
        return complement
    after = (*complement.rights, *verb.rights)
    marked = [c for c in after if c.dep_ == "ccomp" and c.i > complement.i and syntax.is_complement(c)]
    return min(marked, key=lambda c: c.i, default=complement)
