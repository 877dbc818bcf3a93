"""The dates an outlet puts inside a claim's words, for the date rule (figures.dates_differ).

A claim's date is the most specific date of its sentence (nlp/claim_dates.py), so "Roe testified on
Tuesday that she first suspected it in January 2025" is dated Tuesday, when it was said, and another
outlet's "Roe testified that in June 2025 a customer showed her" is dated June 2025: the two never meet
at one precision, and the outlets' disagreement on the month goes unseen. Here each evidence gives, at
the month and year precisions its own date does not hold, the date said inside its words: a date
mention within its sentence whose words its content holds, when the content holds one value at that
precision (two months in one content, "in March, then in April 2026", say nothing of which is meant).
Caveat: a date in the content is taken as the claim's fact, whatever it dates.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from tracker.crossref.discrepancies.scope import disagree, variant
from tracker.crossref.story_reads import locate

PRECISIONS = ("month", "year")  # a day inside the words is too often the day it was said


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
