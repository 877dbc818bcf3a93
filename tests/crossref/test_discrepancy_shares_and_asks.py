"""Figures outlets disagree on that were not read as figures (issue 16), on invented sentences: a share
("about 30 percent of the data": nlp/amounts.py `PERCENT`), and one party's ask worded two ways ("asked
the jury to order Roe to pay" / its lawyer "asked the jury to award": discrepancies/askers.py and
figures.py `ASKED_AS`), and a figure said after an ask in its sentence, asked for by no one
("In a motion asking ..., its lawyer said the server answered 46,000 requests"); a day a court set a thing for ("set a hearing for December 3":
discrepancies/scheduled_dates.py); and a season's year that is no count ("the spring of 2025")."""

from datetime import UTC, date, datetime

import pytest

from tests.crossref.test_discrepancies import T0, article, of_kind
from tests.factories import StoryFactory
from tracker.cases.models import Case
from tracker.crossref import discrepancies
from tracker.crossref.models import DateMention, Discrepancy
from tracker.nlp.amounts import find_amounts

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return StoryFactory(title="Acme v. Roe", first_seen_at=T0, cases=[Case.objects.get(slug="musk-v-openai")])


def values(row) -> list[tuple[str, float]]:
    return [(v["outlet"], v["value"]) for v in row.variants]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Its answers made up about 30 percent of Roe's training data in 2024.", [("percent", 30, "data")]),
        ("It was 13% of the data used for the model.", [("percent", 13, "data")]),
        ("In 94 per cent of the test prompts, it agreed.", [("percent", 94, "prompts")]),
        ("Turnout was 61 percent, up from 45%.", [("percent", 61, ""), ("percent", 45, "")]),
        (
            "It agreed 41 percent of the time, on 72 percent of a set.",
            [("percent", 41, ""), ("percent", 72, "set")],
        ),
        ("About 4 percent of the first Tern's training examples.", [("percent", 4, "examples")]),
        ("The model, released in the spring of 2025, had a jury of 12.", [("count", 12, "jury")]),
    ],
)
def test_shares_with_what_they_are_of_and_no_season_counted(text, found):
    """Seen failing with `PERCENT` matching nothing (no share found), and with `OF_COUNT` reading
    "spring of 2025" as 2,025 springs (the year guard off)."""
    assert [(a.kind, a.value, a.noun) for a in find_amounts(text)] == found


def test_outlets_giving_different_shares_of_one_thing_disagree(story):
    """Seen failing with `PERCENT` matching nothing: the two shares were no figure, and no row showed."""
    article(story, "First", "Roe said the Acme answers made up about 30 percent of Zephyr's training data.")
    article(
        story, "Second", "Roe said Acme answers were about 13 percent of the data used for Zephyr.", hours=1
    )
    article(story, "Third", "Roe said about 80 percent of Zephyr's revenue came from banks.", hours=2)
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.NUMBER)
    assert values(row) == [("First", 30), ("Second", 13)]  # a share of the revenue is another thing


def test_shares_of_nothing_named_are_not_compared(story):
    article(story, "First", "Roe said turnout at the plant vote was about 30 percent.")
    article(story, "Second", "Roe said about 13 percent voted at the plant.", hours=1)
    discrepancies.detect(story)
    assert not of_kind(Discrepancy.Kind.NUMBER)


def test_a_partys_ask_and_its_lawyers_ask_worded_as_a_payment_disagree(story):
    """One outlet has the party ask the jury to order the other side "to pay" a sum, another its lawyer,
    named with the party, ask the jury "to award" another: one ask, two figures. Seen failing with the
    "asker-counsel" rule dropped (the lawyer's ask was the lawyer's own: not compared) and with
    `ASKED_AS` empty (a payment and damages: two nouns, never compared). The other side's lawyer's ask
    stays apart."""
    article(story, "First", "Acme Systems asked the jury on Tuesday to order Roe Labs to pay $310 million.")
    other = "On Tuesday, Roe Labs lawyer Kim Ode asked the jury to award no more than $4 million."
    article(story, "Third", other, hours=2)
    discrepancies.detect(story)
    assert not of_kind(Discrepancy.Kind.NUMBER)  # two parties' asks
    ask = (
        "On Tuesday, Acme Systems lawyer Jo Vance asked the jury to award $301 million, most of it for sales."
    )
    article(story, "Second", ask, hours=1)
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.NUMBER)
    asks = {v["outlet"]: (v["words"], v["value"]) for v in row.variants}
    assert asks["First"] == ("$310 million", 310e6) and asks["Second"] == ("$301 million", 301e6)


def test_a_figure_said_after_an_ask_in_its_sentence_is_asked_for_by_no_one(story):
    """A sentence that opens on a filing asking for something and goes on with what its lawyer said: the
    figure is said, not asked, and another outlet's figure said plainly disagrees with it. Seen failing
    with the "asker-said" rule's phrases emptied (the figure was asked for by `SOMEONE`, an ask, and
    never compared with a figure nobody asks for: no row)."""
    article(story, "First", "Acme lawyer Jo Vance said the server answered 48,000 requests after the order.")
    said = "In a motion asking the judge to fine Roe Labs, Acme lawyer Jo Vance said the server answered "
    article(story, "Second", said + "46,000 requests after the order.", hours=1)
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.NUMBER)
    assert values(row) == [("First", 48000), ("Second", 46000)]


def dated(row, text: str, words: str, on: date) -> None:
    start = text.index(words)
    DateMention.objects.create(
        article=row, text=words, start=start, end=start + len(words), value=on, precision="day"
    )


def test_outlets_giving_a_hearing_set_by_the_court_different_days_disagree(story):
    """Seen failing with `scheduled_dates` finding nothing: the days a court set were compared nowhere
    (a hearing happens more than once in a case: no event row compares them)."""
    first = "Judge Jo Vance set a hearing on both motions for December 3, and ordered Roe to keep records."
    second = "U.S. District Judge Jo Vance scheduled a hearing for December 13 on the competing requests."
    third = "The judge set a deadline of November 20 for briefs. The hearing was scheduled for December 3."
    for n, (text, day) in enumerate(((first, 3), (second, 13), (third, 3))):
        row = article(story, f"O{n}", text, hours=n, published=T0)
        dated(row, text, f"December {day}", date(2026, 12, day))
    dated(row, third, "November 20", date(2026, 11, 20))  # a deadline, another thing
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.DATE)
    assert row.key.endswith(":scheduled:hearing")
    assert [(v["outlet"], v["words"]) for v in row.variants] == [
        ("O0", "December 3"),
        ("O1", "December 13"),
        ("O2", "December 3"),
    ]


def test_a_day_set_named_without_its_year_is_the_one_ahead(story):
    """A yearless day more than two months after publication is read in the year before (`nlp.dates`);
    set for a thing, its value is the one ahead. Seen failing with `_ahead` returning the day as read."""
    first = "The judge denied the motion and scheduled his sentencing for June 18."
    second = "The judge denied the motion, and set sentencing for June 8."
    for n, (text, on) in enumerate(((first, date(2026, 6, 18)), (second, date(2026, 6, 8)))):
        row = article(story, f"O{n}", text, hours=n, published=datetime(2026, 4, 16, 12, tzinfo=UTC))
        dated(row, text, on.strftime("June %-d"), on.replace(year=2025) if on.day == 18 else on)
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.DATE)
    assert [(v["words"], v["value"]) for v in row.variants] == [
        ("June 18", "2026-06-18"),
        ("June 8", "2026-06-08"),
    ]


def test_one_day_in_every_outlet_or_a_day_moved_is_no_disagreement(story):
    """An article giving the hearing two days (moved) says nothing of which is meant: left out. Seen
    failing with every article's first day compared."""
    same = "The court set a hearing for December 10."
    moved = "The court set a hearing for December 3 and later reset the hearing for December 10."
    for n, text in enumerate((same, same, moved)):
        row = article(story, f"O{n}", text, hours=n, published=T0)
        dated(row, text, "December 10", date(2026, 12, 10))
    dated(row, moved, "December 3", date(2026, 12, 3))
    discrepancies.detect(story)
    assert not of_kind(Discrepancy.Kind.DATE)


def test_a_hearing_set_on_a_day_is_compared_and_an_on_of_its_subject_is_not(story):
    """ "scheduled a hearing on November 19" / "set a hearing on November 9": the day right after an
    "on" that follows the thing. An "on" of what the hearing is about ("a hearing on the motions on
    November 2") names no day of it. Seen failing with the "on" pattern out of `SCHEDULED` (no row), and
    with its "on" allowed after words past the thing (the third outlet's November 2 compared too)."""
    first = "A judge on Tuesday refused the stay and scheduled a hearing on November 19 on the request."
    second = "The judge also set a hearing on November 9 to take up the request to pull the product."
    third = "The judge set a hearing on the motions on November 2, a clerk wrote."
    for n, (text, day) in enumerate(((first, 19), (second, 9), (third, 2))):
        row = article(story, f"O{n}", text, hours=n, published=T0)
        dated(row, text, f"November {day}", date(2026, 11, day))
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.DATE)
    assert row.key.endswith(":scheduled:hearing")
    assert [(v["outlet"], v["words"]) for v in row.variants] == [("O0", "November 19"), ("O1", "November 9")]
