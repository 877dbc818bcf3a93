"""An article page is outside input with bounds of its own (issue 15): its main text is stored cut at
TRACKER_MAX_ARTICLE_CHARS and marked truncated, and a page body over TRACKER_FETCH_MAX_BYTES is not
read at all (the feed's summary is kept, the reason recorded). Pages are served over real HTTP by the
local test server; the long text is generated here."""

from __future__ import annotations

import pytest

from tests.support.feeds import item, long_text, rss
from tracker.sources import ingestion
from tracker.sources.models import Article, Feed

pytestmark = pytest.mark.django_db

HOST = "long-pages.example"
LIMIT = 20_000


@pytest.fixture
def site(httpserver, allow_private, settings):
    settings.TRACKER_FETCH_RESOLVE = {HOST: f"127.0.0.1:{httpserver.port}"}
    settings.TRACKER_MAX_ARTICLE_CHARS = LIMIT
    return httpserver


def ingest_page(server, paragraphs: list[str]) -> Article:
    """A summary-only feed item whose page holds these paragraphs; the feed polled and the page fetched."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    server.route(
        "/story",
        host=HOST,
        body=f"<html><head><title>Long</title></head><body><article><h1>Long</h1>{body}</article></body></html>".encode(),
        headers={"Content-Type": "text/html"},
    )
    entry = item("Long", f"http://{HOST}/story", description="The feed's summary only.")
    server.route("/feed.xml", host=HOST, body=rss(entry, link=f"http://{HOST}/"))
    ingestion.ingest_feed(Feed.objects.create(url=f"http://{HOST}/feed.xml"))
    return Article.objects.get()


def test_a_page_over_the_article_bound_is_stored_cut_and_marked_truncated(site):
    paragraphs = long_text("a long page", words=12_000)  # about 90,000 characters of main text
    assert sum(map(len, paragraphs)) > 3 * LIMIT
    article = ingest_page(site, paragraphs)
    assert (article.status, article.extractor) == (Article.Status.FETCHED, "trafilatura")
    assert article.truncated and LIMIT // 2 < len(article.text) <= LIMIT
    assert article.text.startswith(paragraphs[0][:100])


def test_a_page_within_the_bound_is_stored_whole(site):
    article = ingest_page(site, long_text("a short page", words=600))
    assert article.status == Article.Status.FETCHED and not article.truncated


def test_a_page_body_over_the_fetch_cap_is_not_read_and_the_summary_is_kept(site, settings):
    settings.TRACKER_FETCH_MAX_BYTES = 50_000
    article = ingest_page(site, long_text("a huge page", words=12_000))
    assert (article.status, article.extractor, article.text) == (
        Article.Status.FETCHED,
        "summary",
        "The feed's summary only.",
    )
    assert article.error.startswith("too_large: body larger than 50000 bytes")
