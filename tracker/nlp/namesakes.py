"""Whom a bare surname can refer to when the article gives several full names of it (referents.full_name):
"Roe" after Jo Roe and Sam Roe, neither a relative and of one gender or none told, is either one, so
it stays as written rather than taking the nearest (on PolNeAR train's published claims the nearest
was the wrong person about one time in three: "Clinton" after Hillary then Bill, "Murphy" after the
senator then a victim, "Podesta" after Tony then John).

Unless one of them is the person the article is about: named in full at least three times as
often as all the others together ("Bush" after Jeb Bush, named eleven times, and George W. Bush,
once). Not several people:
- short and long forms of one first name ("Ken" and "Kenneth Starr", "Pete" and "Peter", "Francois"
  and "François"): the same first three letters, accents aside;
- one whose first name is most often given to the other gender than the surname's, when the
  article tells that ("Mr. Roe" after Alma Roe and Dale Roe: Dale Roe);
- a "full name" the entity model made of another and a word before it ("Billionaire Donald Trump"),
  or of words that are no name ("Neither Cruz", "Without Bloomberg", "Weak - Rubio", "Trump v.
  Trump", "AG Mukasey"): a word in lower case or a mark inside it ("-", "v."), or a first word in
  neither list of first names (patterns/first_names.jsonl) that is in capitals or a common word (a
  stopword, a word in -ing or -ed, one the article writes in lower case).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.types import Mention

FIRST_NAMES_FILE = PATTERNS_DIR / "first_names.jsonl"
DOMINANT = 3  # times as many full mentions as all the others together: the one the article is about


def the_one(
    names: Sequence[Mention], mentions: Sequence[Mention], text: str, gender: str | None = None
) -> Mention | None:
    """Of `names` (full names of one surname before the surname, nearest first, the relatives set
    aside), the one it refers to: the nearest when they are all one person, or that of the person
    the whole article names in full at least three times as often as all the others together
    (Jeb Bush named eleven times, George W. Bush once); None when they are several people."""
    people = [m for m in names if not _made_up(m, names, text)] or list(names)
    if gender is not None:  # "Mr. Roe": not the Alma Roe whose first name is a woman's
        people = [m for m in people if _first_names().get(m.text.split()[0], gender) == gender] or people
    stems = {_stem(m.text.split()[0]) for m in people}
    if len(stems) == 1:
        return people[0]
    surname = people[0].text.split()[-1]
    counts = Counter(
        _stem(m.text.split()[0])
        for m in mentions
        if m.label == "PERSON" and len(m.text.split()) > 1 and m.text.split()[-1] == surname
    )
    top = max(stems, key=lambda s: counts[s])
    if counts[top] >= DOMINANT * sum(counts[s] for s in stems if s != top):
        return next(m for m in people if _stem(m.text.split()[0]) == top)
    return None


def _stem(first: str) -> str:
    return unicodedata.normalize("NFKD", first).encode("ascii", "ignore").decode()[:3].lower()


def _made_up(mention: Mention, names: Sequence[Mention], text: str) -> bool:
    words = mention.text.split()
    first = words[0]
    if any(m.text != mention.text and mention.text.endswith(" " + m.text) for m in names):
        return True  # "Billionaire Donald Trump" after "Donald Trump"
    if any(w[:1].islower() or not w[:1].isalpha() for w in words[1:-1]):  # "Weak - Rubio", "v."
        return True
    if first in _first_names():
        return False
    if first.isupper():  # "AG Mukasey", "FALLIN": a title or a name in capitals
        return True
    lower = first.lower()
    return (
        lower in STOP_WORDS
        or lower.endswith(("ing", "ed"))
        or re.search(rf"(?<![\w.]){re.escape(lower)}\b", text) is not None
    )


@cache
def _first_names() -> dict[str, str]:
    return {name: row["gender"] for row in read_jsonl(FIRST_NAMES_FILE) for name in row["names"]}
