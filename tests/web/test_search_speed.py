"""Search that stays fast as the corpus grows (issue 17): on PostgreSQL articles are matched and ranked
on their stored search vector (migration web/0005: a column kept by a trigger, with a GIN index), and
only a group's newest CANDIDATES matches are ranked; a search page makes a fixed number of queries."""

from __future__ import annotations

import pytest
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.urls import reverse

from tests.web.grow import grow
from tracker.sources.models import Article
from tracker.web import search_vectors
from tracker.web.search import article_plan, search
from tracker.web.search_vectors import StoredVector

pytestmark = pytest.mark.django_db
POSTGRESQL_ONLY = "full-text search, its stored vector and its GIN indexes exist on PostgreSQL only"


def _postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(POSTGRESQL_ONLY)


def test_the_articles_are_ranked_on_the_stored_vector_through_its_gin_index(sample_corpus):
    _postgresql()
    query = SearchQuery("standard industry procedure", search_type="websearch", config="english")
    matching = Article.objects.alias(v=StoredVector()).filter(v=query).order_by()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # a tiny table: ask whether the index *can* serve
        index_plan = matching.explain()
        cursor.execute("SET enable_seqscan = on")
    assert "Bitmap Index Scan on web_article_search_vector" in index_plan, index_plan
    plan = article_plan("standard industry procedure")
    assert "search_vector @@" in plan and "ts_rank(sources_article.search_vector" in plan, plan
    assert "to_tsvector" not in plan  # neither the match nor the rank reads an article's whole text
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'sources_article'")
        assert "web_article_fts" not in {r[0] for r in cursor.fetchall()}  # replaced, not kept twice


def test_the_stored_vector_follows_every_write(sample_corpus):
    _postgresql()
    article = Article.objects.relevant().order_by("pk").first()
    assert search("quixoticallyrenamed").articles == []
    Article.objects.filter(pk=article.pk).update(title="A quixoticallyrenamed headline")
    assert [h.obj.pk for h in search("quixoticallyrenamed").articles] == [article.pk]
    article.refresh_from_db()
    article.text = "Nothing of the kind any more."
    article.save()
    assert [h.obj.pk for h in search("quixoticallyrenamed").articles] == [article.pk]  # title kept
    Article.objects.filter(pk=article.pk).update(title="Plain again")
    assert search("quixoticallyrenamed").articles == []


def test_only_the_newest_matches_are_ranked(sample_corpus, monkeypatch):
    _postgresql()
    articles = list(Article.objects.relevant().order_by("pk")[:3])
    assert len(articles) == 3
    oldest, *newer = articles
    Article.objects.filter(pk=oldest.pk).update(title="zorblax zorblax zorblax zorblax")  # ranks first
    for a in newer:
        Article.objects.filter(pk=a.pk).update(title=f"{a.title} zorblax")
    assert search("zorblax").articles[0].obj.pk == oldest.pk
    monkeypatch.setattr(search_vectors, "CANDIDATES", 2)
    assert {h.obj.pk for h in search("zorblax").articles} == {a.pk for a in newer}


@pytest.mark.parametrize("words", ["standard industry procedure", "Musk", '"general practice"'])
def test_a_search_page_makes_the_same_queries_however_large_the_corpus(
    client, sample_corpus, django_assert_num_queries, words
):
    url = reverse("web:search")
    client.get(url, {"q": words})  # the sample notice's check, cached once
    expected = 10 if connection.vendor == "postgresql" else 12
    with django_assert_num_queries(expected):  # 4 groups of text, 4 of records, the case list, ...
        assert client.get(url, {"q": words}).status_code == 200
    grow(40)
    with django_assert_num_queries(expected):
        assert client.get(url, {"q": words}).status_code == 200


@pytest.mark.parametrize("model", ["event", "claim", "evidence"])
def test_events_claims_and_quotes_are_ranked_on_their_stored_vectors(sample_corpus, model):
    _postgresql()
    from tracker.crossref.models import Claim, Event, Evidence

    found = {"event": Event, "claim": Claim, "evidence": Evidence}[model].objects.all()
    query = SearchQuery("practice", search_type="websearch", config="english")
    ranked = search_vectors.candidates(found, query).annotate(rank=SearchRank(StoredVector(), query))
    plan = ranked.order_by("-rank")[:10].explain()
    assert "search_vector @@" in plan and "to_tsvector" not in plan, plan
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        index_plan = found.alias(v=StoredVector()).filter(v=query).order_by().explain()
        cursor.execute("SET enable_seqscan = on")
    assert f"web_crossref_{model}_search_vector" in index_plan, index_plan
