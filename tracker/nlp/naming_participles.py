"""A naming the parser hung on a noun that cannot speak: "he battled the mayor, at one point calling
him a “liar”", "De Blasio, speaking on a radio show, called Doe a “blowhard”". A participle with an
object and the name it gives ("calling X a Y": an object and an "oprd") read as a clause of "point"
or "show" is the clause's act: the one who speaks it is the subject of the verb that noun hangs from,
reached through nouns and prepositions only. "a firm called Acme" (no object) stays a name."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp import syntax
from tracker.nlp.triggers import can_speak

NOMINAL = frozenset({"pobj", "prep", "dobj", "appos", "npadvmod", "attr"})
MAX_DEPTH = 6  # nouns and prepositions between the noun and its verb


def owner(verb: Token, found: Token | None) -> Token | None:
    """Who speaks `verb`, a naming participle hung as "acl" on `found`, a noun that cannot speak;
    None when the shape is not that one or no one who can speak is reached."""
    if (
        found is None
        or verb.dep_ != "acl"
        or found != verb.head
        or can_speak(found)
        or not {"dobj", "oprd"} <= {c.dep_ for c in verb.children}
    ):
        return None
    head = found
    for _ in range(MAX_DEPTH):
        if head.dep_ not in NOMINAL or head.head == head:
            break
        head = head.head
    if head.dep_ not in syntax.VERBAL_DEPS or head == found:
        return None
    speaker, passive = syntax.subject(head)
    return speaker if speaker is not None and not passive and can_speak(speaker) else None
