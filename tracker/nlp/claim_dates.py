"""The date of a claim: the most specific date of its sentence (dates.date_for_sentence), leaving out
a date that belongs to neither the words reported nor the saying of them.

Left out, when it stands outside the content: a date in the tail of the reported clause that was cut
from the content ("Roe said Doe had lied, pointing to emails from 2017": the outlet's gloss, or
another speaker's report the words ran on into), and a date in a "who" clause or an apposition
describing the speaker ("Roe, who left the board in 2018, said ...", "Roe, its chief since 2019,
said ..."): when the speaker did something else, not when they said this. Kept: a date in the
content, one hung on the reporting verb ("said Tuesday", "Last week, Roe told ..."), one in the
medium ("in a post on Sunday") and one describing a document that speaks ("The motion, filed
Thursday, argues ...", "The lawsuit, which Roe filed in 2024, claims ..."): when the document said it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from tracker.nlp.dates import date_for_sentence
from tracker.nlp.types import DateMention

PERSONAL = frozenset({"who", "whom", "whose"})


def date_of(
    doc: Doc,
    verb: Token | None,
    dates: Sequence[DateMention],
    sentence: tuple[int, int],
    pieces: Sequence[tuple[int, int]],
) -> DateMention | None:
    """The claim's date among `dates` within `sentence`, leaving out those of other acts (above)."""
    if not dates:
        return None
    if verb is not None and pieces:
        dates = [d for d in dates if _inside(d, pieces) or not _another_act(doc, verb, d, pieces)]
    return date_for_sentence(dates, *sentence)


def _inside(date: DateMention, pieces: Sequence[tuple[int, int]]) -> bool:
    return any(start <= date.start and date.end <= end for start, end in pieces)


def _another_act(doc: Doc, verb: Token, date: DateMention, pieces: Sequence[tuple[int, int]]) -> bool:
    """The date's words hang, below the reporting verb, on the tail of its complement after the
    content, or on a "who" clause or an apposition of its subject."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    for token in span.root.ancestors:
        if token == verb:
            return False
        if token.head == verb and token.dep_ == "ccomp":
            return date.start >= max(end for _, end in pieces)  # the complement's tail, cut from it
        if token.dep_ == "appos" or (
            token.dep_ == "relcl" and any(t.lower_ in PERSONAL for t in token.children)
        ):
            return token.head.dep_ in ("nsubj", "nsubjpass") and token.head.head == verb
    return False
