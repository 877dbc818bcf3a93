"""The shape of a digest or an alert, before rendering: sections of items, each with its dates
(`Stamp`, written by the templates with the site's own `court` filters), and the subject line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from tracker.digests.periods import Period


@dataclass(frozen=True)
class Stamp:
    """A date or an instant, written by the templates with the site's own filters (`court` library):
    a date at its precision ("2023", "Mar 2023"), an instant in the case's court zone, named ("30 Apr
    2026, 20:30 PDT"), or its court day alone (`clock=False`)."""

    label: str = ""
    date: date | None = None
    precision: str = "day"
    at: datetime | None = None
    zone: str = "UTC"
    clock: bool = True


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    meta: str = ""
    label: str = ""
    quotes: tuple[str, ...] = ()
    stamps: tuple[Stamp, ...] = ()


@dataclass
class Section:
    name: str
    heading: str
    items: list[Item]
    total: int
    more_url: str

    @property
    def more(self) -> int:
        return self.total - len(self.items)


@dataclass
class Digest:
    period: Period
    title: str
    sections: list[Section] = field(default_factory=list)
    home_url: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    zone: str = "UTC"  # the zone of the period's bounds: the followed cases' court's, if they share one

    @property
    def item_count(self) -> int:
        return sum(s.total for s in self.sections)

    @property
    def subject(self) -> str:
        parts = [plural(self.counts.get(k, 0), one, many) for k, one, many in _SUBJECT_PARTS]
        parts = [p for p in parts if p]
        return f"{self.title}: {', '.join(parts[:3])}{' and more' if len(parts) > 3 else ''}"


_SUBJECT_PARTS = [
    ("new_events", "new event", "new events"),
    ("updated_events", "updated event", "updated events"),
    ("discrepancies", "discrepancy", "discrepancies"),
    ("claims", "new claim", "new claims"),
    ("docket", "docket entry", "docket entries"),
    ("stories", "story with new coverage", "stories with new coverage"),
]


def plural(n: int, one: str, many: str) -> str:
    return "" if not n else f"{n} {one if n == 1 else many}"
