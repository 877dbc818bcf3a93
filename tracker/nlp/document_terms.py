"""A document's words when the parser took the verb it speaks through for a noun ("Its terms of
service state that users must be adults": "service state" read as one noun phrase, the "that" clause
hung on "terms"); misparsed.from_misparsed finds the possessed document noun before the verb. A verb
that rules ("prohibit", "bar", "require": content "clause" in patterns/reporting_verbs.jsonl) is
reported with its subject: "Acme's terms prohibit X", from the document noun's phrase on. A verb of
saying ("say", "state", "stipulate") reports the words after it, a "that" opening them left out:
"users must be adults", never the document's own name."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from tracker.nlp.framing import Reader
from tracker.nlp.triggers import Draft, Trigger


def draft(reader: Reader, noun: Token, verb: Token, trigger: Trigger, segment: Span) -> Draft:
    """The claim of `noun` (a possessed document) through `verb`, to the end of `segment`."""
    speaker = reader.speakers.resolve(noun)
    if speaker.end > verb.idx:  # the noun phrase ran on over the verb: "Acme's terms of service state"
        end = reader.doc[verb.i - 1].idx + len(reader.doc[verb.i - 1])
        speaker = replace(speaker, text=reader.text[speaker.start : end], end=end)
    return Draft(trigger, speaker, [reader.range(said(noun, verb, trigger, segment), segment)], segment)


def said(noun: Token, verb: Token, trigger: Trigger, segment: Span) -> range:
    """Token indices of what `noun` says through `verb`: its whole clause for a verb that rules, the
    words after the verb (without "that") for a verb of saying."""
    if trigger.content == "clause":
        return range(noun.left_edge.i, segment.end)
    start = verb.i + 1
    if start < segment.end and verb.doc[start].lower_ == "that":
        start += 1
    return range(start, segment.end)
