"""Stored articles reach the extraction through articles_stored and a real worker on the nlp queue."""

import pytest
from django.conf import settings

from tests.support.worker import running_worker, wait_for
from tracker.crossref.models import ClaimCandidate, Event, StoryArticle
from tracker.sources.models import Article
from tracker.sources.sample import load_sample

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_stored_articles_are_swept_and_analysed_by_the_nlp_worker():
    with running_worker(queues=["fetch", "nlp"], concurrency=1):
        load_sample(root=settings.BASE_DIR / "tracker" / "sources" / "sample_data")
        wait_for(lambda: Article.objects.filter(status=Article.Status.ANALYZED).count() == 5, timeout=120)
        # and cross-referenced, the end of the worker's task: leaving while it still writes would have
        # the teardown's TRUNCATE deadlock with it
        wait_for(lambda: StoryArticle.objects.count() == 5 and Event.objects.exists(), timeout=120)
    assert ClaimCandidate.objects.filter(speaker_entity__name="Elon Musk").count() >= 5
