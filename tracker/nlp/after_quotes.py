"""Words set before their attribution: a participle among them is their subject's ("Her friends mocked
the plan, calling it “a farce,” Roe said": the friends called), and one after an attribution set after a
quotation is that speaker's ("Lee cannot say that “...,” Roe added, saying ...": Roe), even where the
parser hung the words or the attribution on a later or earlier verb of saying as its complement."""

from __future__ import annotations

from spacy.tokens import Token

CLOSING_MARKS = frozenset({"”", '"'})


def keeps_participle(participle: Token) -> bool:
    """A participle hung on a complement is the complement's subject's, not the subject of the verb the
    complement belongs to: both come before that verb with no other clause's subject between them (not
    "It was a blow, as Roe echoed it, saying ..."), or the complement is an attribution set after a
    quotation."""
    clause = participle.head
    between = participle.doc[clause.i + 1 : participle.i]
    fronted = participle.i < clause.head.i and not any(t.dep_ in ("nsubj", "nsubjpass") for t in between)
    return fronted or follows_quote(clause)


def follows_quote(verb: Token) -> bool:
    """The verb's subject stands just before it, right after a quotation's closing mark that follows a
    comma or stop ("perspective,” Roe added"): not a subject inside the quotation (“..., we will ...”)."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "nsubj" and child.right_edge.i == verb.i - 1:
            mark = child.left_edge.i - 1
            return mark > 0 and doc[mark].text in CLOSING_MARKS and doc[mark - 1].is_punct
    return False
