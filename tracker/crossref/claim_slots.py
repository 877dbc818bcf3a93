"""Claim slots: two reports of one speaker that say the same thing but a figure or a date (issue 16,
item 4), so that claim linking puts them on one claim and the figure the outlets disagree on is shown.

One outlet writes that the lawyer said the company "created 41,000 accounts", another "created 14,000
accounts"; one quotes "matched 87 percent of the prompts", another "78 percent"; "stopped on January 12,
2026" against "January 21". The reports share no verbatim quote and few content words (the figure is one
of them), so they stayed two claims, and the disagreement, which is the figure, was never shown.

A figure or a date is a *slot*: every number and month name of a report's text and quotes (as
`normalise_quote` splits them: "$48.5 million" is "48 5 million", "January 12, 2026" is "january 12
2026") becomes SLOT, a run of slots one. A report's *slot keys* are its runs of RUN_WORDS slotted words
that hold a slot with words before and after it (the noun the figure counts: "# accounts", "# percent") and
MIN_CONTENT distinctive content words besides (`words.DISTINCTIVE` letters or more: "created #
accounts" with the subject before it, not "to pay # million"). Two reports of one speaker key in one
story or event (the pool `claim_linking._match` compares) that share a slot key are one statement
(`claim_restating.quoted`, as a quote restated). "3 counts" and "5 witnesses" share no key: the noun
after the slot differs.

Caveat: one speaker's two statements of one story that repeat four words around two different figures
("the company opened # accounts in" March and in May) become one claim; a curator splits it.
"""

from __future__ import annotations

import functools
import re

from tracker.crossref.words import distinctive, normalise_quote
from tracker.nlp import dates

SLOT = "#"
KEY = "~#"  # a slot key's mark: starts with claim_restating.KEY, so that no verbatim quote key is one
RUN_WORDS = 4
MIN_CONTENT = 2
MONTHS = frozenset(dates.MONTHS)  # the month names and their abbreviations the extraction reads
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th|s)?")


def slotted(text: str) -> list[str]:
    """The text's words (`normalise_quote`), each number and month name SLOT, a run of them one."""
    out: list[str] = []
    for word in normalise_quote(text).split():
        if _NUMBER.fullmatch(word) or (word in MONTHS and word != "may"):
            if out and out[-1] == SLOT:
                continue
            word = SLOT
        out.append(word)
    return out


@functools.lru_cache(maxsize=1 << 14)
def keys(text: str) -> frozenset[str]:
    """The text's slot keys (see above): KEY and the slotted run."""
    words, found = slotted(text), set()
    for i in range(len(words) - RUN_WORDS + 1):
        run = words[i : i + RUN_WORDS]
        if SLOT not in run[1:-1]:
            continue
        rest = [w for w in run if w != SLOT]
        if distinctive(rest) >= MIN_CONTENT:
            found.add(KEY + " ".join(run))
    return frozenset(found)
