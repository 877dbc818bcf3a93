"""A participle the parser hung on the noun of a set phrase: "The chairman threatened to subpoena the
agency, in effect daring it to say that ...", "..., in turn urging ...". A preposition and a bare noun
that together are an adverb of their clause (patterns/set_phrases.jsonl: "in effect", "in turn", "by
contrast", ...) refer to no one: the participle (or the infinitive of saying under it) is the act of
the clause the phrase belongs to, and its speaker that clause's subject, not the noun. Not a noun with
a determiner or a modifier ("in the response saying ...": a document, which can speak)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from tracker.nlp import syntax
from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.triggers import can_speak

SET_PHRASES_FILE = PATTERNS_DIR / "set_phrases.jsonl"
MODIFIERS = frozenset({"det", "poss", "amod", "compound", "nummod", "nmod", "quantmod"})


@cache
def _phrases() -> frozenset[tuple[str, str]]:
    """(preposition, noun) of each set phrase."""
    pairs = (p.split(" ", 1) for row in read_jsonl(SET_PHRASES_FILE) for p in row["phrases"])
    return frozenset((preposition, noun) for preposition, noun in pairs)


def owner(verb: Token, found: Token | None) -> Token | None:
    """Who speaks `verb`, read with `found` as its subject, when `found` is the noun of a set phrase
    the participle of `verb` (itself, or the verb an infinitive `verb` hangs from) was hung on: the
    subject of the verb the phrase belongs to, when one who can speak; None for any other shape."""
    participle = verb
    while participle.dep_ == "xcomp" and participle.head != participle:  # "daring it to say"
        participle = participle.head
    if found is None or participle.dep_ != "acl" or participle.head != found or found.dep_ != "pobj":
        return None
    preposition = found.head
    if (preposition.lower_, found.lower_) not in _phrases() or any(
        c.dep_ in MODIFIERS for c in found.children
    ):
        return None
    clause = preposition.head
    if preposition.dep_ != "prep" or clause.dep_ not in syntax.VERBAL_DEPS:
        return None
    speaker, passive = syntax.subject(clause)
    return speaker if speaker is not None and not passive and can_speak(speaker) else None
