"""A surname the entity model missed: "Sanders, meanwhile, who ..., said" where the article named
Bernie Sanders before. A capitalised word with no entity label of its own that is the last word of a
person named earlier in the article is that person's name, so it can speak; a word the article never
used as a surname (a place, a month, a sentence's first word) is not."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.framing import Reader


def named(reader: Reader, token: Token) -> bool:
    """`token` is the surname of a PERSON mention that ends before it."""
    if token.ent_type_ or not token.text[:1].isupper() or not token.text[1:].islower():
        return False
    earlier = reader.speakers.mentions_in(0, token.idx)
    return any(m.label == "PERSON" and m.text.split()[-1] == token.text for m in earlier)
