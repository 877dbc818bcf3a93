"""Celery tasks of the extraction, on the `nlp` queue: one process per core, the model loaded once
per process (the pipeline is cached by `tracker.nlp.pipeline.get_pipeline`, never built in a task)."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from tracker.crossref import analysis, reclustering
from tracker.sources import recovery


def enqueue_analysis(article_ids: list[int]) -> int:
    """Enqueue exactly these articles for analysis (`batches`); the number of batches. Called after
    commit (the articles_stored receiver), so a worker sees the stored text."""
    sizes = batches(article_ids, settings.TRACKER_NLP_BATCH_SIZE)
    for batch in sizes:
        analyze_batch.delay(batch)
    return len(sizes)


def batches(article_ids: list[int], size: int) -> list[list[int]]:
    """The articles in order, in as few batches as hold at most `size` each, their sizes differing by
    at most one: 25 at 24 go as 12 and 13 (two workers share them), not as 24 and a lone 1."""
    total = len(article_ids)
    count = -(-total // size)
    return [article_ids[i * total // count : (i + 1) * total // count] for i in range(count)]


@shared_task(name="tracker.crossref.tasks.sweep_pending", queue="nlp")
def sweep_pending() -> int:
    """The recovery sweep (beat): enqueue again every article whose text is stored but not analysed
    past the grace period, which only a lost hand-off or a dead worker leaves behind; each is claimed,
    so it is enqueued once per grace period, not at every sweep (`sources.recovery`)."""
    ids = recovery.claim_unanalysed()
    enqueue_analysis(ids)
    return len(ids)


# No retry counts on the two tasks below: neither calls retry. A worker that dies mid-task leaves its
# message on the queue (acks late, rejected on a lost worker: settings), and a batch that raised is
# enqueued again by the recovery sweep once its articles are stale (`sweep_pending`); the beat runs the
# re-clustering again within the hour. Both are idempotent, so a second run ends the same.
@shared_task(name="tracker.crossref.tasks.analyze_batch", queue="nlp", acks_late=True)
def analyze_batch(article_ids: list[int]) -> dict:
    result = analysis.analyze_articles(article_ids)
    return {"analyzed": len(result.analyzed), "claims": result.claims}


@shared_task(name="tracker.crossref.tasks.recluster_recent", queue="nlp", acks_late=True)
def recluster_recent() -> int:
    """The periodic re-clustering (beat): the articles of the last TRACKER_RECLUSTER_DAYS settled again,
    so stories an early decision split or merged are put right, and what it moved followed up as a batch
    follows up its settle (`reclustering`: claims, discrepancies, events); stories with a curator-locked
    event keep their articles. One transaction under the linking lock. The number of articles."""
    since = timezone.now() - timedelta(days=settings.TRACKER_RECLUSTER_DAYS)
    return reclustering.recluster(since=since).articles
