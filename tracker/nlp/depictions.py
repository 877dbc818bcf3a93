"""A participle of saying right after a person "of" names, or a record shows, shows that person speaking.

"Roe reminds me of Abraham Lincoln saying that “you can fool some of the people ...”": with no comma
between, the participle describes the name it follows, and the parser's reading (a clause of the
main verb, so the subject's words) is wrong. Only after an "of" on a verb: "Roe attacked Doe saying
..." (a comma left out) is still Roe's, and "Roe gives an account of Doe telling ..." is Roe's
account (the noun's owner tells it; PolNeAR train marks Roe). A noun that records or shows a
person does not tell for its owner: "The ad cuts to footage of Roe saying, “...”", "released a
video of the governor saying that ...", "a clip of Doe telling staff ..." are the person's words
(patterns/depictions.jsonl; a person by name or a role or noun of people who can speak). The parser
may hang that participle on the verb as a complement ("uses audio of Roe saying") or read the whole as
one noun phrase, the name a compound of the participle ("footage of a voter asking"); the person
still speaks. In a record a name speaks whatever speaking kind the model gave it: it reads some
surnames as places or organisations. PolNeAR train holds two such records ("cuts to footage of X
saying", "a clip of X saying"), both already read; its gold gives the first to the ad and leaves the
second unannotated inside the maker's "released", so the scorer cannot reward the person's reading.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.syntax import is_verbal
from tracker.nlp.triggers import SPEAKING_LABELS
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
    if not verb.lower_.endswith("ing") or verb.i == 0 or verb.dep_ not in ("advcl", "acl", "xcomp", "pobj"):
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in verb.children):
        return None
    name = verb.doc[verb.i - 1]
    found = mention_at(name)
    if verb.dep_ == "pobj":  # "footage of Roe saying" read as one noun phrase, Roe its compound
        compound = name.dep_ == "compound" and name.head == verb and _records(verb.head)
        return name if compound and _can_speak(name, found) else None
    of = name.dep_ == "pobj" and name.head.lower_ == "of"
    if of and _records(name.head):  # "footage of Roe saying", "uses audio of Roe saying" (an xcomp)
        return name if _can_speak(name, found) else None
    if verb.dep_ == "xcomp":
        return None
    if verb.head.lower_ in depicting("verb"):  # "the video depicts the mayor telling", "one of them asking"
        shown = next((c for c in verb.head.children if c.dep_ == "dobj" and c.right_edge.i == name.i), None)
        if shown is not None and (shown == name or (of and name.head.head == shown)):
            return shown if _can_speak(name, found) else None
    if not of or found is None or found.label != "PERSON":
        return None
    return name if is_verbal(name.head.head) else None


def _records(of: Token) -> bool:
    """An "of" on a noun that records or shows ("footage of", "a clip of")."""
    return of.lower_ == "of" and of.head.lower_ in depicting("noun")


def _can_speak(name: Token, found: Mention | None) -> bool:
    """A name, a role ("the governor") or a noun of people ("protesters"). A name of any label that
    speaks: the model reads some people's surnames as organisations ("footage of Trump" as an ORG)."""
    words = speaker_words()
    named = found is not None and found.label in SPEAKING_LABELS
    return named or name.lower_ in words.roles or name.lower_ in words.people
