"""Date expressions: find them in an analysed text and resolve them against the article's publication date.

Intent: every date an article states ("on Thursday", "earlier this week", "April 27, 2026", "in 2023")
becomes a `DateMention` with a value and a precision (day, week, month, year), so that claims and
events can be dated. The value of a week is its Monday; of a month, its first day; of a year, 1 January.

Rules and caveats:
- Relative expressions are resolved against `published`, a calendar date: the caller decides in which
  time zone the publication instant is read. With no publication date they keep their precision but
  get no value, rather than a wrong one; absolute dates keep their value.
- A bare weekday ("Thursday", "on Monday", "Tuesday night") is the most recent such day on or before
  publication, since news is told in the past tense, unless the act it dates lies ahead (date_tenses:
  "would question each juror on Thursday", "The trial resumes Monday"): then the first on or after; a
  standing day ("every Friday") and a headline's present of another day ("Musk testifies Tuesday") get
  none; "last Thursday" is strictly before,
  "next Thursday" / "this coming Thursday" strictly after, "this Thursday" the one in the publication week.
- A day or month without a year ("Apr. 27", "in March") takes the latest year that puts it no more than
  about two months (62 days) after publication: "December 30" in an article of 3 January 2027 is
  2026-12-30, "January 5" in one of 28 December 2026 is 2027-01-05; for an act ahead (date_tenses) the first
  on or after publication, for one in the past the last on or before. A bare month must be capitalised.
- Numeric dates ("4/30/2026") are read month first, as in US news, unless the first number is over 12.
- Not resolved, so not reported: durations ("three years", "the past two years"), ages, vague words
  ("recently", "soon", "the past few years"), decades ("the 1990s": no decade precision exists, and a
  year would claim too much), and dates anchored to another event rather than to publication ("a year
  later", "the next day").
- Season or "early/late/mid" modifiers are dropped: "early 2023" and "summer of 2023" are the year 2023.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

from tracker.nlp import date_tenses
from tracker.nlp.doc_texts import text_of
from tracker.nlp.types import DateMention

PATTERNS_FILE = Path(__file__).with_name("patterns") / "dates.jsonl"
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
ENTITY_LABELS = ("DATE", "TIME")

MONTHS = {
    **dict.fromkeys(("january", "jan"), 1),
    **dict.fromkeys(("february", "feb"), 2),
    **dict.fromkeys(("march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    "may": 5,
    **dict.fromkeys(("june", "jun"), 6),
    **dict.fromkeys(("july", "jul"), 7),
    **dict.fromkeys(("august", "aug"), 8),
    **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("october", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH_CAP = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20|21)\d\d)"
_WEEKDAY = "|".join(WEEKDAYS)
_NUMBER = r"\d{1,3}|" + "|".join(NUMBERS)
_UNIT = r"(?P<u>day|week|month|year)s?"

_I = re.IGNORECASE
ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)")
NUMERIC = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})")
MONTH_DAY = re.compile(rf"(?P<mon>{_MONTH})\s+{_DAY}(?:,?\s+{_YEAR})?", _I)
DAY_MONTH = re.compile(rf"{_DAY}(?:\s+of)?\s+(?P<mon>{_MONTH}),?(?:\s+{_YEAR})?", _I)
MONTH_YEAR = re.compile(rf"(?P<mon>{_MONTH})(?:,?\s+(?:of\s+)?{_YEAR})?", _I)
YEAR = re.compile(rf"(?:(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?)?{_YEAR}", _I)
WEEKDAY = re.compile(rf"(?:(?P<rel>last|past|next|this\s+coming|coming|this)\s+)?(?P<wd>{_WEEKDAY})", _I)
WEEKDAY_THEN_DATE = re.compile(rf"(?:{_WEEKDAY}),?\s+(?P<rest>.+)", _I)
AGO = re.compile(rf"(?P<n>{_NUMBER})\s+{_UNIT}\s+ago", _I)

LEADING = re.compile(
    r"^(?:(?:on|in|at|since|by|until|till|from|during|as\s+of|before|after|around|about|circa|through"
    r"|throughout|early|earlier|late|later|the|end\s+of|start\s+of|beginning\s+of|middle\s+of)\s+|mid-?\s*)",
    _I,
)
TIME_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$", _I)

# Expressions the model may miss, scanned over the raw text; group "x" is the date itself.
_B, _E = r"(?<![\w/-])", r"(?![\w/-])"
_SCAN_YEAR = r"(?:,?\s+(?:19|20|21)\d\d(?!\d)|(?!\w))"  # a year may run into the next word: "2026by"
_MODIFIER = r"(?:(?:earlier|later|early|late)\s+)?"


def _scanners() -> tuple[re.Pattern[str], ...]:
    """Each opens on a lookahead of its first character's class, so the engine skips to the next such
    character instead of trying the lookbehind and the alternation at every position."""
    phrases = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_phrases(), key=len, reverse=True))
    digit, month = r"(?=\d)", "(?=[ADFJMNOS])"
    return tuple(
        re.compile(p)
        for p in (
            rf"{digit}{_B}(?P<x>\d{{4}}-\d\d-\d\d){_E}",
            rf"{digit}{_B}(?P<x>\d{{1,2}}/\d{{1,2}}/\d{{4}})(?!\d)",
            rf"{month}{_B}(?P<x>{_MONTH_CAP}\s+[0-3]?\d(?:st|nd|rd|th)?{_SCAN_YEAR})",
            rf"{digit}{_B}(?P<x>[0-3]?\d(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH_CAP}{_SCAN_YEAR})",
            rf"{month}{_B}(?P<x>{_MONTH_CAP},?\s+(?:19|20|21)\d\d)(?!\d)",
            rf"{_folded('isdub')}\b(?i:in|since|during|until|by)\s+(?P<x>(?:19|20|21)\d\d){_E}",
            rf"(?=(?i:[lnt])|[FMSTW])\b(?P<x>(?:(?i:last|next|this\s+coming|this)\s+)?"
            rf"(?:{'|'.join(w.title() for w in WEEKDAYS)})(?:\s+(?i:morning|afternoon|evening|night))?)\b",
            rf"{_folded('el' + ''.join(p[0] for p in _phrases()))}\b(?P<x>(?i:{_MODIFIER}(?:{phrases})))\b",
            rf"{_folded(''.join(w[0] for w in NUMBERS), digits=True)}\b"
            rf"(?P<x>(?i:(?:\d{{1,3}}|{'|'.join(NUMBERS)})\s+(?:day|week|month|year)s?\s+ago))\b",
        )
    )


def _folded(firsts: str, *, digits: bool = False) -> str:
    """A lookahead on these first characters, ignoring case as the (?i:...) it opens does."""
    chars = "".join(re.escape(c) for c in sorted(set(firsts.lower()))) + (r"\d" if digits else "")
    return rf"(?=(?i:[{chars}]))"


@cache
def _phrases() -> dict[str, tuple[str, int]]:
    """Fixed relative phrases from patterns/dates.jsonl: phrase -> (unit, offset from publication)."""
    table: dict[str, tuple[str, int]] = {}
    for line in PATTERNS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rule = json.loads(line)
            for phrase in rule["phrases"]:
                table[phrase.lower()] = (rule["unit"], int(rule["offset"]))
    return table


_SCANNERS = _scanners()


def _shift(published: date, unit: str, n: int) -> date:
    """The start of the day, week, month or year `n` units away from the one holding `published`."""
    if unit == "day":
        return published + timedelta(days=n)
    if unit == "week":
        return published - timedelta(days=published.weekday()) + timedelta(weeks=n)
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + n, 12)
        return date(year, month + 1, 1)
    return date(published.year + n, 1, 1)


def _day(
    year: str | None, month: int, day: str, published: date | None, tense: str | None = None
) -> tuple[date | None, str] | None:
    try:
        if year:
            return date(int(year), month, int(day)), "day"
        date(2000, month, int(day))  # valid in a leap year at least
    except ValueError:
        return None
    if published is None:
        return None, "day"
    return date_tenses.yearless(published, lambda y: date(y, month, int(day)), tense), "day"


def _absolute(text: str, published: date | None, tense: str | None = None) -> tuple[date | None, str] | None:
    """Calendar dates: ISO, numeric, month-name forms, years; day and month without a year need `published`."""
    if m := ISO.fullmatch(text):
        return _day(m["y"], int(m["m"]), m["d"], published, tense) if 1 <= int(m["m"]) <= 12 else None
    if m := NUMERIC.fullmatch(text):
        first, second = int(m["a"]), int(m["b"])
        month, day = (second, first) if first > 12 else (first, second)
        return _day(m["y"], month, str(day), published, tense) if 1 <= month <= 12 else None
    if m := MONTH_DAY.fullmatch(text) or DAY_MONTH.fullmatch(text):
        return _day(m["y"], MONTHS[m["mon"].rstrip(".").lower()], m["d"], published, tense)
    if m := MONTH_YEAR.fullmatch(text):
        month = MONTHS[m["mon"].rstrip(".").lower()]
        if m["y"]:
            return date(int(m["y"]), month, 1), "month"
        if not m["mon"][0].isupper():  # "may", "march" as words
            return None
        if published is None:
            return None, "month"
        return date_tenses.yearless(published, lambda y: date(y, month, 1), tense, month=True), "month"
    if m := YEAR.fullmatch(text):
        return date(int(m["y"]), 1, 1), "year"
    return None


def _weekday(text: str, published: date | None, tense: str | None = None) -> tuple[date | None, str] | None:
    if not (m := WEEKDAY.fullmatch(text)):
        return None
    if published is None:
        return None, "day"
    target, today = WEEKDAYS.index(m["wd"].lower()), published.weekday()
    rel = " ".join((m["rel"] or "").lower().split())
    if rel in ("last", "past"):
        return published - timedelta(days=(today - target - 1) % 7 + 1), "day"
    if rel in ("next", "coming", "this coming"):
        return published + timedelta(days=(target - today - 1) % 7 + 1), "day"
    if rel == "this":
        return _shift(published, "week", 0) + timedelta(days=target), "day"
    return date_tenses.weekday(published, target, tense), "day"


def _relative(text: str, published: date | None, tense: str | None = None) -> tuple[date | None, str] | None:
    """Fixed phrases ("yesterday", "last week") and "<n> <units> ago"."""
    key = " ".join(text.lower().split())
    if key in _phrases():
        unit, offset = _phrases()[key]
    elif m := AGO.fullmatch(text):
        n = m["n"].lower()
        unit, offset = m["u"].lower(), -(int(n) if n.isdigit() else NUMBERS[n])
    else:
        return None
    return (None if published is None else _shift(published, unit, offset)), unit


def normalise_date(
    text: str, published: date | None, tense: str | None = None
) -> tuple[date | None, str] | None:
    """(value, precision) of one date expression, or None when it is not one this module understands;
    `tense` (date_tenses) picks a bare weekday's or a yearless date's occurrence. A relative expression
    with no publication date gives (None, precision)."""
    if isinstance(published, datetime):
        published = published.date()
    for candidate in _readings(text):
        if (m := WEEKDAY_THEN_DATE.fullmatch(candidate)) and (
            found := _absolute(m["rest"], published, tense)
        ):
            return found
        for read in (_relative, _absolute, _weekday):
            if found := read(candidate, published, tense):
                return found
    return None


def yearless_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a day named without its year ("May 10", "Tuesday, Mar. 15", "the 8th of Feb."),
    else None: what an article with no publication date still says of when."""
    for candidate in _readings(text):
        candidate = m["rest"] if (m := WEEKDAY_THEN_DATE.fullmatch(candidate)) else candidate
        if (m := MONTH_DAY.fullmatch(candidate) or DAY_MONTH.fullmatch(candidate)) and not m["y"]:
            month = MONTHS[m["mon"].rstrip(".").lower()]
            if _day(None, month, m["d"], None):
                return month, int(m["d"])
    return None


def bare_weekday(text: str) -> int | None:
    """The weekday (0 Monday) of a weekday named alone ("Tuesday", "on Tuesday night"), else None: the
    day of the week an article with no publication date says its event fell on."""
    found = [m for candidate in _readings(text) if (m := WEEKDAY.fullmatch(candidate))]
    return WEEKDAYS.index(found[0]["wd"].lower()) if found and not found[0]["rel"] else None


def _readings(text: str) -> Sequence[str]:
    """The expression without leading words ("on", "early"), a trailing possessive, or a time of day."""
    text = " ".join(text.replace("\u2019", "'").split()).rstrip(",;:")
    text = re.sub(r"'s$", "", text)
    while (stripped := LEADING.sub("", text, count=1)) != text:
        text = stripped
    return list(dict.fromkeys((text, TIME_OF_DAY.sub("", text))))


def find_dates(doc, published: date | None) -> list[DateMention]:
    """Every date expression of `doc` that normalises, in text order, with offsets into `doc.text`.

    Candidates are the model's DATE and TIME entities plus what the scanners find in the raw text outside
    other entities (so "USA Today" is a name, not a date); of overlapping candidates the longest wins ("May 1, 2026" over the model's "May 1"). Durations, ages
    and unreadable spans do not normalise, so they are left out.
    """
    text = text_of(doc)
    ents = doc.ents
    spans = {(e.start_char, e.end_char) for e in ents if e.label_ in ENTITY_LABELS}
    names = [(e.start_char, e.end_char) for e in ents if e.label_ not in ENTITY_LABELS]  # disjoint, in order
    name_starts = [s for s, _ in names]
    for m in (m for scanner in _SCANNERS for m in scanner.finditer(text)):
        start, end = m.span("x")
        at = bisect.bisect_right(name_starts, start) - 1  # the only name that can hold it
        if at < 0 or end > names[at][1]:  # not inside "USA Today", "Black Friday Sales Inc."
            spans.add((start, end))
    tenses = {(s, e): date_tenses.tense_of(doc, s, e) for s, e in spans}  # kept with the date, dated or not
    read = [(s, e, found) for s, e in spans if (found := normalise_date(text[s:e], published, tenses[s, e]))]
    kept: list[DateMention] = []
    taken = bytearray(len(text))  # 1 where a kept date lies: overlap checks cost a date's length
    for start, end, (value, precision) in sorted(read, key=lambda r: (r[0] - r[1], r[0])):
        if taken.find(1, start, end) < 0:
            kept.append(DateMention(text[start:end], start, end, value, precision, tenses[start, end]))
            taken[start:end] = b"\x01" * (end - start)
    return sorted(kept, key=lambda k: k.start)


def date_for_sentence(dates: Sequence[DateMention], start: int, end: int) -> DateMention | None:
    """The most specific resolved date inside [start, end): day > week > month > year; ties go to the first."""
    inside = [d for d in dates if d.value is not None and start <= d.start and d.end <= end]
    return min(inside, key=lambda d: (PRECISION_RANK[d.precision], d.start), default=None)
