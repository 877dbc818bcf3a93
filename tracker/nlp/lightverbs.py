"""A characterising noun given as the object of a light verb: "he made the suggestion that X",
"she offered her firmest promise yet that X", "Roe made an unprompted call for an end to subsidies",
"Doe issued a warning that X". The light verb's subject owns the noun (framing.from_noun and
nominal.py read a possessor or a "by"/"from" owner); its content is the noun's "that" clause, or
its infinitive or "for" object as nominal.py reads them. Not when the light verb is negated or
hypothetical ("did not make the claim that", "could make the case that"), nor without a subject of
its own ("it becomes harder to make the case that X": no one makes it), nor without such a content
("made claims about the deal").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp import nominal, syntax
from tracker.nlp.framing import Reader
from tracker.nlp.triggers import Draft, Trigger, can_speak

LIGHT_VERBS = frozenset(
    {"make", "makes", "made", "making", "offer", "offers", "offered", "offering", "issue", "issues"}
    | {"issued", "issuing", "voice", "voices", "voiced", "voicing", "repeat", "repeats", "repeated"}
    | {"renew", "renews", "renewed"}
)


def from_noun(reader: Reader, noun: Token, segment: Span, trigger: Trigger) -> list[Draft]:
    """The claim of a characterising noun that is a light verb's object (see the module docstring)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lower_ not in LIGHT_VERBS or any(c.dep_ == "poss" for c in noun.children):
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
