"""A participle of saying right after a noun's relative clause ("answered a motion the company filed on
Friday arguing that ...", "a letter the campaign sent on Monday alleging that ..."): the parser hangs it
on the sentence's verb, whose subject then seems to speak, but with no comma before it the participle
qualifies the noun the clause describes: the motion argues (and who filed it, speakers.py's reading of
a document given in a relative clause). So too a participle after an absolute "with" phrase set off by
commas ("..., with some supporters, such as Roe and Doe, now saying they think ..."): those supporters
say it (`absolute_subject`), not the subject of the sentence; "spoke with reporters, saying" has no
comma before "with" and stays the speaker's."""

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


def absolute_subject(participle: Token) -> Token | None:
    """The object of a "with" set off by a comma before it whose phrase ends, at a comma, right before
    `participle` (an "-ing" clause the parser hung on the verb "with" belongs to); None otherwise."""
    if participle.dep_ != "advcl" or not participle.lower_.endswith("ing"):
        return None
    doc = participle.doc
    for prep in participle.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "with" or prep.i == 0 or doc[prep.i - 1].text != ",":
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        end = participle.left_edge.i - 1  # the comma after the phrase
        if noun is not None and doc[end].text == "," and prep.right_edge.i in (end, end - 1):
            return noun
    return None
