"""Hearings an entry's text sets: "Jury Trial set for 5/4/2026 08:30 AM", "Motion Hearing set for
1/7/2026 10:00 AM before Judge ...", "Set/Reset Hearing: Status Conference reset for 6/2/2026".

`stated_hearings(text)` is pure: what is set (the words before "set for", back to the last
sentence or clause break), the court day, the time of day when stated, and the place when the text
says "in <place>." right after. The court's zone is applied by `StatedHearing.starts(tz)`, never
guessed. Deadlines ("... deadline set for", "due") are not hearings. The patterns are linear: one
anchored match per "set for", and the label is read from a bounded window before it.

`case_hearings(case)` reads them off a case's visible entries (two queries: the cases' hidden kinds,
then the entries whose text says "set for"), soonest first, each with the entry it came from and its
index in that entry's text (a calendar feed's stable identity).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from django.db import models

from tracker.dockets.models import DocketEntry

SET_FOR = re.compile(
    r"\b(?:re)?set\s+for\s+(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b"
    r"(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*([AaPp])\.?\s?[Mm]\.?)?",
)
PLACE = re.compile(r"\s*in\s+([^.;\n]{1,120})")
BREAK = re.compile(r"[.;:\n\]\[]|\s-\s|\bAND\b")
LABEL_WINDOW = 120
LABEL_WORDS = 8
LONGEST_WORD = 30
NOT_HEARINGS = re.compile(r"deadline|\bdue\b|cutoff|cut-off|\bbriefing\b", re.I)


@dataclass(frozen=True)
class StatedHearing:
    what: str  # "Jury Trial", "Motion Hearing"; "Hearing" when the text names nothing
    day: date
    at: time | None = None  # None: the text gives the day only
    place: str = ""
    index: int = 0  # its order in the entry's text

    def starts(self, tz: tzinfo) -> datetime | date:
        """An aware instant in the court's zone, or the court day when no time is stated."""
        return datetime.combine(self.day, self.at, tzinfo=tz) if self.at else self.day


def _label(before: str) -> str:
    window = before[-LABEL_WINDOW:]
    cut = 0
    for found in BREAK.finditer(window):
        cut = found.end()
    words = []
    for word in reversed(window[cut:].split()[-LABEL_WORDS:]):
        if len(word) > LONGEST_WORD:  # not a name of a hearing: stop at it
            break
        words.insert(0, word)
    label = " ".join(words).strip(" ,-")
    return label or "Hearing"


def _clock(hour: str | None, minute: str | None, half: str | None) -> time | None:
    if hour is None:
        return None
    h, m = int(hour), int(minute)
    if half:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if half.lower() == "p" else 0)
    return time(h, m) if h < 24 and m < 60 else None


def stated_hearings(text: str) -> list[StatedHearing]:
    """Every hearing `text` sets, in the order written."""
    found: list[StatedHearing] = []
    for match in SET_FOR.finditer(text or ""):
        month, day, year, hour, minute, half = match.groups()
        full_year = int(year) + (2000 if len(year) == 2 else 0)
        try:
            when = date(full_year, int(month), int(day))
        except ValueError:
            continue
        what = _label(text[: match.start()])
        if NOT_HEARINGS.search(what):
            continue
        place = PLACE.match(text, match.end())
        found.append(
            StatedHearing(
                what=what,
                day=when,
                at=_clock(hour, minute, half),
                place=place[1].strip() if place else "",
                index=len(found),
            )
        )
    return found


@dataclass(frozen=True)
class Hearing:
    """A stated hearing of a case: where it was read, and when it starts in the court's zone."""

    entry: object  # the DocketEntry
    stated: StatedHearing
    starts: datetime | date

    @property
    def what(self) -> str:
        return self.stated.what

    @property
    def all_day(self) -> bool:
        return not isinstance(self.starts, datetime)

    def sort_key(self, tz: tzinfo) -> datetime:
        start = self.starts
        return start if isinstance(start, datetime) else datetime.combine(start, time.min, tzinfo=tz)


STATES_A_HEARING = models.Q(description__iregex=r"set\s+for")  # the cheap test in SQL, before parsing


def hearings_of(entries, tz: tzinfo) -> list[Hearing]:
    """The hearings the entries' texts set, soonest first (ties: by entry, then as written)."""
    hearings = [
        Hearing(entry=entry, stated=stated, starts=stated.starts(tz))
        for entry in entries
        for stated in stated_hearings(entry.description)
    ]
    return sorted(hearings, key=lambda h: (h.sort_key(tz), h.entry.pk, h.stated.index))


def case_hearings(case) -> list[Hearing]:
    """The hearings the case's visible docket entries set, soonest first (two queries)."""
    entries = DocketEntry.objects.for_case(case).visible().filter(STATES_A_HEARING)
    return hearings_of(entries.order_by("entered_at", "pk"), case.tzinfo)
