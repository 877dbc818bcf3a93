"""Dates and times as a court reader expects them.

`date_label` writes a date at its precision ("30 Apr 2026", "week of 27 Apr 2026", "Apr 2026", "2023");
`court_time` writes an instant in the court's time zone ("30 Apr 2026, 11:21 PDT"), while templates put
the UTC instant in `<time datetime>` with `utc_iso`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from django import template

register = template.Library()


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


@register.filter
def date_label(value: date | None, precision: str = "day") -> str:
    """A date written at its precision; a week is labelled by the day it starts on."""
    if value is None:
        return "undated"
    if precision == "year":
        return f"{value:%Y}"
    if precision == "month":
        return f"{value:%b %Y}"
    if precision == "week":
        return f"week of {_day(value)}"
    return _day(value)


@register.filter
def date_iso(value: date | None, precision: str = "day") -> str:
    """The machine-readable form of a date at its precision, for `<time datetime>`: 2023, 2026-04."""
    if value is None:
        return ""
    if precision == "year":
        return f"{value:%Y}"
    if precision == "month":
        return f"{value:%Y-%m}"
    if precision == "week":
        return f"{value:%G-W%V}"
    return value.isoformat()


def _zone(where) -> ZoneInfo:
    if where is None or where == "":
        return ZoneInfo("UTC")
    if isinstance(where, str):
        return ZoneInfo(where)
    return ZoneInfo(getattr(where, "time_zone", "UTC"))


@register.filter
def court_time(value: datetime | None, where=None) -> str:
    """An instant in the court's time zone (`where`: a Case or a zone name), with the zone's
    abbreviation: "30 Apr 2026, 11:21 PDT"."""
    if value is None:
        return ""
    local = value.astimezone(_zone(where))
    return f"{_day(local)}, {local:%H:%M %Z}"


@register.filter
def court_date(value: datetime | None, where=None) -> str:
    """The court day of an instant: "30 Apr 2026"."""
    if value is None:
        return ""
    return _day(value.astimezone(_zone(where)))


@register.filter
def utc_iso(value: datetime | None) -> str:
    """The instant in UTC for `<time datetime>`: 2026-04-30T18:21:02Z."""
    if value is None:
        return ""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
