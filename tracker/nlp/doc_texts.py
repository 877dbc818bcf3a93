"""A Doc's text, built once per Doc.

`Doc.text` is not stored: spaCy joins every token's text again at each call (about 0.35 ms for an
article of 900 tokens), and the extraction asks for it several times a document and again per claim
(the quote after a verb, a question's end). The text of a Doc never changes (retokenising merges and
splits tokens, not characters), so it is kept beside the Doc, weakly: it goes when the Doc goes.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def text_of(doc: Doc) -> str:
    """`doc.text`, joined at the first call for this Doc and kept for the next ones."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text
