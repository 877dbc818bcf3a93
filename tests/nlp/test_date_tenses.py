"""A bare weekday or a date named without its year read by the tense of the act it dates (nlp/date_tenses.py):
ahead for a modal, a governor in the present or a day set "for", before for a past auxiliary, and as
dates.py reads it by default otherwise. Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.nlp.dates import find_dates

WED = date(2026, 5, 6)  # a Wednesday
SAT = date(2026, 10, 24)


def _dated(nlp, text: str, published: date) -> dict[str, date | None]:
    return {d.text: d.value for d in find_dates(nlp(text), published)}


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # ahead: a modal, a governor in the present, a day set "for"
        (
            "The judge said she would question each witness on Thursday morning.",
            "Thursday morning",
            date(2026, 5, 7),
        ),
        ("The bank will file its reply on Tuesday.", "Tuesday", date(2026, 5, 12)),
        ("Cross-examination is expected to resume on Monday.", "Monday", date(2026, 5, 11)),
        ("The company plans to appeal on Friday.", "Friday", date(2026, 5, 8)),
        ("Closing arguments are set for Tuesday.", "Tuesday", date(2026, 5, 12)),
        ("The judge set a hearing for Monday.", "Monday", date(2026, 5, 11)),
        # ahead counts the publication day itself
        ("The jury will hear from the expert on Wednesday.", "Wednesday", WED),
        # before, or unread (the default, the one on or before publication)
        ("The witness testified on Thursday.", "Thursday", date(2026, 4, 30)),
        ("The motion was filed on Monday.", "Monday", date(2026, 5, 4)),
        ("The witness was expected to testify on Thursday.", "Thursday", date(2026, 4, 30)),
        ("He would have testified on Thursday.", "Thursday", date(2026, 4, 30)),
    ],
)
def test_a_weekday_is_read_by_the_tense_of_its_act(nlp, text, words, value):
    assert _dated(nlp, text, WED)[words] == value


def test_a_day_a_subject_names_is_not_read_by_its_verb(nlp):
    """ "Friday's verdict will be read ... on Monday": the verdict fell the day before, the reading is ahead."""
    found = _dated(nlp, "Friday's verdict will be read closely in every newsroom on Monday.", SAT)
    assert found["Friday"] == date(2026, 10, 23)
    assert found["Monday"] == date(2026, 10, 26)


@pytest.mark.parametrize(
    ("text", "published", "words", "value"),
    [
        # more than two months ahead: the one ahead, not the one nine months back
        ("Sentencing is scheduled for March 3.", date(2026, 12, 10), "March 3", date(2027, 3, 3)),
        ("The judge said he would rule by January 15.", date(2026, 11, 3), "January 15", date(2027, 1, 15)),
        ("The trial is set to begin in September.", date(2026, 5, 5), "September", date(2026, 9, 1)),
        # within two months of publication but in the past: the one before, not next year's
        ("The complaint was filed on January 5.", date(2026, 12, 28), "January 5", date(2026, 1, 5)),
        # unread: the latest within two months ahead, as before
        (
            "The judge scheduled a hearing on November 19.",
            date(2026, 10, 27),
            "November 19",
            date(2026, 11, 19),
        ),
        ("Sept. 3 marked the start of it all.", date(2026, 4, 30), "Sept. 3", date(2025, 9, 3)),
    ],
)
def test_a_yearless_date_is_read_by_the_tense_of_its_act(nlp, text, published, words, value):
    assert _dated(nlp, text, published)[words] == value
