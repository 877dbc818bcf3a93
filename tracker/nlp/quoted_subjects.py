"""A subject the parser took from the words of a quotation is no speaker.

"“Very good reporter, this guy,” Roe, the party's front-runner, said": the parser hangs the quote's
noun on "said" as its subject and the name as a conjunct of the quote. Words inside quotation marks
before the verb are what was said, never who said it: the speaker is looked for where misparsed.py
looks when the parser gave the verb no subject (a speaker set off by commas after the quote, an
appositive, an inverted one), or as the phrase between the quote and a comma when the parser made the
verb a conjunct of the quote's own verb ("''...,'' Mr. Roe, now 81 and retired, said"). When none is
found there, the parser's reading stands (a quoted title as a subject: "“Meet the Press” reported").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp import inverted, misparsed
from tracker.nlp.framing import Reader
from tracker.nlp.triggers import can_speak


def subject(reader: Reader, verb: Token, segment: Span) -> tuple[Token | None, bool]:
    """(speaker head, passive) of a reporting verb, as misparsed.subject reads them, unless that head
    is a word of a quotation before the verb and a speaker stands outside the quotation."""
    found, passive = misparsed.subject(reader, verb, segment)
    if found is None or found.i > verb.i or found.i not in reader.quoted or verb.i in reader.quoted:
        return found, passive
    other = (
        misparsed.set_off_subject(reader, verb, segment)
        or misparsed.appositive_subject(verb, segment)
        or inverted.inverted_subject(reader, verb, segment)
        or _set_off_after_quote(reader, verb, segment)
    )
    return (other, False) if other is not None and other.i not in reader.quoted else (found, passive)


def _set_off_after_quote(reader: Reader, verb: Token, segment: Span) -> Token | None:
    """ "“...,” Mr. Roe, now 81 and retired in Ohio, said": the phrase between the closing quotation
    mark and the first comma after it, when a comma also stands just before the verb (the parser may
    have made the verb a conjunct of the quote's own verb, which set_off_subject does not read)."""
    doc = reader.doc
    if verb.i - 1 <= segment.start or doc[verb.i - 1].text != ",":
        return None
    close = next((t for t in reversed(doc[segment.start : verb.i]) if t.text in inverted.QUOTE_MARKS), None)
    if close is None or any(t.i in reader.quoted for t in doc[close.i + 1 : verb.i]):
        return None
    comma = next((t for t in doc[close.i + 1 : verb.i] if t.text == ","), None)
    phrase = doc[close.i + 1 : comma.i] if comma is not None else None
    if not phrase or len(phrase) > misparsed.MAX_SPEAKER_WORDS:
        return None
    heads = [t for t in phrase if not phrase.start <= t.head.i < phrase.end]
    return heads[0] if len(heads) == 1 and can_speak(heads[0]) else None
