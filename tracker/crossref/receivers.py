"""Where crossref hears from sources: the one upward hand-off, `articles_stored(article_ids)`.

Exactly those articles are analysed, in batches of TRACKER_NLP_BATCH_SIZE on the `nlp` queue; the
signal comes after commit, so a worker never reads before the write. Workers, `poll_feeds --sync` and
`loadsample` take this one path (the commands run Celery eagerly, so the chain runs in their process).
What a dead worker left is found again by the status sweep (tasks.sweep_pending, from beat).
"""

from django.dispatch import receiver

from tracker.crossref import tasks
from tracker.sources.signals import articles_stored


@receiver(articles_stored, dispatch_uid="crossref-analyse-stored")
def analyse_stored(sender, article_ids: list[int], **kwargs) -> None:
    tasks.enqueue_analysis(article_ids)
