"""Verbs that report only a quote attributed with them (reporting_verbs.jsonl content "attached"):
"“...,” he continued", "Roe continued: “...”". Such a verb, standing alone, says that the speaker
went on speaking; with words of its own ("would continue to investigate", "continued the practice",
"continues to draw support") it reports nothing. triggers.py keeps these verbs out of the verbs of
saying that other rules read, so that they never cut another claim's content or head one of their own.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp import placing, syntax
from tracker.nlp.framing import Reader

OWN_WORDS = frozenset({"xcomp", "oprd", "acomp", "attr"})  # "continued to investigate": its own words


def quotes(reader: Reader, verb: Token, subject: Token | None, segment: Span) -> list[tuple[int, int]]:
    """The quotes attributed with `verb` (placing.attached_quotes, and the quote that resumes them),
    none when the verb has an object, a predicate or a clause of its own outside quotation marks, and
    none unless every piece is in quotation marks (no block quote after "he continued:")."""
    if any(
        c.dep_ in OWN_WORDS or syntax.is_object(c) or (c.dep_ == "ccomp" and c.i not in reader.quoted)
        for c in verb.children
    ):
        return []
    pieces = placing.attached_quotes(reader, verb, subject, segment)
    quoted = {(q.start, q.end) for q in reader.quotes}
    if not pieces or any(p not in quoted for p in pieces):
        return []
    return placing.resumed(reader, verb, segment, pieces)
