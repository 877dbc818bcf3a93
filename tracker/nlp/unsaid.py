"""A saying someone was pressed, asked or wanted to make, which the sentence does not report as made.

"Reed tried to get Altman to say the company had abandoned its mission", "Roe pressed Doe to say
whether ...", "Roe wanted Doe to say that ...": the verb of saying is an infinitive under a verb of
wanting, asking or causing, so its words are what someone else hoped to hear, no claim of the one
who would have said them; "Roe tried to explain why ...", "Roe sought to assure voters that ...": an
attempt the outlet describes in its words. Such a claim keeps its place (PolNeAR annotates them) but
takes the form "wanted", which the "wanted" rule of patterns/confidence.jsonl rates low: it waits for
a curator. "Roe went on to say ...", "Roe was quick to say ..." report a saying and are not among
them. The verbs are data (patterns/unsaid.jsonl). Where the one wanted to speak is parsed as the
infinitive's own subject ("Roe wants voters to recall that ...", "urged Doe to say ..."), the one who
wants it speaks (`wanter`): the words are the message Roe wants said.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

UNSAID_FILE = PATTERNS_DIR / "unsaid.jsonl"
WANTED = "wanted"  # the form of such a claim
WANTER = "wanter-speaks"  # the rule whose verbs make the one who wants the speaker


@cache
def _heads() -> frozenset[str]:
    return frozenset(w for row in read_jsonl(UNSAID_FILE) for w in row.get("forms", ()))


@cache
def _wanting() -> frozenset[str]:
    return frozenset(w for row in read_jsonl(UNSAID_FILE) if row["id"] == WANTER for w in row["forms"])


def wanted(verb: Token) -> bool:
    """The verb of saying is a "to" infinitive whose head is a verb of wanting, asking or causing
    ("get Altman to say", "pressed Doe to say", "wanted Roe to say")."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.dep_ in ("xcomp", "ccomp") and verb.head.lower_ in _heads()


def wanter(verb: Token) -> Token | None:
    """The verb of wanting or urging whose subject speaks a "to" infinitive parsed with its own subject
    ("Roe wants voters to recall that ...": "wants"); None for any other verb."""
    own = any(c.dep_ == "nsubj" for c in verb.children)
    return verb.head if own and wanted(verb) and verb.head.lower_ in _wanting() else None
