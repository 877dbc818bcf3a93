"""Reporting verbs the parser took for nouns: "The filing states that X", "Acme's terms of service
prohibit ..."."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from tracker.nlp import syntax
from tracker.nlp.framing import Reader
from tracker.nlp.triggers import Draft

FALLBACK_REACH = 5  # tokens: how far back a policy verb the parser missed may find its subject


def from_misparsed(reader: Reader, verb: Token, segment: Span) -> list[Draft]:
    """A reporting verb the parser took for a noun. "The filing states that X": a proxy or a name
    compounded with it is the subject and its "that" clause the content; "Acme's terms of service
    prohibit ...": a possessed policy noun just before it is the subject, the rest the content."""
    clause = next((c for c in verb.children if c.i > verb.i and syntax.is_complement(c)), None)
    before = reader.doc[verb.i - 1] if verb.i > segment.start else None
    if clause is not None and before is not None and before.dep_ == "compound" and before.head == verb:
        general = next(
            (t for t in reader.triggers.verbs[verb.lower_] if not t.subjects and not t.objects), None
        )
        speaker = reader.speakers.resolve(before)
        if (
            general is not None
            and (speaker.via or speaker.kind_hint)
            and not syntax.hypothetical(verb, segment)
        ):
            content = reader.range(range(clause.left_edge.i, clause.right_edge.i + 1), segment)
            return [Draft(general, speaker, [content], segment, verb)]
    for trigger in reader.triggers.verbs[verb.lower_]:
        if not trigger.subjects or syntax.hypothetical(verb, segment):
            continue
        for i in range(verb.i - 1, max(segment.start, verb.i - FALLBACK_REACH) - 1, -1):
            noun = reader.doc[i]
            if noun.lower_ in trigger.subjects and any(c.dep_ == "poss" for c in noun.children):
                speaker = reader.speakers.resolve(noun)
                if speaker.end > verb.idx:
                    end = reader.doc[verb.i - 1].idx + len(reader.doc[verb.i - 1])
                    speaker = replace(speaker, text=reader.text[speaker.start : end], end=end)
                content = reader.range(range(noun.left_edge.i, segment.end), segment)
                return [Draft(trigger, speaker, [content], segment)]
    return []
