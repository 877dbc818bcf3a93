"""Odd whitespace made plain before spaCy reads a text (a stage of plaintext.py).

Rule: a run of spaces that holds a no-break space (U+00A0), a fixed-width space (U+2000-U+200A: en,
em, thin, hair ...), a narrow no-break space (U+202F), a medium mathematical space (U+205F), an
ideographic space (U+3000) or an ogham space mark (U+1680) becomes one plain space; the invisible
zero-width space (U+200B), word joiner (U+2060) and byte-order mark (U+FEFF) are taken out (a run of
only these) or fold into the space beside them.

Why: spaCy's tokenizer splits on plain spaces only, so in "a\xa0serial liar" the no-break space is a
token of its own, a node of the parse between the words, and the conjunct chain or relative clause
through it breaks (PolNeAR train's editor's note, 12 copies, kept the epithet for its speaker; 26 of
dev's 84 texts and 244 of train's 840 hold a no-break space). News HTML is full of `&nbsp;` (decoded to
a plain space already, plaintext._entity); texts stored from pages and feeds keep the character itself.

Left alone: runs of plain spaces, tabs and line breaks; the zero-width joiner and non-joiner (U+200C,
U+200D), which shape scripts and emoji; the soft hyphen (U+00AD). The stored text keeps its characters:
offsets map back through plaintext.py, and claim texts carry the plain space, as for `&nbsp;`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
# Each odd space for one plain space, keeping lengths: for finding words the extraction gave (plain spaces)
# in a stored text that prints odd ones (crossref's quote locating).
ONE_SPACE = str.maketrans(dict.fromkeys(_SPACES, " "))
_INVISIBLE = "\u200b\u2060\ufeff"
_RUN = re.compile(f"[ {_SPACES}{_INVISIBLE}]+")
_ODD = re.compile(f"[{_SPACES}{_INVISIBLE}]")
_SPACING = re.compile(f"[ {_SPACES}]")


def spaces(text: str, _changed: bool = False) -> Iterator[tuple[int, int, str]]:
    """Edits (start, end, replacement) turning each run holding odd whitespace into " " or ""."""
    if not _ODD.search(text):
        return
    for m in _RUN.finditer(text):
        run = m.group()
        if _ODD.search(run):
            yield m.start(), m.end(), " " if _SPACING.search(run) else ""
