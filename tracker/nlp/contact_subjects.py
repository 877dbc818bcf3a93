"""A contact relative clause the parser read as a gerund with its object: "... -- spending the senator
said is meant to “buy votes” in the county" is "spending (that) the senator said is meant to ...", but
the parser made "spending" a verb with "the senator" its object, and the subject of "said", so the
spending spoke. A subject of a verb of saying that governs an object ending right before the verb is
the noun the relative clause describes, and its object is who spoke: a gerund phrase ("cutting the
budget") says nothing. So too after a verb of perceiving: "hearing him say it" (the parser made
"hearing" the subject of "say"), he says it. A shape issue 12 lists among dev's misses."""

from __future__ import annotations

from spacy.tokens import Token


def speaker(subject: Token, verb: Token) -> Token | None:
    """The object of `subject` when it ends right before `verb`; None for any other subject."""
    thing = next((c for c in subject.rights if c.dep_ == "dobj"), None)
    return thing if thing is not None and thing.right_edge.i + 1 == verb.i else None
