"""A page that keeps failing (issue 15: retries with backoff, nothing lost silently): a transient failure
(503) asks for a retry until TRACKER_PAGE_MAX_ATTEMPTS, then the feed's summary is kept with the reason;
a permanent one (404) keeps the summary at once; the task's retry delays grow. Served over real HTTP."""

from __future__ import annotations

import pytest

from tests.support.feeds import item, rss
from tracker.sources import ingestion, page_fetching, tasks
from tracker.sources.models import Article, Feed

pytestmark = pytest.mark.django_db

HOST = "flaky.example"


@pytest.fixture
def site(httpserver, allow_private, settings):
    settings.TRACKER_FETCH_RESOLVE = {HOST: f"127.0.0.1:{httpserver.port}"}
    settings.TRACKER_PAGE_MAX_ATTEMPTS = 3
    entry = item("Flaky", f"http://{HOST}/story", description="The feed's summary only.")
    httpserver.route("/feed.xml", host=HOST, body=rss(entry, link=f"http://{HOST}/"))
    return httpserver


def polled(server) -> Article:
    ingestion.poll_feed(Feed.objects.create(url=f"http://{HOST}/feed.xml"))
    return Article.objects.get()


def test_a_transient_failure_is_retried_up_to_the_limit_then_the_summary_is_kept(site):
    site.route("/story", host=HOST, status=503, body=b"busy")
    article = polled(site)
    outcomes = []
    for _ in range(3):  # what the task does: fetch again while the result asks for a retry
        result = page_fetching.fetch_article_page(Article.objects.get(pk=article.pk))
        outcomes.append(result.retry)
    assert outcomes == [True, True, False]
    assert len(site.requests_to("/story")) == 3
    article.refresh_from_db()
    assert (article.status, article.extractor, article.page_attempts) == (
        Article.Status.FETCHED,
        "summary",
        3,
    )
    assert article.text == "The feed's summary only." and "HTTP 503" in article.error


def test_a_permanent_failure_keeps_the_summary_at_once(site):
    site.route("/story", host=HOST, status=404, body=b"gone")
    article = polled(site)
    result = page_fetching.fetch_article_page(article)
    assert not result.retry and len(site.requests_to("/story")) == 1
    article.refresh_from_db()
    assert (article.status, article.extractor) == (Article.Status.FETCHED, "summary")
    assert "HTTP 404" in article.error


def test_the_tasks_retry_delays_grow():
    delays = tasks.PAGE_RETRY_DELAYS
    assert all(later > earlier for earlier, later in zip(delays, delays[1:], strict=False))
