"""What a verb of describing says its object is: "described the dinner as Washington celebrating
itself", "characterised the agency as poorly managed". The parser often hangs the "as" phrase apart
from the object, as an adverbial clause of the verb or of a verb above it ("were more likely to
describe her as likable"), so the verb's phrase stopped at the object; PolNeAR's content, like a
reader's, is the object with what it is described as. Read for the triggers marked "predicate"
(patterns/reporting_verbs.jsonl: describe, characterise).

An "as" clause with a subject and a verb of its own, or an auxiliary, tells when ("described the
scene as he walked in", "as it was being counted"): it is not taken."""

from __future__ import annotations

from spacy.tokens import Token

AUXILIARIES = frozenset({"aux", "auxpass"})


def predicate(verb: Token, last: int) -> range:
    """Token indices of the "as" phrase right after `last` (the last token of the verb's phrase);
    empty when there is none or it tells when."""
    doc = verb.doc
    at = last + 1
    if at >= len(doc) or doc[at].lower_ != "as":
        return range(0)
    opened = doc[at] if doc[at].dep_ == "prep" else doc[at].head
    if opened.left_edge.i != at or opened.i < at or verb in opened.subtree:
        return range(0)  # "as" must open the phrase it belongs to
    if any(c.dep_ in AUXILIARIES for c in opened.children):
        return range(0)  # "as he was leaving"
    if any(c.dep_ == "nsubj" for c in opened.children) and not opened.lower_.endswith("ing"):
        return range(0)  # "as he walked in"; "as Washington celebrating itself" stays
    return range(at, opened.right_edge.i + 1)
