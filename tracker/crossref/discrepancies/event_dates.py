"""Which date mentions of an event a story-keyed date row compares (figures.dates_differ): its sides must
date one thing, each with a date its article states.

- One thing: a mention is read as the event of the nearest event word in its clause
  (event_reports._cue); when the clause (its title) names a word of another kind of event too, the date
  may be that other thing's ("testimony starts tomorrow" reads as an opening by "starts", yet dates the
  testimony), and it is compared with nothing.
- A stated date: a relative day (patterns/dates.jsonl rules of unit "day": "tomorrow", "yesterday",
  "today") is counted from the publication day, which a live blog's posts or a report updated over days
  do not pin down. It is compared only once grounded: when its article states that day in other words
  too ("on Tuesday", "March 10"). A weekday is a stated day: as before.
Caveat: the title is the clause cut down (event_reports.clause_title), so a word of another kind outside
it ("after a hearing, the trial opened on Monday") leaves the mention compared.
"""

from __future__ import annotations

from functools import cache

from tracker.crossref.event_reports import Report, event_kinds
from tracker.nlp.components import read_jsonl
from tracker.nlp.dates import PATTERNS_FILE


@cache
def relative_days() -> frozenset[str]:
    """The phrases of a day counted from the publication day (patterns/dates.jsonl, unit "day")."""
    rows = read_jsonl(PATTERNS_FILE)
    return frozenset(p.casefold() for r in rows if r["unit"] == "day" for p in r["phrases"])


def comparable(report: Report, dated: dict[int, list[tuple]]) -> bool:
    """Whether a report of an event dates that event alone, with a stated date (`dated`: every dated
    mention's row of the articles, by article: `BatchReads.dated`)."""
    return _one_thing(report) and _stated(report, dated)


def _one_thing(report: Report) -> bool:
    """Whether the report's clause names no word of another kind of event than its own."""
    return not any(
        kind != report.kind and pattern is not None and pattern.search(report.title)
        for kind, (_, pattern) in event_kinds().items()
    )


def _stated(report: Report, dated: dict[int, list[tuple]]) -> bool:
    """Whether the report's date is stated: not a relative day, or one its article states otherwise."""
    relative = relative_days()
    if " ".join(report.words.casefold().split()) not in relative:
        return True
    return any(
        value == report.date and precision == "day" and " ".join(text.casefold().split()) not in relative
        for _, text, _, _, value, precision in dated.get(report.articles[0], ())
    )
