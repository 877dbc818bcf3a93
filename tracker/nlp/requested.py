"""A report asked for is not made: "Any guest who is asked to comment on the race is counted", "urged
Roe to say whether ...": the infinitive of a verb of saying complementing a verb of asking
(patterns/requesting.jsonl) is what someone was asked to do, not what they did. The parser often gives
the asking its own content ("asked to comment ... is counted" read with "is counted" as what was
asked), and the infinitive then stood alone as the asked one's report."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

REQUESTING_FILE = PATTERNS_DIR / "requesting.jsonl"


@cache
def _asking() -> frozenset[str]:
    return frozenset(w for row in read_jsonl(REQUESTING_FILE) for w in row["words"])


def requested(verb: Token) -> bool:
    """`verb` is an infinitive ("to comment") complementing a verb of asking."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lower_ in _asking()
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )
