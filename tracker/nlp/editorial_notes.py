"""A bracketed note that opens a line and tells how the text was made: "(Translated from German) Musk
admitted ...", "[Translated] Mr. Musk stated ...", "(Updated) ...", a wire's "(Adds quote in paragraph
5)". It is no part of the sentence it stands before, but the parser reads it as one (an adverbial
clause whose object is the speaker's name), so the claim after it was missed or took the note's words.

Decides: such a note is taken out of the text spaCy reads (plaintext.py maps every offset back): a round
or square bracket at the start of a line, opened by a word of the rule file (patterns/
editorial_notes.jsonl: "Translated", "Traducido", "Updated", "Adds", "Corrected" ...), of at most
MAX_CHARS characters on one line, and the spaces after it. On PolNeAR train no text has one (its
line-opening brackets are "(h/t Mediaite.)", "(BEGIN VIDEO CLIP.)", "(Reporting by ...)"), so no claim
changed; written from the fifth trial set's v043 and v136.

Caveats: a note in the middle of a line (a dateline's "(Reuters)") stays; so does a note opened by
another word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

NOTES_FILE = PATTERNS_DIR / "editorial_notes.jsonl"
MAX_CHARS = 80


@cache
def _note() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for row in read_jsonl(NOTES_FILE) for w in row.get("words", ()))
    return re.compile(
        rf"^[ \t]*(?:\((?:{words})\b[^()\n]{{0,{MAX_CHARS}}}\)|\[(?:{words})\b[^\[\]\n]{{0,{MAX_CHARS}}}\])[ \t]*",
        re.MULTILINE,
    )


def notes(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, "") of each editorial note of `text` and the spaces after it."""
    if "(" not in text and "[" not in text:
        return
    for match in _note().finditer(text):
        if match.end() > match.start():
            yield match.start(), match.end(), ""
