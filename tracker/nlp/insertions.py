"""An attribution inserted in the middle of the words it reports, which the parser hung on them as an
adverbial clause or as a clausal complement of the words after it: "With each passing week, these
donors concede, it becomes harder to win", "Instead, Roe told the Ledger, her plan would ...".
placing.around reads such an insertion when the parser makes it a parataxis or ends the sentence
with it; this reads the others: a verb of saying with a subject of its own and no subordinating word
("As Roe noted, ..." is placing.as_reported's), set off by a comma before its subject and one after
its last word, with no clause, predicate or object of its own (an addressee aside: "told the
Ledger"). The content is the words before and after it in its sentence: at least three after it, and
before it three for an adverbial clause, one for a complement ("Instead")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp import syntax
from tracker.nlp.framing import Reader

OWN = frozenset({"ccomp", "xcomp", "oprd", "mark", "advcl", "conj"})
MIN_SIDE_WORDS = 3
INSERTED = frozenset({"advcl", "ccomp"})  # "Instead, Roe told the Ledger, her plan would ...": a ccomp too


def inserted(
    reader: Reader, verb: Token, subject: Token | None, segment: Span, *, addressee: bool = False
) -> list[tuple[int, int]]:
    """The pieces around an inserted adverbial attribution (see the module docstring), or []."""
    if verb.dep_ not in INSERTED or verb.head.i < verb.i or subject is None or subject.head != verb:
        return []
    if subject.i > verb.i:
        return []
    if any(c.dep_ in OWN or (syntax.is_object(c) and not addressee) for c in verb.children):
        return []
    doc = reader.doc
    first = reader.speakers.phrase(subject)[0]
    last = verb.right_edge.i
    if not (segment.start < first and last + 1 < segment.end - 1):
        return []
    if doc[first - 1].text != "," or doc[last + 1].text != ",":
        return []
    before = [i for i in range(segment.start, first - 1) if not doc[i].is_punct]
    after = [i for i in range(last + 2, segment.end) if not doc[i].is_punct]
    if not before or len(after) < MIN_SIDE_WORDS or (verb.dep_ == "advcl" and len(before) < MIN_SIDE_WORDS):
        return []
    return [reader.range(before, segment), reader.range(after, segment)]
