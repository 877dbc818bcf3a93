"""A participle used as an adjective before its noun is no report: "271 pledged delegates", "enough
pledged delegates", "the promised tax cut". The parser often reads it as a verb with the noun as its
object ("pledged" a conjunct of "leads", "delegates" its object), and nobody promised anything. Read
so when the participle has no subject nor auxiliary of its own, its object comes at once after it, and
the word just before it only stands before a noun: a number or a word of patterns/noun_modifiers.jsonl
(a determiner, possessive or quantity word); a number or an owner the parser made the subject ("With
475 pledged delegates left", "the party’s pledged delegates") is no speaker either. "Smith urged voters", "resigned, promised reforms" and
"who had promised reforms" keep their claims: a subject, a comma or an auxiliary comes before.

Nor is a relative clause with a subject of its own whose "to" infinitive has no object: "the target it
pledged to reach", "the divides he promised to bridge", "the reforms that she vowed to bring": its noun
is the object the infinitive lacks, and "to reach" alone is no content (the words promised are the
noun's, outside the clause). A noun of time, place, reason or manner fills no object ("the day he
promised to resign" keeps "to resign"), nor does a relative pronoun subject ("the mayor, who pledged to
reach the target")."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

MODIFIERS_FILE = PATTERNS_DIR / "noun_modifiers.jsonl"
OWN = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})
OWNER_MARKS = frozenset({"’s", "'s"})
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "what"})


@cache
def _modifiers() -> frozenset[str]:
    return frozenset(
        w for row in read_jsonl(MODIFIERS_FILE) if row["id"] == "noun-modifiers" for w in row["words"]
    )


@cache
def _adverbial_heads() -> frozenset[str]:
    return frozenset(
        w for row in read_jsonl(MODIFIERS_FILE) if row["id"] == "adverbial-heads" for w in row["words"]
    )


def no_report(verb: Token) -> bool:
    """`verb` reports nothing: a participle before its noun, or a relative clause whose infinitive's
    object is its noun."""
    return describes(verb) or gapped(verb)


def gapped(verb: Token) -> bool:
    """ "the target it pledged to reach": `verb` heads a relative clause with a subject of its own, and
    its "to" infinitive has no object but the relative pronoun, the clause's noun (no time, place,
    reason or manner) being what the infinitive lacks."""
    if verb.dep_ != "relcl" or verb.head.lower_ in _adverbial_heads():
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_WORDS for c in verb.children):
        return False
    if any(c.dep_ in ("ccomp", "dobj") and c.lower_ not in RELATIVE_WORDS for c in verb.children):
        return False
    infinitives = [
        c
        for c in verb.children
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    return bool(infinitives) and not any(
        c.dep_ == "dobj" and c.lower_ not in RELATIVE_WORDS for i in infinitives for c in i.children
    )


def describes(verb: Token) -> bool:
    """`verb` is a participle standing before its noun as an adjective ("by 271 pledged delegates")."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or not verb.lower_.endswith("ed"):
        return False
    noun, before = doc[verb.i + 1], doc[verb.i - 1]
    own = [c for c in verb.children if c.dep_ in OWN and c != noun]
    if any(not _stray(c, before) for c in own):
        return False
    if noun.dep_ not in ("dobj", "nsubj") or not (noun.head == verb or _told(noun, verb, own)):
        return False
    return before.like_num or before.lower_ in _modifiers()


def _stray(subject: Token, before: Token) -> bool:
    """The parser's subject is no speaker: a bare number just before ("With 475 pledged delegates
    left"), or the owner whose "’s" is just before ("the party’s pledged delegates")."""
    return (subject == before and before.like_num) or (
        before.lower_ in OWNER_MARKS and before.head == subject
    )


def _told(noun: Token, verb: Token, own: list[Token]) -> bool:
    """ "12 pledged delegates and two others were at stake": the noun read as the subject of a clause
    the participle reports, its stray number for the participle's subject."""
    return noun.dep_ == "nsubj" and noun.head.head == verb and noun.head.dep_ == "ccomp" and bool(own)
