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

A date closes the words about it ("asked the court to rule by December 1", "stopped training in March
2024"), and nothing need follow it: a slot that holds a month name (a date) also keys with the DATE_WORDS
words before it, no slot among them, when they hold MIN_CONTENT distinctive content words ("appeals
court to rule by #"; not "the court to rule by #": "rule" stems to three letters, one). A figure still
needs words on both sides (the noun it counts). Words that begin the text and run to a date ("he
resigned on #", "the practice stopped in #") key it too with one distinctive content word among
START_WORDS or more: the whole clause before the date is the same. "May" is a month only before a
year or a day ("in May 2025", "May 10"), never as a modal ("may 10 people" is not English).

Caveat: one speaker's two statements of one story that repeat four words around two different figures
("the company opened # accounts in" March and in May) become one claim; a curator splits it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from tracker.crossref.words import distinctive, normalise_quote
from tracker.nlp import dates

SLOT = "#"
KEY = "~#"  # a slot key's mark: starts with claim_restating.KEY, so that no verbatim quote key is one
RUN_WORDS = 4
DATE_WORDS = 5  # the words before a date that key it: a run longer by one for want of words after it
MIN_CONTENT = 2
START_WORDS = 3  # the words from the text's start to a date: "he resigned on #"
MONTHS = frozenset(dates.MONTHS)  # the month names and their abbreviations the extraction reads
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th|s)?")


def slotted(text: str) -> list[str]:
    """The text's words (`normalise_quote`), each number and month name SLOT, a run of them one."""
    return [word for word, _ in _slotted(text)]


def _slotted(text: str) -> list[tuple[str, bool]]:
    """`slotted`'s words, each with whether it is a SLOT that holds a month name (a date)."""
    out: list[tuple[str, bool]] = []
    split = normalise_quote(text).split()
    for n, word in enumerate(split):
        month = word in MONTHS and (word != "may" or bool(_NUMBER.fullmatch(" ".join(split[n + 1 : n + 2]))))
        if _NUMBER.fullmatch(word) or month:
            if out and out[-1][0] == SLOT:
                out[-1] = (SLOT, out[-1][1] or month)
                continue
            word = SLOT
        out.append((word, month))
    return out


@functools.lru_cache(maxsize=1 << 14)
def keys(text: str) -> frozenset[str]:
    """The text's slot keys (see above): KEY and the slotted run; and a date's (a date)."""
    marked = _slotted(text)
    words, found = [w for w, _ in marked], set()
    for i in range(len(words) - RUN_WORDS + 1):
        run = words[i : i + RUN_WORDS]
        if SLOT not in run[1:-1]:
            continue
        rest = [w for w in run if w != SLOT]
        if distinctive(rest) >= MIN_CONTENT:
            found.add(KEY + " ".join(run))
    for i, (_, date) in enumerate(marked):
        before = words[i - DATE_WORDS : i] if i >= DATE_WORDS else []
        if date and SLOT not in before and distinctive(before) >= MIN_CONTENT:
            found.add(KEY + " ".join([*before, SLOT]))
        start = words[:i]  # the words from the text's start, DATE_WORDS at most: their whole clause
        if date and START_WORDS <= i <= DATE_WORDS and SLOT not in start and distinctive(start) >= 1:
            found.add(KEY + "^" + " ".join([*start, SLOT]))
    return frozenset(found)


def among(said: Iterable[str]) -> frozenset[str]:
    """The slot keys among a report's or a claim's quote keys (`claim_restating.said_keys`)."""
    return frozenset(k for k in said if k.startswith(KEY))
