"""Dates said inside a claim's words (tracker/crossref/discrepancies/content_dates.py): a claim one outlet
dates by the day it was said and another by the month it says, on invented sentences."""

from datetime import date

import pytest

from tests.crossref.test_discrepancies import T0, article, claim, of_kind
from tests.factories import EvidenceFactory, StoryFactory
from tracker.cases.models import Case, Entity
from tracker.crossref import discrepancies
from tracker.crossref.models import Claim, DateMention, Discrepancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return StoryFactory(
        title="Musk testifies", first_seen_at=T0, cases=[Case.objects.get(slug="musk-v-openai")]
    )


@pytest.fixture
def musk():
    return Entity.objects.get(name="Elon Musk")


def said_on_tuesday(story, musk, first: str, words: str) -> Claim:
    """Outlet A dates Musk's testimony by the Tuesday it was given (`first`, its content `words`);
    outlet B by the month said in its words (invented sentences, dates as the extraction stores them)."""
    second = "Musk testified that in June 2025 a customer showed him the answer."
    a1, a2 = article(story, "A", first), article(story, "B", second, hours=1)
    for row, words_, on, precision in [
        (a1, "Tuesday", date(2026, 4, 28), "day"),
        (a1, "January 2025", date(2025, 1, 1), "month"),
        (a1, "March", date(2025, 3, 1), "month"),
        (a2, "June 2025", date(2025, 6, 1), "month"),
    ]:
        if words_ in row.text:
            start = row.text.index(words_)
            DateMention.objects.create(
                article=row, text=words_, start=start, end=start + len(words_), value=on, precision=precision
            )
    testimony = claim(story, musk, "a customer showed him the answer")
    told = {"claim": testimony, "attribution": "indirect"}
    EvidenceFactory(
        **told, article=a1, sentence=first, text=words, date=date(2026, 4, 28), date_precision="day"
    )
    content = "in June 2025 a customer showed him the answer"
    EvidenceFactory(
        **told, article=a2, sentence=second, text=content, date=date(2025, 6, 1), date_precision="month"
    )
    return testimony


def test_a_month_said_in_the_words_of_a_claim_dated_by_the_day_it_was_said(story, musk):
    testimony = said_on_tuesday(
        story,
        musk,
        "On Tuesday Musk testified that he first doubted it in January 2025.",
        "he first doubted it in January 2025",
    )

    discrepancies.detect(story)

    (row,) = of_kind(Discrepancy.Kind.DATE)
    assert row.claim == testimony
    assert [(v["outlet"], v["words"], v["value"]) for v in row.variants] == [
        ("A", "January 2025", "2025-01-01"),
        ("B", "June 2025", "2025-06-01"),
    ]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("In January 2025 Musk testified on Tuesday that he doubted it.", "he doubted it"),  # not his words
        (
            "On Tuesday Musk testified that he doubted it in March, then in January 2025.",
            "he doubted it in March, then in January 2025",
        ),
    ],
)
def test_no_month_from_outside_the_words_or_from_words_holding_two(story, musk, sentence, words):
    said_on_tuesday(story, musk, sentence, words)
    discrepancies.detect(story)
    assert of_kind(Discrepancy.Kind.DATE) == []
