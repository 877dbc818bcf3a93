"""A participle the parser hung on the noun of a set phrase: "The chairman threatened to subpoena the
agency, in effect daring it to say that ...", "..., in turn urging ...". A preposition and a bare noun
that together are an adverb of their clause (patterns/set_phrases.jsonl: "in effect", "in turn", "by
contrast", ...) refer to no one: the participle (or the infinitive of saying under it) is the act of
the clause the phrase belongs to, and its speaker that clause's subject, not the noun. Not a noun with
a determiner or a modifier ("in the response saying ...": a document, which can speak). A phrase set
off after a subordinate clause inserted in its clause ("threatened to call him, should he refuse to
testify, in effect daring him ...") is the outer clause's, though the parser hangs it on the inserted
one."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from tracker.nlp import syntax
from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.triggers import can_speak

SET_PHRASES_FILE = PATTERNS_DIR / "set_phrases.jsonl"
INSERTED = frozenset({"advcl", "ccomp"})  # how the parser hangs a clause set off inside another
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
    if _inserted(clause, preposition):  # ", should he refuse ..., in effect daring ...": the senator's
        clause = clause.head
    speaker, passive = syntax.subject(clause)
    return speaker if speaker is not None and not passive and can_speak(speaker) else None


def _inserted(clause: Token, phrase: Token) -> bool:
    """`clause` is a subordinate clause inside the one it hangs from, after its verb, opened by its
    subordinating word ("if", "unless", "because") or by inversion ("should he refuse", "had he
    known", which the parser may hang as a complement), and `phrase` follows it after a comma as its last dependent: the phrase is the outer
    clause's ("..., should he refuse to hand over the files, in effect daring him ..."), not the
    inserted one's."""
    doc, first = clause.doc, clause.left_edge
    if clause.dep_ not in INSERTED or not clause.head.i < first.i:
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    inverted = first.dep_ == "aux" and subject is not None and first.i < subject.i < clause.i
    marked = first.dep_ == "mark" and clause.dep_ == "advcl"  # a "that"/"if" complement is no aside
    if first.head != clause or not (marked or inverted):
        return False
    if any(c.i > phrase.i and c.dep_ != "punct" for c in clause.children):
        return False
    words = [t for t in doc[clause.i : phrase.i] if not t.is_punct]  # the clause's own words end at the comma
    return (
        bool(words)
        and all(t.text == "," for t in doc[words[-1].i + 1 : phrase.i])
        and words[-1].i < phrase.i - 1
    )
