"""Date expressions: normalised against the publication date, found in docs, chosen per sentence."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from tracker.nlp import dates
from tracker.nlp.dates import date_for_sentence, find_dates, normalise_date
from tracker.nlp.types import DateMention

THU = date(2026, 4, 30)  # a Thursday, the publication date of seed 001
MON = date(2026, 4, 27)
SUN = date(2026, 5, 3)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Thursday", date(2026, 4, 30), "day"),
        ("on Thursday", date(2026, 4, 30), "day"),
        ("on Monday", date(2026, 4, 27), "day"),
        ("Friday", date(2026, 4, 24), "day"),
        ("Tuesday night", date(2026, 4, 28), "day"),
        ("Thursday morning", date(2026, 4, 30), "day"),
        ("Thursday\u2019s", date(2026, 4, 30), "day"),
        ("last Thursday", date(2026, 4, 23), "day"),
        ("next Thursday", date(2026, 5, 7), "day"),
        ("this coming Thursday", date(2026, 5, 7), "day"),
        ("next Monday", date(2026, 5, 4), "day"),
        ("this Saturday", date(2026, 5, 2), "day"),
        ("April 27, 2026", date(2026, 4, 27), "day"),
        ("27 April 2026", date(2026, 4, 27), "day"),
        ("the 27th of April", date(2026, 4, 27), "day"),
        ("Apr. 27", date(2026, 4, 27), "day"),
        ("June 15", date(2026, 6, 15), "day"),  # soon after publication: this year
        ("Sept. 3", date(2025, 9, 3), "day"),  # months ahead: last year
        ("Thursday, April 30, 2026", date(2026, 4, 30), "day"),
        ("2026-04-30", date(2026, 4, 30), "day"),
        ("4/30/2026", date(2026, 4, 30), "day"),
        ("30/4/2026", date(2026, 4, 30), "day"),
        ("today", date(2026, 4, 30), "day"),
        ("yesterday", date(2026, 4, 29), "day"),
        ("yesterday afternoon", date(2026, 4, 29), "day"),
        ("last night", date(2026, 4, 29), "day"),
        ("tomorrow", date(2026, 5, 1), "day"),
        ("this week", date(2026, 4, 27), "week"),
        ("earlier this week", date(2026, 4, 27), "week"),
        ("Earlier this week", date(2026, 4, 27), "week"),
        ("last week", date(2026, 4, 20), "week"),
        ("two weeks ago", date(2026, 4, 13), "week"),
        ("3 days ago", date(2026, 4, 27), "day"),
        ("May 2026", date(2026, 5, 1), "month"),
        ("in March", date(2026, 3, 1), "month"),
        ("this month", date(2026, 4, 1), "month"),
        ("earlier this month", date(2026, 4, 1), "month"),
        ("last month", date(2026, 3, 1), "month"),
        ("in 2023", date(2023, 1, 1), "year"),
        ("2023", date(2023, 1, 1), "year"),
        ("early 2023", date(2023, 1, 1), "year"),
        ("the summer of 2023", date(2023, 1, 1), "year"),
        ("this year", date(2026, 1, 1), "year"),
        ("last year", date(2025, 1, 1), "year"),
        ("a year ago", date(2025, 1, 1), "year"),
    ],
)
def test_normalise_against_a_thursday(text, value, precision):
    assert normalise_date(text, THU) == (value, precision)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Thursday", MON, date(2026, 4, 23)),
        ("Monday", MON, date(2026, 4, 27)),
        ("Sunday", MON, date(2026, 4, 26)),
        ("last Monday", MON, date(2026, 4, 20)),
        ("next Thursday", MON, date(2026, 4, 30)),
        ("Thursday", SUN, date(2026, 4, 30)),
        ("Sunday", SUN, date(2026, 5, 3)),
        ("on Saturday", SUN, date(2026, 5, 2)),
        ("last Sunday", SUN, date(2026, 4, 26)),
        ("next Monday", SUN, date(2026, 5, 4)),
    ],
)
def test_weekdays_depend_on_the_publication_weekday(text, published, value):
    assert normalise_date(text, published) == (value, "day")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("December 30", date(2027, 1, 3), (date(2026, 12, 30), "day")),
        ("Dec. 30", date(2027, 1, 3), (date(2026, 12, 30), "day")),
        ("in December", date(2027, 1, 15), (date(2026, 12, 1), "month")),
        ("January 5", date(2026, 12, 28), (date(2027, 1, 5), "day")),
        ("in January", date(2026, 12, 20), (date(2027, 1, 1), "month")),
        ("last week", date(2027, 1, 3), (date(2026, 12, 21), "week")),
        ("this week", date(2027, 1, 1), (date(2026, 12, 28), "week")),
        ("last month", date(2027, 1, 3), (date(2026, 12, 1), "month")),
        ("next month", date(2026, 12, 3), (date(2027, 1, 1), "month")),
        ("yesterday", date(2027, 1, 1), (date(2026, 12, 31), "day")),
        ("Feb 29", THU, (date(2024, 2, 29), "day")),
    ],
)
def test_year_boundaries(text, published, expected):
    assert normalise_date(text, published) == expected


def test_a_datetime_publication_counts_by_its_date():
    assert normalise_date("yesterday", datetime(2026, 4, 30, 18, 21)) == (date(2026, 4, 29), "day")


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Thursday", "day"),
        ("Tuesday night", "day"),
        ("yesterday", "day"),
        ("Apr. 27", "day"),
        ("earlier this week", "week"),
        ("last month", "month"),
        ("in March", "month"),
        ("last year", "year"),
        ("two years ago", "year"),
    ],
)
def test_without_a_publication_date_relative_dates_have_no_value(text, precision):
    assert normalise_date(text, None) == (None, precision)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("April 27, 2026", (date(2026, 4, 27), "day")),
        ("2026-04-30", (date(2026, 4, 30), "day")),
        ("May 2026", (date(2026, 5, 1), "month")),
        ("in 2023", (date(2023, 1, 1), "year")),
    ],
)
def test_without_a_publication_date_absolute_dates_keep_their_value(text, expected):
    assert normalise_date(text, None) == expected


@pytest.mark.parametrize(
    "text",
    [
        "three years",
        "for 10 days",
        "the past two years",
        "the past few years",
        "the coming months",
        "43 years old",
        "daily",
        "recently",
        "soon",
        "the 1990s",
        "a year later",
        "the next day",
        "6:21:02 PM",
        "may",
        "march",
        "February 30, 2026",
        "13/13/2026",
        "Musk",
    ],
)
def test_what_is_not_a_date_we_understand(text):
    assert normalise_date(text, THU) is None


def _found(doc, published):
    return [(d.text, d.value, d.precision) for d in find_dates(doc, published)]


def test_find_dates_skips_durations_and_ages(nlp):
    doc = nlp("Musk, 54, testified for three hours on Tuesday night after 10 days of trial in 2026.")
    assert _found(doc, THU) == [
        ("Tuesday night", date(2026, 4, 28), "day"),
        ("2026", date(2026, 1, 1), "year"),
    ]


def test_find_dates_offsets_point_into_the_text(nlp):
    doc = nlp("The deal was signed on 27 April 2026, announced last month and closed yesterday.")
    found = find_dates(doc, THU)
    assert [doc.text[d.start : d.end] for d in found] == [d.text for d in found]
    assert [(d.text, d.precision) for d in found] == [
        ("27 April 2026", "day"),
        ("last month", "month"),
        ("yesterday", "day"),
    ]


def test_find_dates_adds_what_the_model_misses(nlp):
    doc = nlp("Posted 4/30/2026\nMay 1, 2026by Staff\nFiled 2026-04-29 in court.")
    assert _found(doc, None) == [
        ("4/30/2026", date(2026, 4, 30), "day"),
        ("May 1, 2026", date(2026, 5, 1), "day"),
        ("2026-04-29", date(2026, 4, 29), "day"),
    ]


def test_find_dates_keeps_relative_dates_valueless_without_publication(nlp):
    doc = nlp("The judge ruled on Monday, and the trial opened on April 27, 2026.")
    assert _found(doc, None) == [("Monday", None, "day"), ("April 27, 2026", date(2026, 4, 27), "day")]


def test_seed_001_thursday_week_and_founding_year(nlp, seed_texts):
    found = {d.text: (d.value, d.precision) for d in find_dates(nlp(seed_texts["001"]), THU)}
    assert found["Thursday"] == (date(2026, 4, 30), "day")
    assert found["earlier this week"] == (date(2026, 4, 27), "week")
    assert found["2023"] == (date(2023, 1, 1), "year")
    assert "the field years" not in found


def test_seed_004_without_publication_date(nlp, seed_texts):
    found = {d.text: (d.value, d.precision) for d in find_dates(nlp(seed_texts["004"]), None)}
    assert found["April 27, 2026"] == (date(2026, 4, 27), "day")
    assert not {"the past two years", "a year later"} & set(found)


def _mention(text, start, value, precision):
    return DateMention(text, start, start + len(text), value, precision)


def test_date_for_sentence_prefers_the_most_specific():
    dates = [
        _mention("in 2023", 0, date(2023, 1, 1), "year"),
        _mention("earlier this week", 20, date(2026, 4, 27), "week"),
        _mention("Monday", 50, None, "day"),  # unresolved: never chosen
        _mention("Thursday", 70, date(2026, 4, 30), "day"),
        _mention("yesterday", 90, date(2026, 4, 29), "day"),
        _mention("last month", 200, date(2026, 3, 1), "month"),
    ]
    assert date_for_sentence(dates, 0, 120).text == "Thursday"  # tie on day: the first
    assert date_for_sentence(dates, 0, 60).text == "earlier this week"
    assert date_for_sentence(dates, 0, 19).text == "in 2023"
    assert date_for_sentence(dates, 195, 300).text == "last month"
    assert date_for_sentence(dates, 45, 60) is None
    assert date_for_sentence(dates, 75, 95) is None  # only partly inside
    assert date_for_sentence([], 0, 10) is None


@pytest.mark.parametrize(
    ("seed", "published", "words", "expected"),
    [
        ("001", THU, "testimony on Thursday", date(2026, 4, 30)),
        ("001", THU, "commenced earlier this week", date(2026, 4, 27)),
        ("004", None, "opened in Oakland", date(2026, 4, 27)),
    ],
)
def test_date_for_sentence_on_seeds(nlp, seed_texts, seed, published, words, expected):
    doc = nlp(seed_texts[seed])
    dates = find_dates(doc, published)
    sentence = next(s for s in doc.sents if words in s.text)
    chosen = date_for_sentence(dates, sentence.start_char, sentence.end_char)
    assert chosen is not None and chosen.value == expected


def test_find_dates_leaves_names_alone(nlp):
    doc = nlp("USA Today reported that the Thursday hearing was moved.")
    assert any(e.text == "USA Today" for e in doc.ents)
    assert _found(doc, THU) == [("Thursday", date(2026, 4, 30), "day")]


@pytest.mark.parametrize(
    "text",
    [
        "IN 2020 the firm left; ſince 2021, by 2022 and until 2023 it stayed.",
        "LAST Monday, this coming Friday morning and next Sunday night; on Tuesday.",
        "EARLIER TODAY, late yesterday, this week and last month it grew.",
        "Two weeks ago, AN hour later, 3 days ago and ſix months ago.",
        "On May 4, 2026, 4th of June 2025, 2026-01-02, 1/2/2024 and March, 2019.",
    ],
)
def test_date_scanners_find_what_they_found_without_their_lookahead(text):
    """Each scanner opens on a lookahead of its first characters (case folded as its pattern is, so
    'ſ' still reads as 's'): it finds exactly what the pattern without the lookahead finds."""
    for scanner in dates._SCANNERS:
        bare = re.compile(
            re.sub(r"^\(\?=(?:\(\?i:\[[^]]+\]\)|\[[^]]+\]|\\d)(?:\|\[[^]]+\])?\)", "", scanner.pattern)
        )
        assert bare.pattern != scanner.pattern
        assert [m.span("x") for m in scanner.finditer(text)] == [m.span("x") for m in bare.finditer(text)]
        assert any(m for s in dates._SCANNERS for m in s.finditer(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May 10", (5, 10)),
        ("on Mar. 15", (3, 15)),
        ("Tuesday, Feb. 8", (2, 8)),
        ("the 8th of February", (2, 8)),
        ("May 10 night", (5, 10)),
        ("May 10, 2016", None),  # its year is stated: it has a value
        ("Feb. 30", None),
        ("Tuesday", None),
        ("in March", None),
        ("yesterday", None),
    ],
)
def test_a_day_named_without_its_year(text, expected):
    """What an article with no publication date still says of when (`crossref.undated`)."""
    assert dates.yearless_day(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday", 1),
        ("on Friday night", 4),
        ("last Tuesday", None),
        ("Tuesday, Feb. 8", None),
        ("May 10", None),
    ],
)
def test_a_weekday_named_alone(text, expected):
    """The weekday an article with no publication date says its event fell on (`crossref.undated`)."""
    assert dates.bare_weekday(text) == expected
