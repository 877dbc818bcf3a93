"""A participle of saying right after a noun's relative clause ("answered a motion the company filed on
Friday arguing that ...", "a letter the campaign sent on Monday alleging that ..."): the parser hangs it
on the sentence's verb, whose subject then seems to speak, but with no comma before it the participle
qualifies the noun the clause describes: the motion argues (and who filed it, speakers.py's reading of
a document given in a relative clause)."""

from __future__ import annotations

from spacy.tokens import Token

QUALIFIED = frozenset({"dobj", "pobj"})  # the noun is an object of the verb or of a preposition
CLAUSES = frozenset({"relcl", "acl", "ROOT", "ccomp", "xcomp", "advcl", "conj", "pcomp", "parataxis"})


def qualified_noun(participle: Token) -> Token | None:
    """The noun whose relative clause (one with a subject: "comments Roe made in 2006") ends right before
    `participle`, an "-ing" clause the parser hung on a verb above that noun; None when a comma or
    anything else stands between them, or the clause that ends there is another kind."""
    if participle.dep_ != "advcl" or not participle.lower_.endswith("ing") or participle.i == 0:
        return None
    token = participle.doc[participle.i - 1]
    if token.is_punct:
        return None
    while token.dep_ not in CLAUSES and token.head.i != token.i:
        token = token.head
    own = token.dep_ == "relcl" or (  # "comments Roe made", not "the notion that Roe would"
        any(c.dep_ == "nsubj" for c in token.children) and not any(c.dep_ == "mark" for c in token.children)
    )
    if token.dep_ not in CLAUSES or token.right_edge.i != participle.i - 1 or not own:
        return None
    noun = token.head
    return noun if noun.dep_ in QUALIFIED and participle.head in noun.ancestors else None
