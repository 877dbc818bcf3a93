"""A content that is only the occasion of a report, not what was said (issue 12): "Roe promised
Sunday at a Las Vegas rally", read as promising "Sunday at a Las Vegas rally" (with an infinitive
after it, pledges.py takes the infinitive first: "... to end X" is what was promised); "Roe made
the comments Friday", "Doe issued a statement Thursday", read as a no-comment's verb phrase, when
the comments were reported before. Such a content yields no claim: its words are a time or a place
and a setting, never someone's statement.

- a content with no quotation in it, every top-level phrase of which is a time ("Sunday", "Earlier
  this week") or a phrase opened by a preposition of occasion ("at a Las Vegas rally", "during a
  speech", "on Friday"), one of them at least a time (a place alone may be what is described:
  "describing it as in a pattern of sleaze");
- a light verb's phrase (a trigger whose content is the verb phrase and that needs its object:
  "made the comments", "issued a statement") whose object and verb carry nothing but a time or an
  occasion: no clause or phrase on the object ("a statement of concern about X", "a statement
  expressing X"), no phrase on the verb but of occasion ("made comments to co-workers", "issued a
  statement on the subject" keep theirs), finite (what one "hopes to make a statement in" is
  the hope's), and not negated ("made no comment on X" declines).
The word lists are data (patterns/occasions.jsonl).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import cache

from spacy.tokens import Doc, Token

from tracker.nlp import syntax
from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.triggers import Trigger

OCCASIONS_FILE = PATTERNS_DIR / "occasions.jsonl"
ON_OBJECT = frozenset({"prep", "acl", "relcl", "ccomp", "xcomp", "appos"})  # words on "statement"
QUOTES = frozenset({'"', "“", "”", "''", "``", "‘", "’"})
SLIGHT = frozenset({"det", "poss", "amod", "compound", "nummod", "quantmod", "advmod", "case", "punct"})


@cache
def _words() -> dict[str, frozenset[str]]:
    return {row["id"]: frozenset(row["words"]) for row in read_jsonl(OCCASIONS_FILE)}


def occasion_prepositions() -> frozenset[str]:
    """The prepositions of a phrase that says when or where words were said ("during", "at", ...)."""
    return _words()["occasion-prepositions"]


def only_occasion(
    doc: Doc, verb: Token, trigger: Trigger, pieces: Iterable[tuple[int, int]], quoted: Collection[int]
) -> bool:
    """The content `pieces` of `verb` says only when or where it was said (see the module docstring);
    `quoted`: the indices of the tokens inside quotation marks."""
    spans = [doc.char_span(start, end, alignment_mode="expand") for start, end in pieces]
    tokens = [t for span in spans if span is not None for t in span if not (t.is_punct or t.is_space)]
    if not tokens or any(t.i in quoted or t.text in QUOTES for span in spans if span for t in span):
        return False
    if trigger.content == "phrase" and trigger.objects:
        return not (syntax.negated(verb) or _infinitive(verb)) and _light_phrase(verb, trigger)
    inside = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i not in inside or t.head == t]
    return all(_time(t) or _occasion(t) for t in tops) and any(_time(t) for t in tops)


def _light_phrase(verb: Token, trigger: Trigger) -> bool:
    """ "made the comments Friday", "issued a formal statement Sunday afternoon": nothing on the object
    or the verb says what the comments were."""
    thing = next((c for c in verb.rights if c.dep_ == "dobj" and c.lower_ in trigger.objects), None)
    if thing is None or any(c.dep_ in ON_OBJECT for c in thing.children):
        return False
    others = [c for c in verb.rights if c.i > thing.i and not (c.is_punct or c.is_space)]
    return all(_time(c) or _occasion(c) or c.dep_ in ("advcl", "cc") for c in others)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _time(token: Token) -> bool:
    """A word of time with only words of time, numbers and determiners under it ("Friday afternoon",
    "earlier this week", "a few days")."""
    words = _words()
    times = words["times"] | words["time-modifiers"]
    return token.lower_ in words["times"] and all(
        t.lower_ in times or t.like_num or t.dep_ in SLIGHT for t in token.subtree if t != token
    )


def _occasion(token: Token) -> bool:
    """A phrase opened by a preposition of occasion ("at a rally", "during a speech", "in response
    to"); "on" only with a time ("on Friday", not "on the subject")."""
    if token.dep_ != "prep" or token.lower_ not in _words()["occasion-prepositions"]:
        return False
    if token.lower_ != "on":
        return True
    return any(_time(c) for c in token.children if c.dep_ == "pobj")
