"""A sentence the parser rooted on its subject: "Speaker John D. Doe, the nation's highest-ranking
Republican, on Tuesday called Jane Roe's remarks ''racist''" is read with the name as the root and
"called" as a relative clause on it, like "a group called X". A relative clause has a subject of its
own ("the remarks that she made", "the remarks she made") or a relative word ("Roe, when asked about
X, ...": Roe was asked); one with neither, hung on a root noun that can speak, is the sentence's
predicate, and the noun is its subject."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp.triggers import can_speak

RELATIVES = frozenset({"that", "which", "who", "whom", "whose", "where", "when", "why"})


def subject(verb: Token, segment: Span) -> Token | None:
    """The root noun, when it can speak, that `verb` was hung on as a relative clause with no subject
    (misparsed.subject asks only then) and no relative word; None otherwise."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.dep_ != "ROOT" or not segment.start <= noun.i < verb.i:
        return None
    if any(c.lower_ in RELATIVES for c in verb.subtree if c.i < verb.i):  # "Roe, when asked about X, ..."
        return None
    return noun if can_speak(noun) else None
