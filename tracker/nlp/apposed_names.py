"""Names the entity model missed that an apposition shows to be a person's: "“...,” said Ana Ruiz, a
Brightwater spokeswoman", "Jo Roe, a lawyer for Acme, said ...". Two or three capitalised words, none
labelled, ending in the word an appositive noun of one person hangs on (patterns/speakers.jsonl
"person": spokeswoman, lawyer, analyst, ...) make a PERSON mention, so the speaker is named and its
claim rated as one under a name. A single word ("Acme, a firm"), a phrase with a labelled word, and a
title ("Vice President (then-Senator) ...": a word of it is a noun of people) are left as the model
read them."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from tracker.nlp.doc_texts import text_of
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.types import Mention


def with_apposed(doc: Doc, mentions: Sequence[Mention]) -> list[Mention]:
    """`mentions` and the person names an apposition shows (see the module docstring), in text order."""
    words = speaker_words()
    added = []
    for token in doc:
        if token.dep_ != "appos" or token.lower_ not in words.persons:
            continue
        if (name := _name(token.head, words.people)) is not None:
            start, end = name
            added.append(Mention(text=text_of(doc)[start:end], label="PERSON", start=start, end=end))
    if not added:
        return list(mentions)
    return sorted([*mentions, *added], key=lambda m: (m.start, -m.end))


def _name(head: Token, people: frozenset[str]) -> tuple[int, int] | None:
    """The character span of `head` and the compound words before it, when they are two or three
    capitalised, unlabelled words with nothing else before them ("the 5th Street Gym, a ...": a place)
    and none of them a noun of people ("Vice President": a title)."""
    if any(c.dep_ != "compound" for c in head.lefts):
        return None
    words = [*head.lefts, head]
    if not 2 <= len(words) <= 3 or words[-1].i - words[0].i != len(words) - 1:
        return None
    if any(w.ent_type_ or not (w.text[:1].isupper() and w.text[1:].isalpha()) for w in words):
        return None
    if any(w.lower_ in people for w in words):
        return None
    return words[0].idx, head.idx + len(head)


NAME_PARTS = frozenset({"flat", "appos"})
DESCRIBING = frozenset({"a", "an"})


def name_parts(token: Token) -> list[Token]:
    """The words set beside `token` that may give its name ("the chief executive, Jo Roe"), not an
    appositive a determiner makes a description ("Okafor, a top Reyes surrogate": the parser may make
    the name inside it the appositive's head, and the entity model label it)."""
    return [
        c
        for c in token.children
        if c.dep_ in NAME_PARTS and not any(g.lower_ in DESCRIBING for g in c.children)
    ]
