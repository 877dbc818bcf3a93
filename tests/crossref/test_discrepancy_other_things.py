"""Rows that would compare two things, or two statements, as if they were one (issue 16, precision of what
readers see), on invented sentences: a party's ask and a figure nobody asks for (tracker/crossref/
discrepancies/askers.py), an outlet's parts and another outlet's total (figure_values.py `varies`), a
headline stating another speaker's words without the claim's hedge (statements.py `hedges_dropped`), and
one weekday in two outlets read against two publication days (figures.py `dates_differ`)."""

from datetime import date

import pytest

from tests.crossref.test_discrepancies import T0, article, claim, evidence, of_kind
from tests.factories import StoryFactory
from tracker.cases.models import Case, Entity
from tracker.crossref import discrepancies
from tracker.crossref.models import DateMention, Discrepancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return StoryFactory(title="Roe v. Acme", first_seen_at=T0, cases=[Case.objects.get(slug="musk-v-openai")])


def values(row) -> set[tuple[str, float]]:
    return {(v["outlet"], v["value"]) for v in row.variants}


def test_a_sum_sought_is_not_the_award_nor_the_cost(story):
    """What a party sought (its asker before the figure or right after it) and what a jury awarded are two
    sums. Seen failing with `askers.comparable` comparing an ask with a figure nobody asks for, and with
    the asker after the figure ("the $320 million Roe sought") not read. Since session 31 (ig33) a sum
    asked for is the damages sought whatever money word is near it (figures.py `ASKED_AS`: "The award is
    well below the $320 million Roe sought" was an award), so the two outlets' asks, $300 million and
    $320 million, are one row, the award in none; the asker after the figure not read still fails it."""
    article(story, "First", "The jury awarded Roe $90 million in damages on Friday.")
    article(story, "Second", "Roe had sought $300 million in damages from Acme.", hours=1)
    article(story, "Third", "The award is well below the $320 million Roe sought in damages.", hours=2)
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.NUMBER)
    assert sorted(values(row)) == [("Second", 300e6), ("Third", 320e6)]


def test_outlets_that_differ_on_the_ask_or_on_the_award_still_disagree(story):
    article(story, "First", "The jury awarded Roe $90 million in damages on Friday.")
    article(story, "Second", "Roe had sought $300 million in damages from Acme.", hours=1)
    article(story, "Third", "The jury awarded Roe $95 million in damages on Friday.", hours=2)
    article(story, "Fourth", "Roe had sought $350 million in damages from Acme.", hours=3)
    discrepancies.detect(story)
    found = [values(row) for row in of_kind(Discrepancy.Kind.NUMBER)]
    assert set().union(*found) >= {("First", 90e6), ("Third", 95e6), ("Second", 300e6), ("Fourth", 350e6)}
    assert all(len({value >= 300e6 for _, value in row}) == 1 for row in found), found  # asks apart


def test_an_outlets_parts_are_not_another_outlets_total(story):
    """One outlet gives the award's two parts, another the total: no disagreement; a third outlet's other
    total still disagrees. Seen failing with `figure_values._sums_to` always False."""
    parts = "Jurors awarded $30 million in damages for the breach. They awarded $12 million in damages for the code."
    article(story, "First", parts)
    article(story, "Second", "Jurors awarded $42 million in damages for the breach and the code.", hours=1)
    discrepancies.detect(story)
    assert not of_kind(Discrepancy.Kind.NUMBER)
    article(story, "Third", "Jurors awarded $45 million in damages for the breach and the code.", hours=2)
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.NUMBER)
    assert values(row) >= {("Second", 42e6), ("Third", 45e6)}


def test_a_headline_of_another_statement_drops_no_hedge():
    """The founder said the model was "partly" trained on the rival's answers; days later a verdict
    headline says a jury found it trained on them: another speaker's words, in an article not reporting
    the founder's claim, so no dropped hedge. A headline naming the founder, or of an article reporting
    his claim, still drops it. Seen failing with `hedges_dropped` reading every headline and lead."""
    story = StoryFactory(title="Acme trial", first_seen_at=T0, cases=[Case.objects.get(slug="musk-v-openai")])
    musk = Entity.objects.get(name="Elon Musk")
    said = 'Musk said the Grok model was "partly" trained on Acme answers.'
    hedged = article(story, "Careful", said, title="Day four")
    verdict = "Jury finds Grok model was trained on Acme answers"
    article(story, "Wire", "The jury returned its verdict.", title=verdict, hours=48)
    admitted = claim(story, musk, "the Grok model was partly trained on Acme answers")
    evidence(admitted, hedged, said, quotes=["partly"], hedges=["partly"])
    discrepancies.detect(story)
    assert not of_kind(Discrepancy.Kind.HEDGE_DROPPED)

    named = article(story, "Loud", "More text.", title="Musk: Grok model trained on Acme answers", hours=1)
    spoke = (
        "He said the Grok model learned from Acme answers."  # the claim, in its words (statements._reporting)
    )
    reported = article(story, "Daily", spoke, title="Grok model trained on Acme answers")
    evidence(admitted, reported, spoke)
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.HEDGE_DROPPED)
    assert {v["article"] for v in row.variants} == {hedged.pk, named.pk, reported.pk}


def test_one_weekday_in_both_outlets_is_no_date_disagreement():
    """Two outlets write "on Tuesday" of one claim, but published months apart (a claim spanning two
    hearings): read against each publication day the dates differ, the words readers see do not. The
    same claim dated "on Tuesday" and "on Monday" still disagrees. Seen failing with `dates_differ`
    keeping rows whose variants' words are alike."""
    story = StoryFactory(title="Acme trial", first_seen_at=T0, cases=[Case.objects.get(slug="musk-v-openai")])
    musk = Entity.objects.get(name="Elon Musk")
    said = "On Tuesday, Musk said the Grok model was ready."
    first, second = article(story, "A", said), article(story, "B", said, hours=24 * 90)
    ready = claim(story, musk, "the Grok model was ready")
    for row, day in ((first, date(2026, 4, 28)), (second, date(2026, 7, 28))):
        DateMention.objects.create(article=row, text="Tuesday", start=3, end=10, value=day, precision="day")
        evidence(ready, row, said, on=day)
    discrepancies.detect(story)
    assert not of_kind(Discrepancy.Kind.DATE)

    other = "On Monday, Musk said the Grok model was ready."
    third = article(story, "C", other, hours=1)
    DateMention.objects.create(
        article=third, text="Monday", start=3, end=9, value=date(2026, 4, 27), precision="day"
    )
    evidence(ready, third, other, on=date(2026, 4, 27))
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.DATE)
    assert {v["words"] for v in row.variants} == {"Tuesday", "Monday"}
