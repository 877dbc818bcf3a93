"""A real Celery worker (Redis broker) runs poll, page fetch and store end to end, without duplicates."""

import pytest

from tests.support.feeds import item, long_text, rss
from tests.support.worker import running_worker, wait_for
from tracker.sources import ingestion, tasks
from tracker.sources.models import Article, Feed, FetchRun

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def worker():
    """A worker thread pool of two, consuming the fetch queue from Redis."""
    with running_worker(queues=["fetch"]) as app:
        yield app


@pytest.fixture
def summary_feed(httpserver, allow_private, settings):
    """A feed of three summary-only entries whose pages the worker must fetch."""
    settings.TRACKER_FETCH_RESOLVE = {"outlet.example": f"127.0.0.1:{httpserver.port}"}
    entries = []
    for n in range(3):
        paragraphs = "".join(f"<p>{p}</p>" for p in long_text(f"worker story {n}", 300))
        httpserver.route(
            f"/story-{n}",
            host="outlet.example",
            body=f"<html><head><title>Story {n}</title></head><body><article>{paragraphs}</article></body></html>".encode(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        entries.append(item(f"Story {n}", f"http://outlet.example/story-{n}", description="A summary."))
    httpserver.route("/feed.xml", host="outlet.example", body=rss(*entries, title="Outlet"))
    return Feed.objects.create(url="http://outlet.example/feed.xml")


def test_worker_polls_fetches_pages_and_stores(worker, summary_feed):
    tasks.fetch_feed.delay(summary_feed.pk)
    wait_for(lambda: Article.objects.filter(status=Article.Status.FETCHED).count() == 3)
    article = Article.objects.get(canonical_url="http://outlet.example/story-1")
    assert long_text("worker story 1", 300)[1][:50] in article.text
    assert FetchRun.objects.get().entries_new == 3


def test_two_workers_polling_one_feed_at_once_store_no_duplicates(worker, summary_feed):
    tasks.fetch_feed.delay(summary_feed.pk)
    tasks.fetch_feed.delay(summary_feed.pk)
    wait_for(lambda: FetchRun.objects.count() == 2)
    wait_for(lambda: not Article.objects.filter(status=Article.Status.NEW).exists())
    assert Article.objects.count() == 3
    assert summary_feed.items.count() == 3
    assert sum(FetchRun.objects.values_list("entries_new", flat=True)) == 3


def test_a_task_that_died_after_storing_runs_again_without_duplicates(worker, summary_feed):
    ingestion.ingest_feed(summary_feed)  # the first run stored everything ...
    Feed.objects.filter(pk=summary_feed.pk).update(etag="", last_modified="")  # ... then died before this
    tasks.fetch_feed.delay(summary_feed.pk)
    wait_for(lambda: FetchRun.objects.count() == 2)
    assert Article.objects.count() == 3
    assert FetchRun.objects.order_by("-started_at").first().entries_new == 0
