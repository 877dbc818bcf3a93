"""Where crossref hears from sources: the one upward hand-off, `articles_stored(article_ids)`.

Exactly those articles are analysed, in batches of TRACKER_NLP_BATCH_SIZE on the `nlp` queue; the
signal comes after commit, so a worker never reads before the write. Workers, `poll_feeds --sync` and
`loadsample` take this one path (the commands run Celery eagerly, so the chain runs in their process).
What a dead worker left is found again by the status sweep (tasks.sweep_pending, from beat). In a bulk
run (`sources.signals.in_bulk`: those commands) the story-wide steps wait for its end (`deferred_steps`).
"""

from django.dispatch import receiver

from tracker.crossref import deferred_steps, tasks
from tracker.sources.signals import articles_stored, bulk_run


@receiver(articles_stored, dispatch_uid="crossref-analyse-stored")
def analyse_stored(sender, article_ids: list[int], **kwargs) -> None:
    tasks.enqueue_analysis(article_ids)


@receiver(bulk_run, dispatch_uid="crossref-defer-story-steps")
def defer_story_steps(sender, **kwargs):
    return deferred_steps.deferred()
