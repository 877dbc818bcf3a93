"""A participle used as an adjective before its noun is no report: "271 pledged delegates", "enough
pledged delegates", "the promised tax cut". The parser often reads it as a verb with the noun as its
object ("pledged" a conjunct of "leads", "delegates" its object), and nobody promised anything. Read
so when the participle has no subject nor auxiliary of its own, its object comes at once after it, and
the word just before it only stands before a noun: a number or a word of patterns/noun_modifiers.jsonl
(a determiner, possessive or quantity word); a number the parser made the subject ("With 475
pledged delegates left") is no speaker either. "Smith urged voters", "resigned, promised reforms" and
"who had promised reforms" keep their claims: a subject, a comma or an auxiliary comes before."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

MODIFIERS_FILE = PATTERNS_DIR / "noun_modifiers.jsonl"
OWN = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})


@cache
def _modifiers() -> frozenset[str]:
    return frozenset(w for row in read_jsonl(MODIFIERS_FILE) for w in row["words"])


def describes(verb: Token) -> bool:
    """`verb` is a participle standing before its noun as an adjective ("by 271 pledged delegates")."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or not verb.lower_.endswith("ed"):
        return False
    noun, before = doc[verb.i + 1], doc[verb.i - 1]
    if noun.head != verb or noun.dep_ not in ("dobj", "nsubj"):
        return False
    own = [c for c in verb.children if c.dep_ in OWN and c != noun]
    if any(c != before or not before.like_num for c in own):  # "12 pledged delegates": 12 no subject
        return False
    return before.like_num or before.lower_ in _modifiers()
