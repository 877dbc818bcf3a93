"""A batch's extractions are stored in a fixed number of queries, whatever its size; an article the
database refuses fails alone. Invented articles and extractions (no spaCy)."""

import dataclasses
from datetime import date

import pytest

from tracker.crossref import analysis
from tracker.crossref.models import ClaimCandidate, DateMention, Mention
from tracker.nlp import types
from tracker.sources.models import Article, Outlet

pytestmark = pytest.mark.django_db


def articles(count: int) -> list[Article]:
    outlet = Outlet.objects.create(name="Harbour Ledger", domain="harbour-ledger.example")
    return [
        Article.objects.create(
            outlet=outlet,
            url=f"http://harbour-ledger.example/{i}",
            canonical_url=f"http://harbour-ledger.example/{i}",
            title=f"Piece {i}",
            text="Wren Calloway said on Monday that the ferry contract was void.",
            status=Article.Status.FETCHED,
        )
        for i in range(count)
    ]


def extraction(i: int) -> types.Extraction:
    monday = types.DateMention(text="Monday", start=24, end=30, value=date(2026, 3, 2), precision="day")
    claim = types.Claim(
        speaker="Wren Calloway", verb="say", attribution="indirect", kind="statement",
        text=f"the ferry contract was void {i}", sentence="Wren Calloway said ...", start=36, end=63,
        sentence_start=0, sentence_end=64, date=monday,
    )  # fmt: skip
    mentions = (types.Mention(text="Wren Calloway", label="PERSON", start=0, end=13),)
    return types.Extraction(mentions=mentions, claims=(claim,), dates=(monday,))


@pytest.mark.parametrize("size", [2, 12])
def test_a_batch_is_stored_in_the_same_queries_at_any_size(size, django_assert_num_queries):
    batch = [(article, extraction(i)) for i, article in enumerate(articles(size))]
    analysis.store_extractions(batch)  # stored once: the second run replaces rows that exist
    with django_assert_num_queries(9):  # savepoint, 3 deletes, 3 inserts, 1 update, release
        stored = analysis.store_extractions(batch)
    assert [a.pk for a, _ in stored] == [a.pk for a, _ in batch]
    assert Mention.objects.count() == DateMention.objects.count() == ClaimCandidate.objects.count() == size
    assert list(ClaimCandidate.objects.order_by("pk").values_list("article_id", flat=True)) == [
        a.pk for a, _ in batch
    ]
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.ANALYZED}


def test_an_article_the_database_refuses_fails_alone():
    batch = [(article, extraction(i)) for i, article in enumerate(articles(3))]
    refused = batch[1][0].pk
    claim = dataclasses.replace(batch[1][1].claims[0], start=-1)  # a positive column's check refuses it
    batch[1] = (batch[1][0], dataclasses.replace(batch[1][1], claims=(claim,)))
    stored = analysis.store_extractions(batch)
    assert [a.pk for a, _ in stored] == [batch[0][0].pk, batch[2][0].pk]
    assert Article.objects.get(pk=refused).status == Article.Status.FAILED
    assert "analysis: IntegrityError" in Article.objects.get(pk=refused).error
    assert not Mention.objects.filter(article_id=refused).exists()
    assert Mention.objects.count() == 2


def test_the_rows_hold_every_value_of_the_extraction():
    (article,) = articles(1)
    found = extraction(7)
    quote = types.Quote(text="void", start=58, end=62, prefix="was ", suffix="")
    claim = dataclasses.replace(found.claims[0], quotes=(quote,), hedges=("reportedly",), confidence=2)
    analysis.store_extractions([(article, dataclasses.replace(found, claims=(claim,)))])
    row = ClaimCandidate.objects.get()
    assert (row.article, row.speaker, row.verb, row.text) == (article, "Wren Calloway", "say", claim.text)
    assert (row.start, row.end, row.sentence_start, row.sentence_end) == (36, 63, 0, 64)
    assert row.quotes == [{"text": "void", "start": 58, "end": 62, "prefix": "was ", "suffix": ""}]
    assert (row.hedges, row.confidence) == (["reportedly"], 2)
    assert (row.date, row.date_precision, row.date_text) == (date(2026, 3, 2), "day", "Monday")
    dated = DateMention.objects.get()
    assert (dated.text, dated.start, dated.end, dated.value, dated.precision) == (
        "Monday", 24, 30, date(2026, 3, 2), "day",
    )  # fmt: skip
    mention = Mention.objects.get()
    assert (mention.text, mention.label, mention.start, mention.end, mention.entity) == (
        "Wren Calloway", "PERSON", 0, 13, None,
    )  # fmt: skip


def test_a_date_is_stored_with_the_tense_of_its_act():
    """The tense the nlp step read ("The hearing resumes Monday": ahead) is kept with the date, so what
    reads the rows later (undated placement) need not read the text again; none read is stored blank."""
    (article,) = articles(1)
    ahead = types.DateMention(text="Monday", start=24, end=30, value=None, precision="day", tense="ahead")
    unread = dataclasses.replace(ahead, text="March", start=40, end=45, precision="month", tense=None)
    analysis.store_extractions([(article, types.Extraction(mentions=(), claims=(), dates=(ahead, unread)))])
    assert list(DateMention.objects.values_list("text", "tense")) == [("Monday", "ahead"), ("March", "")]
