"""An attribution set after a quotation ("“...,” Roe added"): a participle that follows it ("..., saying
it should be ...") is that speaker's, even where the parser hung the attribution on a verb of the words
before it as their complement ("Lee cannot say that “...,” Roe added, saying ...")."""

from __future__ import annotations

from spacy.tokens import Token

CLOSING_MARKS = frozenset({"”", '"'})


def follows_quote(verb: Token) -> bool:
    """The verb's subject stands just before it, right after a quotation's closing mark that follows a
    comma or stop ("perspective,” Roe added"): not a subject inside the quotation (“..., we will ...”)."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "nsubj" and child.right_edge.i == verb.i - 1:
            mark = child.left_edge.i - 1
            return mark > 0 and doc[mark].text in CLOSING_MARKS and doc[mark - 1].is_punct
    return False
