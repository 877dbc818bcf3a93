"""Dates outlets disagree on that were not compared (tracker/crossref/discrepancies/content_dates.py,
scheduled_dates.py): one outlet's words holding two months, and an article with no publication day that
names a day without its year. Invented names and sentences."""

from datetime import UTC, date, datetime

import pytest

from tests.crossref.test_discrepancies import T0, article, claim, evidence, of_kind
from tests.factories import StoryFactory
from tracker.cases.models import Case, Entity
from tracker.crossref import discrepancies
from tracker.crossref.models import DateMention, Discrepancy

pytestmark = pytest.mark.django_db
PUBLISHED = datetime(2026, 4, 16, 12, tzinfo=UTC)


@pytest.fixture
def story():
    return StoryFactory(title="Acme v. Roe", first_seen_at=T0, cases=[Case.objects.get(slug="musk-v-openai")])


@pytest.fixture
def musk():
    return Entity.objects.get(name="Elon Musk")


def mention(row, words: str, on: date | None, precision: str = "day") -> None:
    start = row.text.index(words)
    DateMention.objects.create(
        article=row, text=words, start=start, end=start + len(words), value=on, precision=precision
    )


def two_months(story, musk, first: str, second: str) -> list[Discrepancy]:
    """Outlet A's words hold two months, the first its evidence's date (as `claim_dates` reads it);
    outlet B's one. Both reports on one claim."""
    a, b = (
        article(story, "A", first, published=PUBLISHED),
        article(story, "B", second, hours=1, published=PUBLISHED),
    )
    for row, text in ((a, first), (b, second)):
        for month, n in (("March 2025", 3), ("May 2025", 5), ("June 2025", 6)):
            if month in text:
                mention(row, month, date(2025, n, 1), "month")
    said = claim(story, musk, "the program stopped")
    first_month = date(2025, 3, 1) if "March" in first else date(2025, 5, 1)
    ea = evidence(said, a, first, on=first_month, precision="month")
    ea.text = first.split(" that ", 1)[1].rstrip(".")
    ea.save()
    eb = evidence(said, b, second, on=date(2025, 6, 1), precision="month")
    eb.text = second.split(" that ", 1)[1].rstrip(".")
    eb.save()
    discrepancies.detect(story)
    return of_kind(Discrepancy.Kind.DATE)


def test_of_two_months_in_the_words_the_one_governed_as_the_other_outlets_is_compared(story, musk):
    """ "learned in March and stopped in May" against "stopped in June": the row is May / June, not
    March / June. Seen failing with `unambiguous` returning its evidence as given (March compared)."""
    (row,) = two_months(
        story,
        musk,
        "Roe testified that he learned of it in March 2025 and that the program stopped in May 2025.",
        "Roe testified that the program stopped in June 2025.",
    )
    assert [(v["outlet"], v["words"]) for v in row.variants] == [("A", "May 2025"), ("B", "June 2025")]


def test_of_two_months_governed_by_other_words_none_is_compared(story, musk):
    """ "began in March and stopped in May" against "ended in June": no row. Seen failing with an
    ambiguous evidence kept as given (`unambiguous` returning `dated`: March / June)."""
    assert (
        two_months(
            story,
            musk,
            "Roe testified that the program began in March 2025 and that it stopped in May 2025.",
            "Roe testified that the program ended in June 2025.",
        )
        == []
    )


def test_a_day_named_without_its_year_in_an_undated_article_is_compared(story, musk):
    """An undated article's "to rule by December 1" (no value read) against a dated outlet's "December
    11" of one claim. Seen failing with `yearless` finding nothing (no row), and with the yearless rows
    left out of the batch's reads (`story_reads._mentions` reading valued rows only)."""
    first = "Roe asked the appeals court to rule by December 1, citing payroll."
    second = "Roe asked the appeals court to rule by December 11, citing payroll."
    a, b = article(story, "A", first), article(story, "B", second, hours=1, published=PUBLISHED)
    mention(a, "December 1", None)
    mention(b, "December 11", date(2026, 12, 11))
    said = claim(story, musk, "the appeals court to rule")
    for row, text, on in ((a, first, None), (b, second, date(2026, 12, 11))):
        e = evidence(said, row, text, on=on)
        e.text = text.split(" asked ", 1)[1].split(",")[0]
        e.save()
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.DATE)
    assert sorted((v["outlet"], v["words"], v["value"]) for v in row.variants) == [
        ("A", "December 1", "2026-12-01"),
        ("B", "December 11", "2026-12-11"),
    ]


def test_a_day_set_named_without_its_year_in_an_undated_article_is_compared(story):
    """ "set sentencing for June 18" in an undated article (no value read) against "June 8". Seen failing
    with yearless rows skipped in `scheduled_dates` (`day` None without a value), and with them left
    out of the batch's reads."""
    first = "The judge denied the motion and scheduled his sentencing for June 18."
    second = "The judge denied the motion, and set sentencing for June 8."
    a, b = article(story, "A", first), article(story, "B", second, hours=1, published=PUBLISHED)
    mention(a, "June 18", None)
    mention(b, "June 8", date(2026, 6, 8))
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.DATE)
    assert sorted((v["words"], v["value"]) for v in row.variants) == [
        ("June 18", "2026-06-18"),
        ("June 8", "2026-06-08"),
    ]
