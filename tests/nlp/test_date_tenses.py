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


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # a proceeding's next step told in the present: the day ahead
        ("The hearing resumes Monday.", "Monday", date(2026, 5, 11)),
        ("Jurors return on Tuesday.", "Tuesday", date(2026, 5, 12)),
        ("Closing arguments are Tuesday.", "Tuesday", date(2026, 5, 12)),
        ("The defense is resuming its case on Friday.", "Friday", date(2026, 5, 8)),
        ("The court does not sit on Monday.", "Monday", date(2026, 5, 11)),
        ("The first expert is expected on Monday.", "Monday", date(2026, 5, 11)),
        # the same verbs in the past, a reporting verb in the present, a date on a noun: the day before
        ("The hearing resumed Monday.", "Monday", date(2026, 5, 4)),
        ("Jurors returned on Tuesday.", "Tuesday", date(2026, 5, 5)),
        ("The bank says Monday that it will appeal.", "Monday", date(2026, 5, 4)),
        ("The trial resumes with a recording of the call on Monday.", "Monday", date(2026, 5, 4)),
    ],
)
def test_a_present_of_a_next_step_is_read_ahead(nlp, text, words, value):
    assert _dated(nlp, text, WED)[words] == value


def test_a_headline_in_the_present_gives_another_day_no_value(nlp):
    """A line with no sentence end may be a report's historical present ("Musk testifies Tuesday" over a
    report of it): unsure, so no value, unless it is the publication day, where both readings agree."""
    text = "Bank chief testifies Monday\n\nThe bank chief testified for five hours on Monday."
    found = {d.start: d for d in find_dates(nlp(text), WED)}
    assert [(d.value, d.tense) for d in found.values()] == [(None, "unsure"), (date(2026, 5, 4), None)]
    assert _dated(nlp, "Bank chief testifies Wednesday\n\nHe spoke for hours.", WED)["Wednesday"] == WED


def test_a_standing_day_names_no_date(nlp):
    found = find_dates(nlp("The newsletter arrives every Friday."), WED)
    assert [(d.text, d.value, d.tense) for d in found] == [("Friday", None, "standing")]


def test_the_tense_is_read_without_a_publication_day(nlp):
    """An undated article's weekdays keep the tense of their act, for what reads them later (undated
    placement asks whether a day it names is one to come)."""
    found = find_dates(nlp("The hearing resumes Monday. The bank filed on Tuesday."), None)
    assert [(d.text, d.value, d.tense) for d in found] == [("Monday", None, "ahead"), ("Tuesday", None, None)]


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        (
            "The court is off Monday for a juror's appointment and resumes Tuesday.",
            "Tuesday",
            date(2026, 5, 12),
        ),
        (
            "The court is off Monday for a juror's appointment and resumes Tuesday.",
            "Monday",
            date(2026, 5, 11),
        ),
        # a second verb not of a next step ("says") is read by itself, not by the first one's present
        ("The judge is away this week and says Tuesday that she has ruled.", "Tuesday", date(2026, 5, 5)),
        # a present of a state, the day after "after": not a day to come
        ("After Monday, the case is no longer simple.", "Monday", date(2026, 5, 4)),
    ],
)
def test_a_present_reads_a_day_on_its_verb(nlp, text, words, value):
    assert _dated(nlp, text, WED)[words] == value


@pytest.mark.parametrize(
    ("text", "published", "words", "value"),
    [
        # a day after a setting, a deadline or an instruction: a weekday is the one ahead
        ("The judge set a hearing on Monday.", WED, "Monday", date(2026, 5, 11)),
        ("The bank has until Friday to respond.", WED, "Friday", date(2026, 5, 8)),
        ("The judge told jurors to return on Tuesday.", WED, "Tuesday", date(2026, 5, 12)),
        ("The judge ordered the bank to produce the records by Friday.", WED, "Friday", date(2026, 5, 8)),
        # a yearless one keeps the default: it may have passed, and the one ahead would be a year off
        ("The judge gave the parties until October 22 to file.", SAT, "October 22", date(2026, 10, 22)),
        ("The judge scheduled a hearing on November 19.", SAT, "November 19", date(2026, 11, 19)),
        # the day of the setting or of the instruction itself is not read by it
        ("The judge on Monday set a date for the hearing.", WED, "Monday", date(2026, 5, 4)),
        ("The hearing was set on Monday.", WED, "Monday", date(2026, 5, 4)),
        ("The judge told the jury on Tuesday to keep deliberating.", WED, "Tuesday", date(2026, 5, 5)),
        ("The defendant had until Friday to respond.", WED, "Friday", date(2026, 5, 1)),
    ],
)
def test_a_day_after_a_setting_a_deadline_or_an_instruction_is_read_after_it(
    nlp, text, published, words, value
):
    assert _dated(nlp, text, published)[words] == value


def test_a_day_after_a_setting_keeps_its_tense_without_a_publication_day(nlp):
    """What undated placement reads: these days are not the day an article reports."""
    text = "The judge scheduled a hearing on November 19. The bank has until Oct. 29. He told jurors to return on Tuesday."
    assert [(d.text, d.tense) for d in find_dates(nlp(text), None)] == [
        ("November 19", "after"),
        ("Oct. 29", "after"),
        ("Tuesday", "after"),
    ]


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # a day on what an existential "there is" says is: a day to come (a headline's would be unsure)
        ("Turnout could matter if there is a close vote on Thursday.", "Thursday", date(2026, 5, 7)),
        ("There was a hearing on Friday.", "Friday", date(2026, 5, 1)),
        # a governor with no auxiliary modifying a noun, a reduced relative: read in the present
        ("The talks, set to end on Friday, have stalled over the budget.", "Friday", date(2026, 5, 8)),
        ("The measure, slated to take effect on Monday, costs millions.", "Monday", date(2026, 5, 11)),
        # "anticipated", "likely" govern as "expected" does
        ("The governor is anticipated to announce her pick on Monday.", "Monday", date(2026, 5, 11)),
        ("The board is likely to vote on Thursday.", "Thursday", date(2026, 5, 7)),
        ("The board was likely to vote on Thursday.", "Thursday", date(2026, 4, 30)),
        # an outcome named with "the" or a possessor: its day, known, not the verb's modal's
        ("The senator should get a lift from the victory on Thursday.", "Thursday", date(2026, 4, 30)),
        ("The mayor could win a boost from her victory Thursday.", "Thursday", date(2026, 4, 30)),
        ("The candidate could clinch the nomination with a win on Thursday.", "Thursday", date(2026, 5, 7)),
    ],
)
def test_a_day_to_come_told_without_a_finite_governor_and_a_known_outcome_s_day(nlp, text, words, value):
    assert _dated(nlp, text, WED)[words] == value


@pytest.mark.parametrize(
    ("text", "published", "words", "value"),
    [
        # a known outcome's yearless day: the last before publication, not the one within two months ahead
        (
            "The senator could get a lift from her victory on March 3.",
            date(2026, 2, 20),
            "March 3",
            date(2025, 3, 3),
        ),
        # a day premodifying a possessed noun is the thing's, not read by the governor ahead
        (
            "The union is expected to endorse him despite her March comment.",
            date(2026, 6, 10),
            "March",
            date(2026, 3, 1),
        ),
    ],
)
def test_a_known_outcome_s_or_a_possessed_thing_s_day_is_not_read_ahead(nlp, text, published, words, value):
    assert _dated(nlp, text, published)[words] == value
