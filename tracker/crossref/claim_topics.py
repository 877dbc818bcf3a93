"""Claim topics: the words a story's claims share because they are about one case carry no match alone
(issue 16, item 4: precision before recall).

Claim linking joins a report to the claim of its speaker whose content words it shares most
(`words.similarity`, at `words.MIN_SIMILARITY`). In a story about one product built from another, nearly
every statement names both and what passed between them: "the Orrery answers were removed from training
in a later version of Kitewing" and "Orrery's answers went into Kitewing" share "orrery", "answers" and
"kitewing" (0.50 to 0.57) and nothing of what either states, and became one claim (Veldmark, a third
undated, session 30). So a match by content words under `claim_linking.MERGE_SIMILARITY` (a weak one)
counts only when the report and the claim's report nearest to it share a *telling* word: one that fewer
than COMMON_SHARE of the claims the article's reports may join hold (those claims' reports together), or
fewer than COMMON_CLAIMS of them (a pool of a few claims has no topic to speak of). A match by quote, by
the report's earlier claim, or at MERGE_SIMILARITY or more is not this rule's.

Caveat: a weak match of two reports of one statement that share only the story's topic words (a
paraphrase with no word of its own in common) stays two claims; a curator merges them.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from tracker.crossref.claim_merging import shared
from tracker.crossref.words import MIN_SIMILARITY

if TYPE_CHECKING:
    from tracker.crossref.claim_linking import _Known

COMMON_CLAIMS = 3  # a word in fewer claims of the pool than this is telling, whatever the pool's size
COMMON_SHARE = 0.25  # ... and so is one in under this share of them


def telling(words: frozenset[str], known: list[_Known], score: dict[_Known, float], strong: float) -> set:
    """The claims of `score` (each with the report's similarity to it, `words` its content words) whose
    match by content words counts: at `strong` or more, or at MIN_SIMILARITY sharing a telling word with
    the claim's nearest report; `known` is every claim the article's reports may join."""
    told, common = set(), None
    for k, value in score.items():
        if value >= strong:
            told.add(k)
        elif value >= MIN_SIMILARITY:
            common = topic(known) if common is None else common
            told.update([k] if shared(k, words) - common else [])
    return told


def topic(known: list[_Known]) -> frozenset[str]:
    """The words of COMMON_CLAIMS or more of the claims, and COMMON_SHARE of them or more."""
    held = Counter(w for k in known for w in frozenset().union(*k.words))
    floor = max(COMMON_CLAIMS, COMMON_SHARE * len(known))
    return frozenset(w for w, n in held.items() if n >= floor)
