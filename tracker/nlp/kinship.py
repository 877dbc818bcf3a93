"""Which of the full names an article gives for one surname are introduced as someone's relative, so
that a bare or titled surname does not refer back to them (referents.full_name): "Mr. Roe" after
"his brother, Paul Roe" is the John Roe the article is about.

- a name after a word of kinship ("his first wife, Jane Roe", "husband, former Gov. Jo Roe") or
  followed by one ("Jo Roe, their son", "Jo Roe, son of the candidate") is a relative;
- but in "Liz Roe, the daughter of Dick Roe" (", mother of Benghazi victim Sean Smith") the name
  after "of" is the relative: the apposition introduces Liz Roe, the one the article follows, by
  her kin of the same surname, who is only the reference point. The words of kinship are data
  (the "kin" rule of patterns/speakers.jsonl).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.types import Mention

KIN_BEFORE = (
    r"\b(?:{})\b,?\s+(?:[\w.]+\s+){{0,2}}$"  # "his first wife, Jane Roe", "husband, former Gov. Jo Roe"
)
KIN_AFTER = (  # "Jo Roe, their son", ", son of", ", the daughter of"
    r"^,\s+(?:(?:his|her|their|the)\s+(?:\w+\s+)?)?(?:{})\b(\s+of\s)?"
)
OF_REACH = 60  # characters after "of" in which the kin the apposition names must begin


def relatives(text: str, names: Sequence[Mention]) -> set[str]:
    """The first names of `names` (PERSON mentions of one surname) that the article introduces as
    someone's relative (see the module docstring)."""
    before, after = _patterns(speaker_words().kin)
    found: set[str] = set()
    for name in names:
        if before.search(text[max(0, name.start - 40) : name.start]):
            found.add(name.text.split()[0])
            continue
        kin = after.search(text[name.end : name.end + 40])
        if kin is None:
            continue
        reference = _named_after_of(text, name, name.end + kin.end(), names) if kin[1] else None
        found.add((reference or name).text.split()[0])
    return found


def _named_after_of(text: str, name: Mention, start: int, names: Sequence[Mention]) -> Mention | None:
    """The name of `name`'s surname, another first name, that "of" introduces within the apposition
    ("Liz Roe, the daughter of former Vice President Dick Roe": Dick Roe)."""
    for other in names:
        words = other.text.split()
        if (
            start <= other.start <= start + OF_REACH
            and words[-1] == name.text.split()[-1]
            and words[0] != name.text.split()[0]
            and not re.search(r"[.;!?]", text[start : other.start])
        ):
            return other
    return None


@cache
def _patterns(kin: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(sorted(kin)) or "(?!)"
    return re.compile(KIN_BEFORE.format(words), re.IGNORECASE), re.compile(
        KIN_AFTER.format(words), re.IGNORECASE
    )
