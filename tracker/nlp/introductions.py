"""Where the little phrase after a verb of saying ends, before the quote it introduces: "told reporters
on Monday: “...”", "responded pointedly, with a smile: “...”". The phrase is the verb's object,
dative, prepositional and adverbial dependents, and an adverbial clause that runs up to a colon
("responded on X shortly after court adjourned: “...”", where the parser made the quote's verb the
root; on PolNeAR train, taking every adverbial clause cost 5 claims and merged quotes the annotators
keep apart); a colon after the verb ends it even when the parser hung the quote's words on one of them
("with a smile: “Can happen ...”": "happen" under "smile"), so the quote is still the one the verb
introduces. Likewise the description set off after a speaker's name ("“X,” said Jane Roe, a partner at
a law firm who is not involved in the case, “Y.”": `description_end`): the quote after it resumes the
speaker's words. So does a participle of manner set off by commas between the attribution and a quote
("“X,” Roe said, leaning into the microphone, “Y.”": `set_aside`, from the fifth trial set's v105, where
the parser hung "leaning" on the quote's verb and Y was lost): a participle with no subject, clause or
verb of saying of its own, so the quote after it cannot be anyone else's. An object keeps its whole phrase: "revealed a few relevant facts: “...”" reports the
object and the quote as one content, as PolNeAR's annotators do."""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.tokens import Span, Token

ASIDE_GAP = re.compile(r"^\s*,\s*$")  # the comma that closes the aside, then the quote
ASIDE_BREAKS = frozenset({"nsubj", "nsubjpass", "ccomp", "relcl", "acl"})  # words of its own: not an aside
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


def set_aside(verb: Token, segment: Span, last: int, quote: int, saying: Collection[str]) -> bool:
    """Between the attribution (ending at character `last`) and the quote opening at character `quote`
    stands only a participle of manner set off by commas (", leaning into the microphone,"): an "-ing"
    word of an adverbial clause, first in its phrase, with no subject, clause, relative or word of
    `saying` in it."""
    after = [t for t in verb.doc[verb.i + 1 : segment.end] if t.idx >= last and not t.is_space]
    if len(after) < 2 or after[0].text != ",":
        return False
    participle = after[1]
    words = list(participle.subtree)
    end = words[-1].idx + len(words[-1])
    return (
        participle.dep_ == "advcl"
        and participle.lower_.endswith("ing")
        and words[0] == participle
        and not any(t.dep_ in ASIDE_BREAKS or t.lower_ in saying for t in words)
        and end < quote
        and ASIDE_GAP.match(verb.doc.text[end : quote - 1]) is not None
    )
