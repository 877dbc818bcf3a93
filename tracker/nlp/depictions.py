"""A participle of saying right after a person "of" names, or a record shows, shows that person speaking.

"Roe reminds me of Abraham Lincoln saying that “you can fool some of the people ...”": with no comma
between, the participle describes the name it follows, and the parser's reading (a clause of the
main verb, so the subject's words) is wrong. Only after an "of" on a verb: "Roe attacked Doe saying
..." (a comma left out) is still Roe's, and "Roe gives an account of Doe telling ..." is Roe's
account (the noun's owner tells it; PolNeAR train marks Roe). A noun that records or shows a
person does not tell for its owner: "The ad cuts to footage of Roe saying, “...”", "released a
video of the governor saying that ...", "a clip of Doe telling staff ..." are the person's words
(patterns/depictions.jsonl; a person by name or a role or noun of people who can speak).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.syntax import is_verbal
from tracker.nlp.types import Mention

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
DEPICTIONS_FILE = PATTERNS_DIR / "depictions.jsonl"


@cache
def depicting(kind: str) -> frozenset[str]:
    """The forms of patterns/depictions.jsonl's lines of `kind` ("noun", "verb")."""
    lines = read_jsonl(DEPICTIONS_FILE)
    return frozenset(w.lower() for line in lines if line["kind"] == kind for w in line["forms"])


def depicted(verb: Token, mention_at: Callable[[Token], Mention | None]) -> Token | None:
    """The person named just before participle `verb` as the object of an "of" on a verb or on a
    record ("footage of"), or as what a verb of showing shows (see the module docstring); else None."""
    if not verb.lower_.endswith("ing") or verb.i == 0 or verb.dep_ not in ("advcl", "acl"):
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in verb.children):
        return None
    name = verb.doc[verb.i - 1]
    found = mention_at(name)
    of = name.dep_ == "pobj" and name.head.lower_ == "of"
    if of and name.head.head.lower_ in depicting("noun"):  # "footage of Roe saying"
        return name if _can_speak(name, found) else None
    if verb.head.lower_ in depicting("verb"):  # "the video depicts the mayor telling", "one of them asking"
        shown = next((c for c in verb.head.children if c.dep_ == "dobj" and c.right_edge.i == name.i), None)
        if shown is not None and (shown == name or (of and name.head.head == shown)):
            return shown if _can_speak(name, found) else None
    if not of or found is None or found.label != "PERSON":
        return None
    return name if is_verbal(name.head.head) else None


def _can_speak(name: Token, found: Mention | None) -> bool:
    """A person by name, a role ("the governor") or a noun of people ("protesters")."""
    words = speaker_words()
    person = found is not None and found.label == "PERSON"
    return person or name.lower_ in words.roles or name.lower_ in words.people
