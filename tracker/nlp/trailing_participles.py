"""A participle of saying that the parser hung on the wrong clause, whose subject would speak it.
"X said that Y was Z, adding ...": one hung on the reported clause is the reporter's (not one that
after_quotes.py keeps: "“...,” Y added, saying"). And one set off after a finished clause but hung on
a later clause: "The senator spoke for an hour, going on to say the state has spent decades on the
problem, young voters do not want to hear it again". The parser makes "going" a clause of "want",
whose subject ("young voters", words of the report's own sentence) would then speak it; it goes on
with the clause before its comma, whose verb the later clause hangs from ("spoke": the senator). Not
a participle opening a clause of its own after a conjunction ("Roe said X, and, citing Y, Doe argued
Z": Doe cites)."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.after_quotes import keeps_participle

OWN = frozenset({"mark", "nsubj", "nsubjpass"})  # a participle with these is a clause of its own
LATER = frozenset({"advcl", "conj", "parataxis"})  # how the later clause hangs from the earlier one


def trailing(participle: Token) -> bool:
    """`participle` ("-ing", an "advcl" with no subject or subordinating word) comes right after a
    comma that closes a clause of the verb its head hangs from, and its head comes after it."""
    doc, head = participle.doc, participle.head
    earlier = head.head
    if not (
        participle.dep_ == "advcl"
        and participle.lower_.endswith("ing")
        and not any(c.dep_ in OWN for c in participle.children)
        and head.i > participle.i
        and head.dep_ in LATER
        and earlier != head
        and earlier.i < participle.i - 1
        and doc[participle.i - 1].text == ","
    ):
        return False
    closing = doc[participle.i - 2]  # the last word of the clause before the comma: the earlier verb's
    return (
        closing.dep_ not in ("cc", "mark")
        and (closing == earlier or earlier.is_ancestor(closing))
        and not head.is_ancestor(closing)
    )


def earlier_verb(participle: Token) -> Token | None:
    """The verb whose subject speaks `participle` instead of its head's: the verb the head hangs from,
    for a participle hung on a reported clause (not one after_quotes.py keeps) or a trailing one."""
    head = participle.head
    if head.head == head:
        return None
    reported = participle.dep_ == "advcl" and head.dep_ == "ccomp" and not keeps_participle(participle)
    return head.head if reported or trailing(participle) else None
