"""Who answers an interview's "A" turns: the person its lead says the interview or transcript is with.

Decides: an exchange of "Q: ... / A: ..." turns whose line before names no questioner and questioned
(answerers.py reads that line first) may follow a lead that names the one interviewed: a heading
"Q&A with Vice President Jo Roe.", "We spoke with Jo Roe, a professor, by phone. The interview has
been edited for length.", "From Tuesday's transcript of Roe's testimony:". Its "A" turns are that
person's verbatim words, named by the article a few lines away (resolution "interviewee"); the "Q"
turns stay unnamed (the interviewer is the outlet's).

What counts: the prose lines between the exchange and the one before it (or the article's start),
and in them a person's name right after "with" following an interview word ("Q&A", "interview",
"conversation") or a verb of meeting whose subject is the outlet ("we spoke with", "I sat down
with": "he spoke with a reporter" names the interviewer), titles before the name allowed, or after
"transcript of" and before "'s testimony" (patterns/interviewees.jsonl). Exactly one person so named,
and not joined to another ("We spoke with Roe and Doe"), or nothing is decided.

Rated "lead-interviewee", tier 1: they wait. Measured at its introduction on PolNeAR train: one
article is such an interview ("Q&A with Vice President ..."), whose 13 answer turns all take the
interviewee's name, right by reading; but 3 of them (short answers) are not annotated in PolNeAR, so
at tier 2, as "transcript-answerer" rates a line-before name, the scorer's tier-2 precision fell
(0.9939 to 0.9933). The two other interviews on train name no one this way and are left as they were.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tracker.nlp.components import PATTERNS_DIR, rule_row
from tracker.nlp.referents import full_name
from tracker.nlp.types import Mention

VIA = "interviewee"
CONJOINED = re.compile(
    r"\s*(?:,\s*)?(?:and|&)\s+(?:with\s+)?(?:(?:[A-Z][\w.'’-]*|the)\s+){0,5}"
)  # "Roe and Doe"
TITLES = r"(?:(?:[A-Z][\w.'’-]*|of|the)\s+){0,5}"  # "Vice President", "Sen.", "the former first lady"


@cache
def _phrases() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(what ends right before a name, what of it is a record's, what must follow a record's name)."""
    row = rule_row(PATTERNS_DIR / "interviewees.jsonl", "interviewee")

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    before = (
        rf"(?i:\b(?:{alternatives(row['nouns'])})\s+with|\b(?:we|i)\s+(?:{alternatives(row['verbs'])})\s+with"
        rf"|\b(?:{alternatives(row['records'])})\s+of)\s+{TITLES}$"
    )
    record = rf"(?i:\b(?:{alternatives(row['records'])})\s+of)\s+{TITLES}$"
    sayings = rf"^['’]s?\s+(?:{alternatives(row['sayings'])})\b"
    return re.compile(before), re.compile(record), re.compile(sayings)


def interviewee(text: str, lines: Sequence[tuple[int, int]], people: Sequence[Mention]) -> Mention | None:
    """The one person the prose `lines` (spans of `text`) name as interviewed, or None."""
    before, record, sayings = _phrases()
    named: dict[str, Mention] = {}
    for start, end in lines:
        line = [m for m in people if start <= m.start and m.end <= end]
        for person, after in zip(line, [*line[1:], None], strict=False):
            lead = text[max(start, person.start - 120) : person.start]
            if not before.search(lead):
                continue
            if after is not None and CONJOINED.fullmatch(text[person.end : after.start]):
                return None  # "We spoke with Roe and Doe": two answer
            if record.search(lead) and not sayings.match(text[person.end : end]):
                continue  # "the transcript of Roe's testimony", not "the record of Roe and Doe"
            named[person.entity or full_name(people, person)] = person
    return next(iter(named.values())) if len(named) == 1 else None
