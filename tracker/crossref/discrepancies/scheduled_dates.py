"""Dates outlets give one thing a court set for a day (figures.dates_differ): "set a hearing on the motions
for December 3" against "scheduled a hearing for December 13", "scheduled his sentencing for June 18"
against "set sentencing for June 8". The thing is the noun the scheduling verb takes ("set a hearing",
"his sentencing is scheduled"), and its day the date mention right after the "for" its clause ends on,
or right after an "on" that follows the thing itself ("scheduled a hearing on November 19").

Compared within a story, by the thing: the days (month and day: a day named without its year is read
against the publication day; `nlp.date_tenses` reads a day set "for" a scheduled thing ahead, but where the
verb cannot be read a date two months ahead can still land in the year before, so a variant's value is the
day ahead of its article) of articles of different outlets; an article giving one thing two days (a hearing moved) says nothing of which is meant
and is left out. An article with no publication day names its day without a year ("June 18": no value
read) and is compared by month and day. Only a day stated with its digits counts ("for Tuesday" is counted from a publication
day, and a weekday is read as the last one before it, not the one ahead).
Caveats: regular expressions, not parsing: "set a trial date for ..." keys "trial", and a clause of 80
characters or more between the thing and its "for" is not read. Two things of one noun (a deadline for
briefs, another for replies), each reported alone by a different outlet, are compared as one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from tracker.crossref.discrepancies.scope import Found, Scope, disagree, outlet_ids, variant
from tracker.crossref.models import Discrepancy
from tracker.nlp import dates

_SET = r"(?:set|sets|scheduled|schedules|rescheduled|reset)"
_DETERMINER = r"(?:(?:a|an|the|his|her|its|their)\s+)?"
# "set a hearing ... for", "scheduled his sentencing for"; "sentencing is set for", "a hearing was scheduled for"
SCHEDULED = (
    re.compile(rf"\b{_SET}\s+{_DETERMINER}(?P<thing>[a-z]+)\b[^.;:!?]{{0,80}}?\bfor\s+$", re.IGNORECASE),
    re.compile(
        rf"\b(?P<thing>[a-z]+)\s+(?:is|was|has\s+been|had\s+been|now)\s+{_SET}\s+for\s+$", re.IGNORECASE
    ),
    # "scheduled a hearing on November 19": "on" right after the thing the verb takes (not "set a
    # hearing on the motions", whose "on" is no date, nor "was set on", which may be when it was set)
    re.compile(rf"\b{_SET}\s+{_DETERMINER}(?P<thing>[a-z]+)\s+on\s+$", re.IGNORECASE),
)
PRONOUNS = frozenset("it them this that these those one".split())  # "set it for": no thing named
CLAUSE = ".;:!?\n"
LOOK_BACK = 160  # characters before a date read for its scheduling verb


def scheduled_dates(scope: Scope) -> list[Found]:
    """The story's things set for a day that outlets date differently, each a row keyed by story and
    thing, its variants every outlet's day."""
    dated = scope.reads.batch.dated if scope.reads else {}
    days: dict[str, dict[int, list[tuple]]] = defaultdict(lambda: defaultdict(list))
    for pk in scope.articles:
        text = scope.articles[pk].text
        for _, words, start, end, value, precision in dated.get(pk, ()):
            day = _day(value) if value else dates.yearless_day(words)  # an undated article's "June 18"
            if (
                precision == "day"
                and day
                and any(c.isdigit() for c in words)
                and (thing := _thing(text, start))
            ):
                days[thing][pk].append((words, start, end, value, day))
    found, outlets = [], outlet_ids(scope.articles.values())
    for thing, by_article in sorted(days.items()):
        one = {pk: said for pk, said in by_article.items() if len({day for *_, day in said}) == 1}
        if not disagree({pk: said[0][4] for pk, said in one.items()}, outlets):
            continue
        near = [
            _ahead(v, w, scope.articles[pk]) for pk, said in one.items() for w, _, _, v, _ in said[:1] if v
        ]
        variants = [
            variant(a, words, start, end, field="text", value=_value(value, day, words, a, near).isoformat())
            for pk, said in one.items()
            for words, start, end, value, day in said[:1]
            if (a := scope.articles[pk])
        ]
        key = f"date:story:{scope.story.pk}:scheduled:{thing}"
        found.append(Found(Discrepancy.Kind.DATE, key, scope.sort(variants)))
    return found


def _thing(text: str, start: int) -> str:
    """The thing scheduled for the date at `start` of `text`, lower-cased; "" when none is."""
    lo = max(0, start - LOOK_BACK, *(text.rfind(c, 0, start) + 1 for c in CLAUSE))
    before = text[lo:start]
    for pattern in SCHEDULED:
        if m := pattern.search(before):
            thing = m["thing"].lower()
            return "" if thing in PRONOUNS else thing
    return ""


def _day(value: date) -> tuple[int, int]:
    return value.month, value.day


def _value(value: date | None, day: tuple[int, int], words: str, article, near: list[date]) -> date:
    """A variant's day: as its article reads it, set ahead (`_ahead`); an undated article's day named with
    no year in the year that puts it nearest the other outlets' days (the publication year with none)."""
    if value:
        return _ahead(value, words, article)
    years = sorted({d.year + n for d in near for n in (-1, 0, 1)}) or [article.first_seen_at.year]
    readings = [d for y in years if (d := _date(y, *day))] or [date(2000, *day)]
    return min(readings, key=lambda d: min((abs((d - n).days) for n in near), default=0))


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February in a common year
        return None


def _ahead(value: date, words: str, article) -> date:
    """A day set for a thing lies ahead of its article: named without its year and read as before its
    publication day (`nlp.dates` reads a yearless day at most two months ahead), it is next year's."""
    published = article.published_at.date() if article.published_at else None
    if published is None or value >= published or re.search(r"\d{4}", words):
        return value
    try:
        return value.replace(year=value.year + 1)
    except ValueError:  # 29 February
        return value
