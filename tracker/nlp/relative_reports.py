"""A participle set off after a relative clause that reports: "Bloomberg put his worth at $2.9 billion,
which Roe called “a disgrace,” blaming the mayor", "the contest had been rigged, a charge that party
leaders denied, noting that ...". The parser hangs the participle on the sentence's verb, but it goes
on with the report of the relative clause just before it: Roe blames, the leaders note. Only when that
clause has a subject of its own, its verb is a reporting verb and it ends right before the comma (and
a closing quotation mark); "criticized the bill, which Roe supported, saying ..." (no report) stays
with the sentence's subject."""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

CLOSING = frozenset({"”", '"', "’", "'"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
RELATIVE_WORDS = frozenset({"who", "which", "that", "whom"})


def reporter(participle: Token, reporting: Container[str]) -> Token | None:
    """The subject of the reporting relative clause `participle` goes on with (see the module
    docstring); None for any other shape."""
    doc = participle.doc
    if participle.dep_ != "advcl" or not participle.lower_.endswith("ing") or participle.i < 3:
        return None
    end = participle.i - 1
    while end > 0 and (doc[end].text in CLOSING or doc[end].text == ","):
        end -= 1
    if not any(t.text == "," for t in doc[end + 1 : participle.i]):
        return None
    clause = doc[end]
    while clause.dep_ != "relcl" and clause.head.i != clause.i and clause.head.i <= end:
        clause = clause.head
    if clause.dep_ != "relcl" or clause.lower_ not in reporting or clause.right_edge.i > participle.i - 1:
        return None
    subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
    return None if subject is None or subject.lower_ in RELATIVE_WORDS else subject
