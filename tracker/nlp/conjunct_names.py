"""A second clause's subject the parser coordinated with the first clause's object.

"Prosecutors charged the officer with murder and Jane Roe fired her police chief, acknowledging that
..." is read with "Roe" as a conjunct of "murder" and "fired" as a conjunct of "charged" with no
subject of its own, so "fired" (and the participle on it) would inherit "prosecutors". A name (a
person or an organisation) joined by "and" or "but" to a noun of the first clause, standing right
before a conjunct verb that has no subject, opens that verb's clause: it is its subject. A name that
is a conjunct of the first clause's subject ("Roe and Doe met and agreed") is already that verb's
subject through the coordination, and is left to it.

A name the parser compounded onto the verb right after it ("When a fan shouted, “Go,” Roe joked, “...”":
"joked" read as a noun with "Roe" its compound, a clause hung on "shouted") is the verb's subject too,
when the verb has none of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from tracker.nlp.types import Mention

SPEAKING = frozenset({"PERSON", "ORG"})
JOINERS = frozenset({"and", "but"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def own_subject(verb: Token, mention_at: Callable[[Token], Mention | None]) -> Token | None:
    """The name just before a subjectless conjunct `verb` that the parser hung as a conjunct of a
    noun of the first clause (see the module docstring), or before the conjunct a participle hangs
    from ("... and Roe fired Y, acknowledging that ..."), or a name compounded onto it; None otherwise."""
    if (compounded := _compounded(verb, mention_at)) is not None:
        return compounded
    while (
        verb.dep_ in ("advcl", "xcomp")
        and verb.head != verb
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in verb.children)
    ):
        verb = verb.head
    if verb.dep_ != "conj" or verb.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    name = verb.doc[verb.i - 1]
    found = mention_at(name)
    if found is None or found.label not in SPEAKING or name.dep_ != "conj":
        return None
    if any(t.dep_ in SUBJECT_DEPS for t in name.ancestors):
        return None  # "Roe and Doe met and agreed": the subject's own conjunct
    joiner = verb.doc[name.left_edge.i - 1] if name.left_edge.i > 0 else None
    if joiner is None or joiner.lower_ not in JOINERS or joiner.head != name.head:
        return None
    return name


def _compounded(verb: Token, mention_at: Callable[[Token], Mention | None]) -> Token | None:
    """A name right before `verb` that the parser made its compound, when `verb` has no subject."""
    name = verb.doc[verb.i - 1] if verb.i > 0 else None
    if name is None or name.dep_ != "compound" or name.head != verb:
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    found = mention_at(name)
    return name if found is not None and found.label in SPEAKING else None
