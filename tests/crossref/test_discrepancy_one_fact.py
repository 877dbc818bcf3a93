"""A story-keyed row compares one fact as outlets state it (issue 16, precision), on invented text: a
date mention whose clause names another kind of event dates that other thing too, a relative day
("tomorrow") is compared only once its article states that day otherwise (discrepancies/event_dates.py),
and counts faced, convicted of and acquitted of are three facts (figure_values.stage)."""

from datetime import date

import pytest

from tests.crossref.test_discrepancies import T0, article, of_kind, words
from tests.factories import StoryFactory
from tracker.cases.models import Case
from tracker.crossref import discrepancies
from tracker.crossref.models import DateMention, Discrepancy

pytestmark = pytest.mark.django_db

OPENED = "The trial of the founder opened on Monday in Dunmere."


@pytest.fixture
def story():
    return StoryFactory(title="Roe v. Acme", first_seen_at=T0, cases=[Case.objects.get(slug="musk-v-openai")])


def dated(row, words: str, value: date, *, at: int = 0) -> None:
    start = row.text.index(words, at)
    DateMention.objects.create(
        article=row, text=words, start=start, end=start + len(words), value=value, precision="day"
    )


def opened_monday(story) -> None:
    """Two outlets: the trial opened on Monday (April 27)."""
    for n in range(2):
        dated(article(story, f"Daily{n}", OPENED, hours=n), "Monday", date(2026, 4, 27))


def test_a_clause_naming_another_event_dates_no_opening(story):
    """ "Witnesses begin on Wednesday after the hearing": read as an opening by "begin", it dates the
    hearing's witnesses. Seen failing with `event_dates._one_thing` always true."""
    opened_monday(story)
    text = "Jury selection took all day. The hearing of witnesses begins on Wednesday."
    dated(article(story, "Blog", text, hours=2), "Wednesday", date(2026, 4, 29))

    discrepancies.detect(story)

    assert of_kind(Discrepancy.Kind.DATE) == []


def test_an_ungrounded_relative_day_dates_no_opening(story):
    """A live blog's "the trial opens tomorrow", its posts read against one publication day: no row.
    Seen failing with `event_dates._stated` always true."""
    opened_monday(story)
    blog = "10:02 Jurors are seated. 9:40 The trial opens tomorrow, the clerk says."
    dated(article(story, "Blog", blog, hours=2), "tomorrow", date(2026, 4, 28))

    discrepancies.detect(story)

    assert of_kind(Discrepancy.Kind.DATE) == []


def test_a_relative_day_its_article_states_otherwise_is_compared(story):
    """The same "tomorrow" in an article that states the day (Tuesday, April 28) too: a row, with the
    relative day's words. Seen failing with a relative day never compared (`_stated` without its
    grounding)."""
    opened_monday(story)
    text = "The trial opens tomorrow, the clerk says. Jurors report on Tuesday, April 28."
    paper = article(story, "Paper", text, hours=2)
    dated(paper, "tomorrow", date(2026, 4, 28))
    dated(paper, "Tuesday, April 28", date(2026, 4, 28))

    discrepancies.detect(story)

    (row,) = of_kind(Discrepancy.Kind.DATE)
    assert words(row) == ["Monday", "Monday", "tomorrow"]


@pytest.mark.parametrize(
    ("third", "row"),
    [
        ("Roe was convicted on three counts of fraud.", False),  # what the jury found, not what he faced
        ("Roe faces four counts of fraud, his lawyer said.", True),  # what he faces, another number
    ],
)
def test_counts_faced_and_counts_convicted_are_two_facts(story, third, row):
    """Two outlets: Roe faces five counts; a third gives the counts he was convicted on (no row) or
    four counts faced (a row). Seen failing with `figure_values.stage` giving no stage."""
    for n, text in enumerate(["Roe faces five counts of fraud.", "Roe, 52, faces five counts of fraud."]):
        article(story, f"Daily{n}", text, hours=n)
    article(story, "Wire", third, hours=2)

    discrepancies.detect(story)

    found = [words(r) for r in of_kind(Discrepancy.Kind.NUMBER)]
    assert found == ([["five counts", "five counts", "four counts"]] if row else []), found


@pytest.mark.parametrize(("subject", "rows"), [("I", 0), ("The trial", 1)])
def test_a_person_starting_something_dates_no_opening(story, subject, rows):
    """ "I started the script in March 2024" against "in May 2024": a person started a thing of their own,
    not the case's opening (events.jsonl "not_after"); the claim's date row compares the two, a row keyed
    to the opening would repeat it. "The trial started ..." is an opening. Seen failing with "not_after"
    read as empty."""
    for n, month in enumerate(("March", "May")):
        text = f"{subject} started the script in {month} 2024, the engineer told the jury."
        row = article(story, f"Daily{n}", text, hours=n)
        words = f"{month} 2024"
        start = text.index(words)
        value = date(2024, 3 if month == "March" else 5, 1)
        DateMention.objects.create(
            article=row, text=words, start=start, end=start + len(words), value=value, precision="month"
        )

    discrepancies.detect(story)

    assert len(of_kind(Discrepancy.Kind.DATE)) == rows
