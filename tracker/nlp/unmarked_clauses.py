"""A reported clause with no "that" after a phrase of occasion, which the parser read as an adverbial
clause opened by that phrase: "Dale said after the hearing he would not accept the offer" ("after the
hearing" hung on "accept", and "accept" made an adverbial clause of "said", so the verb had no content
and no claim was made). An adverbial clause has a word that opens it ("if", "because", "when", "after
he lost"); a clause with its own subject and none, after a verb of saying, is what was said, and the
phrase of occasion before its subject says when or where it was said. The prepositions are the
occasion words of patterns/occasions.jsonl ("after", "during", "at", ...).

Caveat: a preposition with no object of its own ("after he lost") opens a real adverbial clause and is
left alone; so is a clause with a word between the phrase and its subject ("at the hearing because
he ..."), or one that does not start straight after the verb."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.occasions import occasion_prepositions

SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})


def complement(verb: Token) -> tuple[int, int] | None:
    """(first, last) token index of the clause, from its subject, when an adverbial clause of `verb`
    right after it opens with a phrase of occasion and then its subject, with no word to open it."""
    for clause in verb.rights:
        if clause.dep_ != "advcl" or clause.left_edge.i != verb.i + 1:
            continue
        lefts = list(clause.lefts)
        subject = next((c for c in lefts if c.dep_ in SUBJECTS), None)
        opening = lefts[0] if lefts else None
        if (
            subject is None
            or opening is None
            or opening.lower_ not in occasion_prepositions()
            or not any(c.dep_ == "pobj" for c in opening.children)  # a phrase, not "after he lost"
            or opening.right_edge.i + 1 != subject.left_edge.i
        ):
            continue
        return subject.left_edge.i, clause.right_edge.i
    return None
