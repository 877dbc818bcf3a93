"""The seed web served over HTTP: five outlet feeds and an aggregator give exactly five articles."""

from datetime import UTC, datetime

import pytest

from tests.support import seedweb
from tracker.cases.models import Case
from tracker.sources import ingestion
from tracker.sources.models import Article, Feed, FetchRun

pytestmark = pytest.mark.django_db

FURNITURE = [
    "We use cookies",
    "Accept all",
    "Trending now",
    "All rights reserved",
    "Open in app",
    "Newsletter",
]
AGGREGATOR = "http://aggregator.example/search/musk-openai-trial.xml"


def outlet_feeds():
    return [f"http://{r['domain']}/feed.xml" for r in seedweb.manifest()]


def ingest_all():
    feeds = [Feed.objects.create(url=url) for url in [*outlet_feeds(), AGGREGATOR]]
    for feed in feeds:
        ingestion.ingest_feed(feed)
    return feeds


def first_body_sentence(record) -> str:
    """A sentence of the article body, taken from the page's first paragraph after the standfirst."""
    html = (seedweb.SEEDS / record["page"]).read_text()
    paragraphs = [p.split("</p>")[0] for p in html.split("<p>")[1:]]
    body = next(p for p in paragraphs if len(p) > 200)
    return body.replace("&#x27;", "'").split(". ")[0][:80]


def test_five_feeds_and_the_aggregator_give_five_articles(seed_web):
    ingest_all()
    assert Article.objects.count() == 5
    for record in seedweb.manifest():
        article = Article.objects.get(canonical_url=seedweb.http_url(record["url"]))
        assert article.outlet.name == record["outlet"]
        assert article.outlet.domain == record["domain"]
        assert article.title == record["title"]
        assert article.feeds.count() == 2, "its own feed and the aggregator"
        assert article.status == Article.Status.FETCHED
        assert first_body_sentence(record) in article.text
        for furniture in FURNITURE:
            assert furniture not in article.text, (record["seed"], furniture)


def test_dates_are_known_only_where_stated(seed_web):
    ingest_all()
    for record in seedweb.manifest():
        article = Article.objects.get(canonical_url=seedweb.http_url(record["url"]))
        if record["published"] is None:
            assert article.published_at is None, record["seed"]
        else:
            assert article.published_at == datetime.fromisoformat(record["published"]).astimezone(UTC)
        assert article.first_seen_at is not None


def test_credited_source_and_relevance(seed_web):
    ingest_all()
    credited = dict(Article.objects.values_list("outlet__name", "credited_source"))
    assert credited["Aivizor"] == "TechCrunch AI"  # a "Sources:" line
    assert credited["Ichiban Tools"] == "TechCrunch"  # its lede: "According to late-breaking reports from"
    assert all(not v for k, v in credited.items() if k not in ("Aivizor", "Ichiban Tools"))
    case = Case.objects.get(slug="musk-v-openai")
    assert case.articles.count() == 5
    assert Article.objects.filter(relevant=True).count() == 5
    assert Article.objects.filter(copy_of__isnull=False).count() == 0, "five different texts, no copies"


def test_second_poll_sends_validators_and_a_304_adds_nothing(seed_web):
    feeds = ingest_all()
    own = feeds[0]
    own.refresh_from_db()
    assert own.etag
    before = Article.objects.count()
    result = ingestion.poll_feed(own)
    assert result.run.outcome == FetchRun.Outcome.NOT_MODIFIED
    sent = seed_web.requests_to("/feed.xml")[-1].headers
    assert sent["if-none-match"] == own.etag
    assert sent["if-modified-since"] == seedweb.LAST_MODIFIED
    assert Article.objects.count() == before
    assert result.run.content_gz is None


def test_polling_everything_twice_stores_nothing_twice(seed_web):
    feeds = ingest_all()
    Feed.objects.update(etag="", last_modified="")  # force full answers
    for feed in Feed.objects.all():
        result = ingestion.ingest_feed(feed)
        assert result.created == []
    assert Article.objects.count() == 5
    assert len(feeds) == 6
