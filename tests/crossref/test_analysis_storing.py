"""A batch's extractions are stored in a fixed number of queries, whatever its size; an article the
database refuses fails alone. Invented articles and extractions (no spaCy)."""

from datetime import date

import pytest
from django.db import DatabaseError

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


def test_an_article_the_database_refuses_fails_alone(monkeypatch):
    batch = [(article, extraction(i)) for i, article in enumerate(articles(3))]
    refused = batch[1][0].pk
    real = ClaimCandidate.objects.bulk_create

    def bulk_create(rows, *args, **kwargs):
        if any(row.article_id == refused for row in rows):
            raise DatabaseError("refused for the test")
        return real(rows, *args, **kwargs)

    monkeypatch.setattr(ClaimCandidate.objects, "bulk_create", bulk_create)
    stored = analysis.store_extractions(batch)
    assert [a.pk for a, _ in stored] == [batch[0][0].pk, batch[2][0].pk]
    assert Article.objects.get(pk=refused).status == Article.Status.FAILED
    assert "refused for the test" in Article.objects.get(pk=refused).error
    assert not Mention.objects.filter(article_id=refused).exists()
    assert Mention.objects.count() == 2
