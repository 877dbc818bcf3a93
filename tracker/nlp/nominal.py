"""Characterising nouns whose content is not a "that" clause, or whose owner is not a possessor
(framing.from_noun reads "Smith's argument that ..."; this module reads what it leaves):

- an infinitive: "her promise to mend the bridge", "Roe's claim to be the strongest candidate", "her vow
  to go after ...": the content runs from "to";
- "for" after a noun of calling (a trigger that requires "prep:for"): "Roe's call for a special
  prosecutor", "his calls for increased surveillance": the content is what is called for;
- an owner given by "by" or "from" instead of a possessor: "claims by intelligence agencies that ...",
  "an allegation from his old business partner, Jane Roe, that ...".

A noun with no owner ("calls for a special prosecutor grew") has nobody to speak: no claim.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp import possessed_things, syntax
from tracker.nlp.framing import Reader
from tracker.nlp.triggers import Draft, Trigger

OWNER_PREPOSITIONS = frozenset({"by", "from"})


def from_noun(reader: Reader, noun: Token, segment: Span, trigger: Trigger) -> list[Draft]:
    """The claim of a characterising noun with an infinitive or "for" content, or with a "by"/"from"
    owner and a "that" clause (see the module docstring)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    by = None
    if owner is None:
        by = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in OWNER_PREPOSITIONS), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if owner is None or not segment.start <= owner.i < segment.end:
        return []
    content = noun_content(noun, trigger, by)
    if content is None:
        return []
    first, last = content
    if noun.head.i > noun.i:  # "Her vow to go after X drew cheers": not past the verb the noun is subject of
        last = min(last, noun.head.i - 1)
    pieces = [reader.range(range(first, last + 1), segment)]
    if pieces[0][1] <= pieces[0][0]:
        return []
    owner = possessed_things.thing_for(owner, reader.speakers.mention_at) or owner  # "its vow to ..."
    return [Draft(trigger, reader.speakers.resolve(owner), pieces, segment, form="noun")]


def noun_content(noun: Token, trigger: Trigger, by: Token | None) -> tuple[int, int] | None:
    """(first, last) token of the noun's content: an infinitive from "to", the object of "for", or
    a clause from its "that" after a "by"/"from" owner; None when there is none."""
    for child in noun.rights:
        if child.dep_ == "acl":
            to = next((c for c in child.children if c.dep_ == "aux" and c.lower_ == "to"), None)
            if to is not None and to.i == child.left_edge.i:
                return to.i, child.right_edge.i
        if child.dep_ == "prep" and child.lower_ == "for" and "prep:for" in trigger.requires:
            target = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if target is not None:
                return target.left_edge.i, target.right_edge.i
        if by is not None and syntax.is_complement(child):
            return child.left_edge.i, child.right_edge.i
    return None
