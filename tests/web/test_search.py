"""Search: grouped, highlighted results over events, claims, quotes and articles, on both databases;
the PostgreSQL path uses its GIN indexes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from tests.web.grow import grow
from tracker.crossref.models import Claim
from tracker.web.search import excerpt, mark, search, segments_from_markers, terms

pytestmark = pytest.mark.django_db


def test_terms_read_websearch_syntax():
    assert terms('"standard industry procedure" musk -openai or grok') == [
        "standard industry procedure",
        "musk",
        "grok",
    ]


def test_mark_and_markers_give_the_same_segments():
    assert mark("A Standard practice", ["standard practice"]) == [("A ", False), ("Standard practice", True)]
    assert segments_from_markers("A \ue000Standard\ue001 x") == [
        ("A ", False),
        ("Standard", True),
        (" x", False),
    ]
    assert mark("", ["x"]) == []


def test_excerpt_is_short_and_around_the_match():
    text = "word " * 200 + "standard industry procedure" + " tail" * 200
    cut = excerpt(text, ["standard industry procedure"])
    assert "standard industry procedure" in cut and len(cut) < 260
    assert cut.startswith("… ") and cut.endswith(" …")


def test_search_finds_the_quote_and_the_article(client, sample_corpus):
    response = client.get(reverse("web:search"), {"q": "standard industry procedure"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>" in html and "procedure</mark>" in html
    assert "Quotes" in html and "Articles" in html
    assert "FrontierNews.ai" in html
    assert (
        f'href="{reverse("web:claim", args=[Claim.objects.get(text__contains="general practice").pk])}"'
        in html
    )
    results = search("standard industry procedure")
    assert len(results.quotes) == 1  # the article carries the sentence twice; one result
    assert results.articles and len(results.articles) == 1
    shown = "".join(t for t, _ in results.articles[0].segments)
    assert len(shown) < 400  # an excerpt, never the article's text


def test_search_finds_claims_and_events(sample_corpus):
    results = search("Grok")  # a word of the main claim and its event
    assert results.claims or results.events
    assert results.count > 0
    assert search("   ").count == 0
    assert search("zzzyqx").count == 0


def test_rejected_claims_and_their_quotes_are_not_found(sample_corpus):
    Claim.objects.filter(text__contains="general practice").update(status="rejected")
    assert search("standard industry procedure").quotes == []


def test_htmx_request_gets_the_results_partial(client, sample_corpus):
    response = client.get(reverse("web:search"), {"q": "standard practice"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="search-results"')
    assert "<html" not in html


def test_search_form_works_without_javascript(client, db):
    html = client.get(reverse("web:search")).content.decode()
    assert 'method="get" action="/search"' in html and 'name="q"' in html
    assert 'hx-trigger="keyup changed delay:300ms' in html and 'hx-push-url="true"' in html


def test_search_queries_are_bounded(client, sample_corpus, django_assert_max_num_queries):
    url = reverse("web:search")
    with django_assert_max_num_queries(13):  # 4 groups of text, 4 of records, the sample notice's check
        assert client.get(url, {"q": "standard industry procedure"}).status_code == 200
    grow(40)
    with django_assert_max_num_queries(13):
        response = client.get(url, {"q": "standard industry procedure"})
        assert response.status_code == 200
    assert "Musk testimony report g" in response.content.decode()


def test_postgresql_ranks_with_the_gin_indexes(sample_corpus):
    if connection.vendor != "postgresql":
        pytest.skip("full-text search and its GIN indexes exist on PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'web_%%_search_vector'")
        assert {r[0] for r in cursor.fetchall()} == {
            "web_article_search_vector",  # web/0005
            "web_crossref_claim_search_vector",  # web/0006, in place of web/0002's expression indexes
            "web_crossref_evidence_search_vector",
            "web_crossref_event_search_vector",
        }
    from django.contrib.postgres.search import SearchQuery

    from tracker.crossref.models import Claim
    from tracker.web.search_vectors import StoredVector

    query = SearchQuery("standard industry procedure", search_type="websearch", config="english")
    qs = Claim.objects.alias(v=StoredVector()).filter(v=query).order_by()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = qs.explain()
        cursor.execute("SET enable_seqscan = on")
    assert "web_crossref_claim_search_vector" in plan  # articles: test_search_speed.py
    results = search("standard OR practice")  # websearch syntax
    assert len(results.quotes) >= 2
    assert all(any(m for _, m in hit.segments) for hit in results.quotes)
