"""The outlet's word on a naming, set after the name: "called X ''racist,'' an extraordinary
indictment that drew criticism", "called him a ''moderate,'' a subtle dig at a candidate who ...".
After a comma (inside or outside a quotation), a phrase whose first few words hold a noun of comment
(patterns/gloss_nouns.jsonl: indictment, rebuke, dig, ...) is cut from the verb's phrase; more names
("called him a ''fraud,'' a shameless cheat") stay."""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from spacy.tokens import Doc

from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.inverted import QUOTE_MARKS

GLOSS_NOUNS_FILE = PATTERNS_DIR / "gloss_nouns.jsonl"
REACH = 4  # words from the quote to the noun: "an extraordinary indictment", "his latest dig"


@cache
def _nouns() -> frozenset[str]:
    return frozenset(w for row in read_jsonl(GLOSS_NOUNS_FILE) for w in row["words"])


def trailing(doc: Doc, indices: Collection[int]) -> set[int]:
    """The indices of a comment on a name that ends the phrase: from the comma on, or from the word
    after the quotation when the comma stands inside it ("''racist,'' an indictment")."""
    last = max(indices, default=-1)
    for i in sorted(indices):
        if doc[i].text != "," or i + 2 > last:
            continue
        after = i + 2 if doc[i + 1].text in QUOTE_MARKS else i + 1  # ",''" or "'',"
        if any(t.lower_ in _nouns() for t in doc[after : min(after + REACH, last + 1)]):
            return {j for j in indices if j >= (i if after == i + 1 else after)}
    return set()
