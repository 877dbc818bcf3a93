"""Where the little phrase after a verb of saying ends, before the quote it introduces: "told reporters
on Monday: “...”", "responded pointedly, with a smile: “...”". The phrase is the verb's object,
dative, prepositional and adverbial dependents, and an adverbial clause that runs up to a colon
("responded on X shortly after court adjourned: “...”", where the parser made the quote's verb the
root; on PolNeAR train, taking every adverbial clause cost 5 claims and merged quotes the annotators
keep apart); a colon after the verb ends it even when the parser hung the quote's words on one of them
("with a smile: “Can happen ...”": "happen" under "smile"), so the quote is still the one the verb
introduces. Likewise the description set off after a speaker's name ("“X,” said Jane Roe, a partner at
a law firm who is not involved in the case, “Y.”": `description_end`): the quote after it resumes the
speaker's words. An object keeps its whole phrase: "revealed a few relevant facts: “...”" reports the
object and the quote as one content, as PolNeAR's annotators do."""

from __future__ import annotations

from spacy.tokens import Span, Token

DESCRIBING = frozenset({"appos", "relcl", "acl"})
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
        if (c.dep_ in PHRASE or (c.dep_ == "advcl" and c.right_edge.i == colon - 1 < segment.end - 1))
        and c.right_edge.i < segment.end
    ]
    return max([last, *(doc[i].idx + len(doc[i]) for i in ends)])


def description_end(speaker: Token, last: int) -> int:
    """The character where the description set off after `speaker`'s name ends (an appositive or a
    relative clause on its right: ", a partner at a firm who ..."), at least `last` (the name's end)."""
    ends = [c.right_edge for c in speaker.rights if c.dep_ in DESCRIBING and c.idx >= last]
    return max([last, *(t.idx + len(t) for t in ends)])
