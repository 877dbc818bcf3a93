"""Celery tasks of the extraction, on the `nlp` queue: one process per core, the model loaded once
per process (the pipeline is cached by `tracker.nlp.pipeline.get_pipeline`, never built in a task)."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.cache import cache

from tracker.crossref import analysis

SWEEP_DEBOUNCE_SECONDS = 5  # many articles stored at once ask for one sweep, not one each


def request_sweep() -> None:
    """Enqueue a sweep after the current transaction commits, at most one per few seconds."""
    if cache.add("crossref:sweep-requested", 1, timeout=SWEEP_DEBOUNCE_SECONDS):
        sweep_pending.apply_async(
            countdown=SWEEP_DEBOUNCE_SECONDS if not settings.CELERY_TASK_ALWAYS_EAGER else 0
        )


@shared_task(name="tracker.crossref.tasks.sweep_pending", queue="nlp")
def sweep_pending() -> int:
    """Enqueue every pending article in batches of TRACKER_NLP_BATCH_SIZE."""
    ids = analysis.pending_article_ids()
    size = settings.TRACKER_NLP_BATCH_SIZE
    for i in range(0, len(ids), size):
        analyze_batch.delay(ids[i : i + size])
    return len(ids)


@shared_task(name="tracker.crossref.tasks.analyze_batch", queue="nlp", acks_late=True, max_retries=3)
def analyze_batch(article_ids: list[int]) -> dict:
    result = analysis.analyze_articles(article_ids)
    return {"analyzed": len(result.analyzed), "claims": result.claims}
