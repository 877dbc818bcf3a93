"""A publication time stated by the article's PAGE is judged as a feed's is (issue 15, item 1): one in
the future, or years before the first sighting when the feed that carried the article publishes
promptly, is kept but flagged `published_suspect`, and alone it does not make the article first
reported. The hostile pages and feeds are served over real HTTP by the local test server; the feed
states no date for the page's article, so the page's time is the one stored."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.utils import format_datetime

import pytest
from django.utils import timezone

from tests.support.feeds import article_html, item, long_text, rss
from tracker.crossref import event_reports
from tracker.sources import ingestion
from tracker.sources.models import Article, Feed

pytestmark = pytest.mark.django_db

HOST = "page-dates.example"


@pytest.fixture
def site(httpserver, allow_private, settings):
    settings.TRACKER_FETCH_RESOLVE = {HOST: f"127.0.0.1:{httpserver.port}"}
    return httpserver


def page(title: str, published: datetime) -> bytes:
    """An article page whose own metadata states `published` as its publication time."""
    return (
        f"<html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="{published.isoformat()}"></head>'
        f"<body><article><h1>{title}</h1>{article_html(long_text(title))}</article></body></html>"
    ).encode()


def ingest(server, stated: datetime, *, prompt: bool) -> Article:
    """Serve a feed with a summary-only, undated item whose page states `stated`; with `prompt`, four
    full-text items dated an hour or so before now make the feed one that publishes promptly."""
    now = timezone.now()
    fresh = [
        item(
            f"Fresh {n}",
            f"http://{HOST}/fresh-{n}",
            content=article_html(long_text(f"fresh {n}")),
            pub_date=format_datetime(now - timedelta(hours=n + 1)),
        )
        for n in range(4 if prompt else 0)
    ]
    undated = item("Page dated", f"http://{HOST}/page-dated", description="A summary only.")
    server.route("/feed.xml", host=HOST, body=rss(undated, *fresh, link=f"http://{HOST}/"))
    server.route(
        "/page-dated", host=HOST, body=page("Page dated", stated), headers={"Content-Type": "text/html"}
    )
    ingestion.ingest_feed(Feed.objects.create(url=f"http://{HOST}/feed.xml"))
    return Article.objects.get(url=f"http://{HOST}/page-dated")


def test_a_page_stating_a_time_in_the_future_is_kept_and_flagged(site):
    stated = timezone.now() + timedelta(days=400)
    article = ingest(site, stated, prompt=False)
    assert (article.status, article.published_from) == (Article.Status.FETCHED, Article.DateSource.PAGE)
    assert abs(article.published_at - stated) < timedelta(seconds=1)  # kept as the page states it
    assert article.published_suspect
    assert event_reports.reported_at(article) == article.first_seen_at  # not the stated time


def test_a_backdated_page_on_a_prompt_feed_is_flagged(site):
    stated = timezone.now() - timedelta(days=3 * 365)
    article = ingest(site, stated, prompt=True)
    assert article.published_from == Article.DateSource.PAGE
    assert article.published_at < timezone.now() - timedelta(days=3 * 365 - 1)
    assert article.published_suspect
    assert event_reports.reported_at(article) == article.first_seen_at
    assert not Article.objects.filter(title__startswith="Fresh", published_suspect=True).exists()


def test_an_old_page_time_on_a_feed_that_is_not_prompt_is_not_suspect(site):
    article = ingest(site, timezone.now() - timedelta(days=3 * 365), prompt=False)
    assert article.published_from == Article.DateSource.PAGE and not article.published_suspect


def test_a_fresh_page_time_on_a_prompt_feed_is_trusted(site):
    stated = timezone.now() - timedelta(hours=3)
    article = ingest(site, stated, prompt=True)
    assert article.published_from == Article.DateSource.PAGE and not article.published_suspect
    assert event_reports.reported_at(article) == article.published_at
