"""Where the extraction hears that sources stored an article: the one upward hand-off."""

from django.dispatch import receiver

from tracker.sources.signals import article_ready


@receiver(article_ready, dispatch_uid="crossref-sweep-on-article-ready")
def sweep_when_ready(sender, article_id: int, **kwargs) -> None:
    from tracker.crossref import tasks

    tasks.request_sweep()
