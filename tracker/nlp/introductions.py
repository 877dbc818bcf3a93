"""Where the little phrase after a verb of saying ends, before the quote it introduces: "told reporters
on Monday: “...”", "responded pointedly, with a smile: “...”". The phrase is the verb's object,
dative, prepositional and adverbial dependents; a colon after the verb ends it even when the parser
hung the quote's words on one of them ("with a smile: “Can happen ...”": "happen" under "smile"),
so the quote is still the one the verb introduces. An object keeps its whole phrase: "revealed a few
relevant facts: “...”" reports the object and the quote as one content, as PolNeAR's annotators do."""

from __future__ import annotations

from spacy.tokens import Span, Token

PHRASE = frozenset({"dobj", "dative", "prep", "npadvmod", "advmod"})
OBJECTS = frozenset(
    {"dobj", "dative"}
)  # "revealed a few facts: “...”": the object and the quote, one content


def phrase_end(verb: Token, segment: Span, last: int) -> int:
    """The character where the verb's phrase ends, at least `last` (the attribution's own end)."""
    doc = verb.doc
    colon = next((t.i for t in doc[verb.i + 1 : segment.end] if t.text == ":"), segment.end)
    ends = [
        c.right_edge.i if c.dep_ in OBJECTS else min(c.right_edge.i, colon - 1)
        for c in verb.rights
        if c.dep_ in PHRASE and c.right_edge.i < segment.end
    ]
    return max([last, *(doc[i].idx + len(doc[i]) for i in ends)])
