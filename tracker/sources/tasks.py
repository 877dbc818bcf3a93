"""Celery tasks of the ingestion: thin wrappers that load ids and call `ingestion`.

Tasks are idempotent (constraints and get_or_create make a second run store nothing new), acked
late (a worker that dies leaves the task on the queue) and enqueued after the transaction commits.
"""

from __future__ import annotations

from celery import shared_task

from tracker.sources import ingestion, limits, page_fetching, recovery
from tracker.sources.models import Article, Feed

PAGE_RETRY_DELAYS = (60, 300, 1800)  # seconds before the 1st, 2nd, 3rd retry of a page


@shared_task(name="tracker.sources.tasks.fetch_feed", queue="fetch", acks_late=True)
def fetch_feed(feed_id: int) -> dict:
    feed = Feed.objects.filter(pk=feed_id).first()
    if feed is None:
        return {"feed": feed_id, "outcome": "missing"}
    result = ingestion.poll_feed(feed)
    for article_id in result.pages_needed:
        fetch_page.delay_on_commit(article_id)
    return {"feed": feed_id, "outcome": result.run.outcome, "new": len(result.created)}


@shared_task(name="tracker.sources.tasks.fetch_page", queue="fetch", bind=True, acks_late=True, max_retries=5)
def fetch_page(self, article_id: int) -> dict:
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return {"article": article_id, "outcome": "missing"}
    result = page_fetching.fetch_article_page(article)
    if result.retry:
        delay = PAGE_RETRY_DELAYS[min(self.request.retries, len(PAGE_RETRY_DELAYS) - 1)]
        raise self.retry(countdown=delay)
    return {"article": result.article_id, "stored": result.stored, "error": result.error}


@shared_task(name="tracker.sources.tasks.enqueue_due_feeds", queue="fetch")
def enqueue_due_feeds() -> int:
    ids = ingestion.claim_due_feeds()
    for feed_id in ids:
        fetch_feed.delay(feed_id)
    return len(ids)


@shared_task(name="tracker.sources.tasks.sweep_unfetched_pages", queue="fetch")
def sweep_unfetched_pages() -> int:
    """The recovery sweep (beat) for pages: enqueue again the page fetch of every article left `new`
    past the grace period, which only a lost task (a dead worker, the filesystem broker) leaves."""
    ids = recovery.claim_unfetched_pages()
    for article_id in ids:
        fetch_page.delay(article_id)
    return len(ids)


@shared_task(name="tracker.sources.tasks.prune_fetch_content", queue="fetch")
def prune_fetch_content() -> int:
    """Drop kept raw bytes past their retention, and rate-limit counters closed for a day."""
    limits.prune_counters()
    return ingestion.prune_fetch_content()
