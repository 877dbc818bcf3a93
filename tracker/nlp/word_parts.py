"""A reporting verb that ends a hyphenated word whose prefix makes it another word: "has de-emphasized
his roots", "a self-described socialist", "the so-called deal" report nothing; "re-tweeted",
"live-tweeted", "counter-accused" still report (their prefixes are not listed)."""

from __future__ import annotations

from spacy.tokens import Token

WORD_PREFIXES = frozenset({"de", "self", "so", "well", "ill", "much", "long", "oft"})
HYPHENS = frozenset({"-", "‐"})


def ends_other_word(verb: Token) -> bool:
    """`verb` is the end of "de-emphasized", "self-described", ... (see the module docstring)."""
    doc, i = verb.doc, verb.i
    if i < 2 or doc[i - 1].text not in HYPHENS or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return False
    return doc[i - 2].lower_ in WORD_PREFIXES
