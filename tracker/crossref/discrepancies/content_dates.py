"""The dates an outlet puts inside a claim's words, for the date rule (figures.dates_differ).

A claim's date is the most specific date of its sentence (nlp/claim_dates.py), so "Roe testified on
Tuesday that she first suspected it in January 2025" is dated Tuesday, when it was said, and another
outlet's "Roe testified that in June 2025 a customer showed her" is dated June 2025: the two never meet
at one precision, and the outlets' disagreement on the month goes unseen. Here each evidence gives, at
the month and year precisions its own date does not hold, the date said inside its words: a date
mention within its sentence whose words its content holds, when the content holds one value at that
precision (two months in one content, "in March, then in April 2026", say nothing of which is meant).
Caveat: a date in the content is taken as the claim's fact, whatever it dates.

An evidence whose own date is one of two or more its words hold at that precision ("he learned of it
only in late January and that its use stopped in February 2026", dated late January, the first) says
nothing alone of which the claim is about (`unambiguous`): it is compared by the mention whose governing
words (the two words before it, "stopped in") are those before another outlet's date of the claim at
that precision ("its use of Corvid output stopped in April 2026"), when one value's are; else it is
left out of the comparison (no row rather than two facts compared).

An article with no publication day reads no value for a day named without its year ("asked the court to
rule by December 1"), so its evidence has no date; when its sentence names one such day, inside its
words, that day in the year nearest the other outlets' days of the claim is its date (`yearless`).
"""

from __future__ import annotations

import copy
from datetime import date
from typing import NamedTuple

from tracker.crossref.discrepancies.scope import disagree, variant
from tracker.crossref.story_reads import locate
from tracker.crossref.words import normalise_quote
from tracker.nlp.dates import yearless_day

PRECISIONS = ("month", "year")  # a day inside the words is too often the day it was said
GOVERNING = 2  # words before a date that say what it dates: "stopped in", "resigned on"


class Said(NamedTuple):
    """A date said inside one evidence's words, with its variant as the rule stores it."""

    article_id: int
    outlet_id: int
    precision: str
    value: date
    variant: dict


def said_dates(evidence: list, rows: dict[int, list[tuple]]) -> list[Said]:
    """Of these evidence (their articles' dated mention rows by article: `BatchReads.dated`), the dates
    said inside their words at a precision their own date does not hold, one value per evidence."""
    found: list[Said] = []
    if len({e.article.outlet_id for e in evidence}) < 2:
        return found  # one outlet cannot disagree with itself
    for e in evidence:
        article = e.article
        start = locate(article.text, e.sentence, e.start)
        end = start + len(e.sentence)
        inside: dict[str, dict[date, tuple]] = {}
        for _, text, m_start, m_end, value, precision in rows.get(e.article_id, ()):
            other = precision in PRECISIONS and precision != e.date_precision
            if other and start <= m_start < m_end <= end and text in e.text:  # inside the words
                inside.setdefault(precision, {}).setdefault(value, (text, m_start, m_end))
        for precision, values in inside.items():
            if len(values) == 1:
                ((value, (text, m_start, m_end)),) = values.items()
                kept = variant(article, text, m_start, m_end, field="text", value=value.isoformat())
                found.append(Said(e.article_id, article.outlet_id, precision, value, kept))
    return found


def disagreeing_dates(dated: list, said: list[Said]) -> list[tuple[str, list, list[dict]]]:
    """The precisions at which a claim's dated evidence (`dated`), and the dates said inside the words
    of articles no evidence dates at that precision, differ between outlets: (precision, that dated
    evidence, the said dates' variants), precisions in order."""
    found = []
    for precision in sorted({e.date_precision for e in dated} | {s.precision for s in said}):
        same = [e for e in dated if e.date_precision == precision]
        articles = {e.article_id for e in same}
        extra = [s for s in said if s.precision == precision and s.article_id not in articles]
        values = {e.article_id: e.date for e in same} | {s.article_id: s.value for s in extra}
        outlets = {e.article_id: e.article.outlet_id for e in same}
        if disagree(values, outlets | {s.article_id: s.outlet_id for s in extra}):
            found.append((precision, same, [s.variant for s in extra]))
    return found


def unambiguous(dated: list, rows: dict[int, list[tuple]]) -> list:
    """A claim's dated evidence (in order), each whose words hold two values or more at its precision,
    its own among them, resolved by the governing words of other outlets' dates or left out (above)."""
    held = {e.pk: [m for m in _inside(e, rows) if m[2] == e.date_precision] for e in dated}
    plain = [
        e for e in dated if len({m[1] for m in held[e.pk]}) < 2 or e.date not in {m[1] for m in held[e.pk]}
    ]
    kept = []
    for e in dated:
        if e in plain:
            kept.append(e)
            continue
        others = {
            words
            for o in plain
            if o.article.outlet_id != e.article.outlet_id and o.date_precision == e.date_precision
            for words, value, _ in held[o.pk]
            if value == o.date
        }
        values = {value for words, value, _ in held[e.pk] if words in others}
        if len(values) == 1:
            resolved = copy.copy(e)  # the evidence as others read it stays as it is
            resolved.date = values.pop()
            kept.append(resolved)
    return kept


def yearless(evidence: list, dated: list, rows: dict[int, list[tuple]]) -> list:
    """The evidence of undated articles with no date whose sentence names one day with no year, inside
    their words, dated by it in the year nearest the claim's days of other outlets (see above); `said`
    holds its words and place for the variant (`figures._date_variant`)."""
    found = []
    for e in evidence:
        if (
            e.date
            or e.article.published_at
            or not (near := [d.date for d in dated if d.date_precision == "day"])
        ):
            continue
        start = locate(e.article.text, e.sentence, e.start)
        named = [r for r in rows.get(e.article_id, ()) if start <= r[2] < r[3] <= start + len(e.sentence)]
        if (
            len(named) == 1
            and named[0][4] is None
            and named[0][1] in e.text
            and (day := yearless_day(named[0][1]))
        ):
            others = [
                d for d in dated if d.date_precision == "day" and d.article.outlet_id != e.article.outlet_id
            ]
            readings = [r for y in {d.year + n for d in near for n in (-1, 0, 1)} if (r := _day(y, *day))]
            if others and readings:
                placed = copy.copy(e)
                placed.date = min(readings, key=lambda r: min(abs((r - d).days) for d in near))
                placed.date_precision, placed.said = "day", named[0][1:4]
                found.append(placed)
    return found


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February in a common year
        return None


def _inside(evidence, rows: dict[int, list[tuple]]) -> list[tuple[str, date, str]]:
    """The date mentions inside an evidence's words: (their governing words, value, precision)."""
    text = evidence.article.text
    start = locate(text, evidence.sentence, evidence.start)
    end = start + len(evidence.sentence)
    return [
        (" ".join(normalise_quote(text[start:m_start]).split()[-GOVERNING:]), value, precision)
        for _, words, m_start, m_end, value, precision in rows.get(evidence.article_id, ())
        if start <= m_start < m_end <= end and words in evidence.text and value is not None
    ]
