"""Hedges: the words that limit a claim ("partly", "may have", "allegedly").

Intent: a hedge that one outlet keeps and another drops is a discrepancy worth showing ("partly used"
versus "used"), so each claim records the hedges of its own words. The phrases are data
(patterns/hedges.jsonl); a match is case-insensitive on whole words, and of overlapping phrases the
longest wins ("may have" rather than "may").

Caveat: this is a word list, not a reading: "some" in "some analysts" counts as a hedge, and a negated
hedge ("not partly") is still reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

HEDGES_FILE = PATTERNS_DIR / "hedges.jsonl"
# "May" the month is no hedge: capitalised after a lower-case word, a digit or a comma ("ended in May",
# "on 4 May"), or before a number ("May 2025", "May 12"). Case-sensitive, where the rest is not.
MONTH = r"(?!(?-i:(?<=[a-z0-9,]\s)May\b|May\s+\d))"


@cache
def hedge_pattern() -> re.Pattern[str]:
    """One alternation of every hedge phrase, longest first, on word boundaries."""
    phrases = {p.lower() for rule in read_jsonl(HEDGES_FILE) for p in rule["phrases"]}
    alternatives = (
        re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]")
        for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(rf"{MONTH}(?<![\w'’])(?:{'|'.join(alternatives)})(?![\w'’])", re.IGNORECASE)


def find_hedges(texts: Iterable[str]) -> tuple[str, ...]:
    """The hedge phrases in `texts`, lower-cased and whitespace-normalised, once each, in order found."""
    found: dict[str, None] = {}
    for text in texts:
        for match in hedge_pattern().finditer(text):
            found[" ".join(match.group(0).lower().replace("’", "'").split())] = None
    return tuple(found)
