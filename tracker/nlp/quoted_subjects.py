"""A subject the parser took from the words of a quotation is no speaker.

"“Very good reporter, this guy,” Roe, the party's front-runner, said": the parser hangs the quote's
noun on "said" as its subject and the name as a conjunct of the quote. Words inside quotation marks
before the verb are what was said, never who said it: the speaker is looked for where misparsed.py
looks when the parser gave the verb no subject (a speaker set off by commas after the quote, an
appositive, an inverted one). When none is found there, the parser's reading stands (a quoted title
as a subject: "“Meet the Press” reported ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp import misparsed
from tracker.nlp.framing import Reader


def subject(reader: Reader, verb: Token, segment: Span) -> tuple[Token | None, bool]:
    """(speaker head, passive) of a reporting verb, as misparsed.subject reads them, unless that head
    is a word of a quotation before the verb and a speaker stands outside the quotation."""
    found, passive = misparsed.subject(reader, verb, segment)
    if found is None or found.i > verb.i or found.i not in reader.quoted or verb.i in reader.quoted:
        return found, passive
    other = (
        misparsed.set_off_subject(reader, verb, segment)
        or misparsed.appositive_subject(verb, segment)
        or misparsed.inverted_subject(reader, verb, segment)
    )
    return (other, False) if other is not None and other.i not in reader.quoted else (found, passive)
