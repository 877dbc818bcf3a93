"""Public pages show public things (issue 15, item 11): one rule for articles everywhere (relevant ones,
`Article.objects.relevant()`, as the API always had), evidence capped with a count and a link to the
full list, and no candidate entity to follow."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory
from tests.web.grow import grow
from tracker.cases.models import Entity
from tracker.crossref.models import Claim, Event, Evidence
from tracker.digests.forms import SubscribeForm
from tracker.sources.models import Article, Outlet
from tracker.web import apidata, claims, views

pytestmark = pytest.mark.django_db

SPAM_OUTLETS = 300
BASE = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def spam(n: int = SPAM_OUTLETS) -> None:
    """n outlets, each with one irrelevant article whose words a reader might search for."""
    outlets = Outlet.objects.bulk_create(
        [Outlet(name=f"Spamco {i}", domain=f"spamco-{i}.example") for i in range(n)]
    )
    Article.objects.bulk_create(
        [
            ArticleFactory.build(
                outlet=o,
                title=f"Musk OpenAI trial cheap pills {i}",
                summary="Musk OpenAI trial cheap pills",
                text="Musk OpenAI trial cheap pills, buy now.",
                first_seen_at=BASE + timedelta(minutes=i),
                relevant=False,
            )
            for i, o in enumerate(outlets)
        ]
    )


def test_spam_outlets_and_their_articles_stay_off_outlets_and_search(
    client, sample_corpus, django_assert_max_num_queries
):
    spam()
    with django_assert_max_num_queries(10):  # as test_outlets' bound
        listing = client.get(reverse("web:outlets")).content.decode()
    assert not re.search(r"Spamco \d", listing) and "FrontierNews.ai" in listing
    spammer = Outlet.objects.get(name="Spamco 7")
    assert client.get(reverse("web:outlet", args=[spammer.pk])).status_code == 404
    for query in ("cheap pills", "Spamco", "Musk"):
        with django_assert_max_num_queries(12):
            found = client.get(reverse("web:search"), {"q": query}).content.decode()
        assert not re.search(r"Spamco \d|spamco-\d|trial cheap pills", found), query  # the query echoes
    timeline = client.get(reverse("web:home")).content.decode()
    assert not re.search(r"Spamco \d", timeline)  # nor among the outlets the filter form offers
    assert client.get("/api/v1/articles", {"outlet": "spamco-7.example"}).json()["items"] == []


def test_an_outlet_lists_and_counts_only_its_relevant_articles(client, sample_corpus):
    outlet = Outlet.objects.get(name="FrontierNews.ai")
    Article.objects.create(
        outlet=outlet,
        url="https://frontiernews.ai/offtopic",
        canonical_url="https://frontiernews.ai/offtopic",
        title="Gardening tips nobody asked for",
        status=Article.Status.ANALYZED,
        relevant=False,
    )
    page = client.get(reverse("web:outlet", args=[outlet.pk])).content.decode()
    assert "Gardening tips" not in page
    listing = client.get(reverse("web:outlets")).content.decode()
    row = listing[listing.index(">FrontierNews.ai</a>") :]
    assert row[: row.index("</tr>")].count("<td>1</td>") >= 1  # still one article


def test_an_event_with_500_evidence_rows_answers_a_capped_list(client, sample_corpus, settings):
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0
    grow(500)
    event = Event.objects.get(date="2026-04-30")
    claim = Claim.objects.get(text__contains="general practice")
    total = Evidence.objects.filter(claim=claim).count()
    assert total > 500
    response = client.get("/api/v1/events", {"limit": 200})
    assert len(response.content) < 1_000_000
    found = next(e for e in response.json()["items"] if e["id"] == event.pk)
    assert len(found["sources"]) == apidata.EVIDENCE_LIMIT and found["sources_count"] > 500
    assert found["outlets_count"] > 500  # coverage still counts every source
    inline = next(c for c in found["claims"] if c["id"] == claim.pk)
    assert len(inline["evidence"]) == apidata.EVIDENCE_LIMIT and inline["evidence_count"] == total
    detail = client.get(f"/api/v1/claims/{claim.pk}").json()
    assert len(detail["evidence"]) == apidata.EVIDENCE_LIMIT and detail["evidence_count"] == total
    # The full list, paged.
    seen, url, params = [], inline["evidence_url"], {"limit": 200}
    while True:
        page = client.get(url, params).json()
        seen += page["items"]
        if not page["next"]:
            break
        params = {"limit": 200, "cursor": page["next"]}
    assert len(seen) == total
    assert {e["source"]["id"] for e in seen} == set(claim.evidence.values_list("article", flat=True))
    sources = client.get(found["sources_url"], {"limit": 200}).json()
    assert len(sources["items"]) == 200 and sources["next"]


def test_the_subscribe_form_takes_curated_entities_only(sample_corpus):
    candidate = Entity.objects.create(
        name="Some Guess", slug="some-guess", kind="PERSON", status=Entity.Status.CANDIDATE
    )
    assert candidate.status != Entity.Status.CURATED
    curated = Entity.objects.filter(status=Entity.Status.CURATED).first()
    refused = SubscribeForm({"email": "a@example.org", "frequency": "daily", "entity": candidate.pk})
    assert not refused.is_valid() and "entity" in refused.errors
    taken = SubscribeForm({"email": "a@example.org", "frequency": "daily", "entity": curated.pk})
    assert taken.is_valid(), taken.errors


def test_pages_page_the_evidence_of_a_claim_and_the_sources_of_an_event(
    client, sample_corpus, settings, django_assert_max_num_queries
):
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0
    grow(500)
    claim = Claim.objects.get(text__contains="general practice")
    with django_assert_max_num_queries(15):
        html = client.get(reverse("web:claim", args=[claim.pk])).content.decode()
    assert html.count('class="evidence-card"') == claims.EVIDENCE_PAGE
    older = re.search(r'href="\?older=([^"]+)">More reports', html).group(1)
    nxt = client.get(reverse("web:claim", args=[claim.pk]), {"older": unquote(older)}).content.decode()
    assert "Musk testimony report g60<" not in html and "Musk testimony report g60<" in nxt
    assert f"{claim.evidence.count()} in all" in html
    event = Event.objects.get(date="2026-04-30")
    with django_assert_max_num_queries(20):
        page = client.get(reverse("web:event", args=[event.pk])).content.decode()
    assert page.count('class="source-card"') == views.CARDS_PAGE
    assert 'href="?sources_from=30">More sources' in page
    rest = client.get(reverse("web:event", args=[event.pk]), {"sources_from": 480}).content.decode()
    assert 0 < rest.count('class="source-card"') <= views.CARDS_PAGE
