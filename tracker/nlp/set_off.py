"""An object after a phrase set off by commas between it and its verb: "described, in vivid terms,
the chaos at the border", "denied, under oath, any role", "described, as she had before, the plan".
The verb's phrase stops at the second comma, so the content was the set-off phrase ("in vivid
terms"): how or when it was said, not what. What was said is the verb's object right after it."""

from __future__ import annotations

from spacy.tokens import Token


def object_after(verb: Token) -> range | None:
    """Token indices of the verb's object after a set-off phrase right after it; None when the verb
    is not followed by one, or no object comes after it."""
    doc = verb.doc
    opening = verb.i + 1
    if opening + 1 >= len(doc) or doc[opening].text != ",":
        return None
    setting = next((c for c in verb.rights if c.i > opening), None)
    if setting is None or setting.left_edge.i != opening + 1:
        return None
    closing = setting.right_edge.i + 1
    if closing >= len(doc) or doc[closing].text != ",":
        return None
    thing = next((c for c in verb.rights if c.dep_ == "dobj" and c.left_edge.i == closing + 1), None)
    return None if thing is None else range(thing.left_edge.i, thing.right_edge.i + 1)
