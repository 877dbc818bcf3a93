"""Where the extraction hears that sources stored articles: the one upward hand-off.

Workers: article_ready asks for a sweep of pending articles on the nlp queue. In-process ingestion
(`poll_feeds --sync`, `loadsample`): articles_ingested runs extraction and cross-referencing here and
now, so the caller can read the result when it returns.
"""

from django.dispatch import receiver

from tracker.sources.signals import article_ready, articles_ingested


@receiver(article_ready, dispatch_uid="crossref-sweep-on-article-ready")
def sweep_when_ready(sender, article_id: int, **kwargs) -> None:
    from tracker.crossref import tasks

    tasks.request_sweep()


@receiver(articles_ingested, dispatch_uid="crossref-analyse-ingested")
def analyse_ingested(sender, article_ids: list[int], **kwargs) -> None:
    from tracker.crossref import analysis

    analysis.analyze_articles(article_ids)
