"""A characterising noun given as the object of a light verb: "he made the suggestion that X",
"Roe delivered a forceful promise to mend the bridge", "Doe issued a warning that X" (the verbs are
data: patterns/light_verbs.jsonl). The light verb's own subject owns the noun (framing.from_noun
and nominal.py read a possessor or a "by"/"from" owner, and keep a possessed noun: "made his
prediction that X"); its content is the noun's "that" clause, or its infinitive or "for" object as
nominal.py reads them. Not when the light verb is negated or hypothetical ("did not make the claim
that", "could make the case that"), nor without a subject of its own ("it becomes harder to make the
case that X": no one makes it), nor without such a content ("made claims about the deal").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from tracker.nlp import nominal, syntax
from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.framing import Reader
from tracker.nlp.triggers import Draft, Trigger, can_speak

LIGHT_VERBS_FILE = PATTERNS_DIR / "light_verbs.jsonl"


@cache
def light_verbs() -> frozenset[str]:
    """The forms of patterns/light_verbs.jsonl, lower case."""
    return frozenset(word.lower() for row in read_jsonl(LIGHT_VERBS_FILE) for word in row["words"])


def from_noun(reader: Reader, noun: Token, segment: Span, trigger: Trigger) -> list[Draft]:
    """The claim of a characterising noun that is a light verb's object (see the module docstring)."""
    verb = noun.head
    if (
        noun.dep_ != "dobj"
        or verb.lower_ not in light_verbs()
        or any(c.dep_ == "poss" for c in noun.children)
    ):
        return []  # a possessed noun is framing.py's or nominal.py's ("made his prediction that X")
    if syntax.negated(verb, reader.quoted) or syntax.hypothetical(verb, segment):
        return []
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # its own, not inherited
    if (
        speaker is None
        or not segment.start <= speaker.i < segment.end
        or speaker.i in reader.quoted
        or reader.speakers.is_writer(speaker)
        or not can_speak(speaker)
    ):
        return []
    clause = next((c for c in noun.rights if syntax.is_complement(c)), None)
    if clause is not None:
        first, last = clause.left_edge.i, clause.right_edge.i
    elif (found := nominal.noun_content(noun, trigger, None)) is not None:
        first, last = found
    else:
        return []
    pieces = [reader.range(range(first, last + 1), segment)]
    if pieces[0][1] <= pieces[0][0]:
        return []
    return [Draft(trigger, reader.speakers.resolve(speaker), pieces, segment, form="noun")]
