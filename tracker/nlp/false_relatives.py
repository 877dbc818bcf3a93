"""A "that" clause the parser read as a relative clause of a noun after the verb, "that" taken for the
relative pronoun: "predicted at the last debate that Republicans will take every state" ("that" the
object of "take"), "alleged in the suit that Roe earned $5 million from the enterprise" ("that" the
object of "from"). A relative pronoun fills a role its clause leaves open; where the word "that" is
said to fill already has a word in that role, "that" only marks a clause, and the clause is the
reporting verb's content. So too a "that" read as a relative adverb opening a clause on a noun of the
verb's prepositional phrase: "said for the first time that the program would end", "said at the time
that ..." (a noun the verb takes as its object keeps its clause: "recalled the day that ..."; a noun
of manner keeps it too, patterns/manner_nouns.jsonl: "responded the same way that we must respond
now" says how, not what)."""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from spacy.tokens import Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

MANNER_FILE = PATTERNS_DIR / "manner_nouns.jsonl"

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
ROLES = {
    "advmod": frozenset(),
    "dobj": frozenset({"dobj"}),
    "pobj": frozenset({"pobj"}),
    "nsubj": SUBJECTS,
    "nsubjpass": SUBJECTS,
}
NOUN_ROLES = frozenset({"dobj", "nsubj", "nsubjpass"})  # "denied the report that ...": the noun's own


@cache
def _manner_nouns() -> frozenset[str]:
    return frozenset(w for row in read_jsonl(MANNER_FILE) for w in row["words"])


def of_manner(clause: Token) -> bool:
    """`clause` (a verb) is a relative clause on a noun of manner: "the same way that we must respond
    now", "in the same manner that the mayor had": it says how, it is no report's content, whether
    the parser reads its "that" as a relative adverb or as marking a clause (syntax.misattached_complement)."""
    return clause.dep_ in ("relcl", "acl") and clause.head.lower_ in _manner_nouns()


def complement(verb: Token) -> tuple[int, int] | None:
    """(first, last) token index of the clause after a "that" misread as a relative pronoun below
    `verb`; None when there is none."""
    for token in verb.subtree:
        if token.i <= verb.i or token.lower_ != "that" or token.dep_ not in ROLES:
            continue
        if token.dep_ == "advmod":
            if token.head.dep_ != "relcl":
                continue  # "kept that long": a degree adverb
        elif not any(c.dep_ in ROLES[token.dep_] and c.i != token.i for c in token.head.children):
            continue  # "the debate that followed": "that" fills the role
        clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
        if clause is None or clause.head.i > token.i or clause not in verb.subtree:
            continue
        if of_manner(clause):
            continue  # "the same way that we must respond now": how, not what
        path = [clause.head, *(a for a in clause.head.ancestors if a.i > verb.i and verb in a.ancestors)]
        if any(t.dep_ in NOUN_ROLES for t in path):
            continue
        return token.i + 1, clause.right_edge.i
    return None


def relayed_complement(verb: Token, reporting: Collection[str]) -> tuple[int, int] | None:
    """(first, last) token index of a "that" clause the parser hung on a relative clause or a
    participle of a noun of the verb's prepositional phrase, when that clause's verb reports nothing:
    "told the council in a memo that circulated Friday that he believes ..." ("that he believes ..."
    read as the complement of "circulated"), "wrote in a brief filed Friday that ..." (the unseen trial
    set's u089), "told CNBC in an interview aired Friday that ..." (the fifth set's v107). A relative
    clause or participle of saying keeps its clause ("in a memo that claimed
    that ..."), and so does a noun the verb takes as its object."""
    for token in verb.subtree:
        said = token.head
        if not (token.i > verb.i and token.lower_ == "that" and token.dep_ in ("mark", "advmod")):
            continue
        if said.dep_ != "ccomp" or said.left_edge.i != token.i or said.head.dep_ not in ("relcl", "acl"):
            continue
        clause = said.head
        if clause.lower_ in reporting or of_manner(clause) or clause.head.dep_ != "pobj":
            continue
        path = [clause.head, *(a for a in clause.head.ancestors if a.i > verb.i and verb in a.ancestors)]
        if verb in clause.ancestors and not any(t.dep_ in NOUN_ROLES for t in path):
            return token.i + 1, said.right_edge.i
    return None
