"""Quotation marks printed with no space between them and the words outside: `paranoia,”Roe said`,
`Roe said,“Look`, `audiences,"Jane Roe said`. The tokenizer then reads the mark and the word beside it
as one token (`paranoia,”Roe`), so the speaker or the opening of the quote is lost to the parser.
`spaced` gives the edits that set such a mark off by a space on its outer side; plaintext.py runs
them before anything reads the text, and its map keeps every offset pointing into the stored text.

A curly mark says which side is outer: a closing one glued to a letter or digit after it, an opening
one glued to a letter, digit or punctuation mark before it. A straight double mark between
punctuation and a letter closes when an odd number of straight double marks stands before it in its
paragraph, and opens otherwise. Apostrophes and single marks are left alone ("don’t", "’90s")."""

from __future__ import annotations

import re
from collections.abc import Iterator

CLOSING = re.compile(r"(?<=\S)”(?=[^\W_])")
OPENING = re.compile(r"(?<=[^\W_]|[,.;:!?])“(?=\S)")
STRAIGHT = re.compile(r'"|\n')


def spaced(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, replacement) for each glued double mark: the mark with a space on its outer side.
    One pass over the text for each kind of mark."""
    for m in CLOSING.finditer(text):
        yield m.start(), m.end(), "” "
    for m in OPENING.finditer(text):
        yield m.start(), m.end(), " “"
    before = 0  # straight double marks before this one in its paragraph
    for m in STRAIGHT.finditer(text):
        at = m.start()
        if text[at] == "\n":
            before = 0
            continue
        if 0 < at < len(text) - 1 and text[at - 1] in ",.;:!?" and text[at + 1].isalpha():
            yield at, at + 1, '" ' if before % 2 else ' "'
        before += 1
