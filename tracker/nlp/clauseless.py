"""A "that" clause the parser hung on a clause of the reporting verb whose verb takes none: "told
the Gazette before she spoke at the hearing that she believed the levy was unfair" ("that she
believed ..." read as the complement of "spoke"). "spoke", "arrived", "met" take no "that" clause,
so the clause is the reporting verb's content; "told reporters after she learned that ..." keeps
its clause with "learned". So too a gerund after a preposition: "admitted under questioning that
she had deleted the emails" ("questioning" takes no "that" clause; "after learning that" keeps
it). The verbs are data (patterns/clauseless.jsonl)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

CLAUSELESS_FILE = PATTERNS_DIR / "clauseless.jsonl"


@cache
def _verbs() -> frozenset[str]:
    return frozenset(w for row in read_jsonl(CLAUSELESS_FILE) for w in row["words"])


def complement(verb: Token) -> tuple[int, int] | None:
    """(first, last) token index of the "that" clause, from "that", hung on an adverbial clause or a
    prepositional gerund after `verb` whose verb takes none; None when there is none."""
    for clause in verb.rights:
        gerunds = [c for c in clause.children if c.dep_ == "pcomp"] if clause.dep_ == "prep" else []
        for host in [clause] if clause.dep_ == "advcl" else gerunds:  # "under questioning that"
            if host.lower_ not in _verbs():
                continue
            for said in host.rights:
                if said.dep_ == "ccomp" and said.left_edge.lower_ == "that":
                    return said.left_edge.i, said.right_edge.i
    return None
