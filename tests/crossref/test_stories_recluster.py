"""The periodic re-clustering (issue 16): on the beat, bounded to recent articles, curated stories kept."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from tests.factories import EventFactory
from tracker.crossref import clustering, tasks
from tracker.crossref.models import Story, StoryArticle

from .test_clustering import seeds  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_the_reclustering_runs_on_the_beat():
    entry = settings.CELERY_BEAT_SCHEDULE["recluster-recent-stories"]
    assert entry["task"] == tasks.recluster_recent.name
    assert timedelta(minutes=5) <= entry["schedule"] <= timedelta(days=1)


def story_of(article) -> int:
    return StoryArticle.objects.get(article=article).story_id


def test_recent_split_stories_merge_and_old_or_curated_ones_are_left(seeds):  # noqa: F811
    """Each seed alone in a story, as if linked one by one with nothing to compare to. Three of them
    stated within the reclustering's days, two long before; a curator locked an event of one recent one."""
    now = timezone.now()
    recent, old = seeds[:3], seeds[3:]
    for n, article in enumerate(seeds):
        ago = (
            timedelta(hours=n + 1)
            if article in recent
            else timedelta(days=settings.TRACKER_RECLUSTER_DAYS + 30)
        )
        article.published_at = article.first_seen_at = now - ago - timedelta(minutes=n)
        article.save(update_fields=["published_at", "first_seen_at"])
    Story.objects.all().delete()
    for article in seeds:
        clustering._create([article])
    curated = Story.objects.get(memberships__article=recent[2])
    EventFactory(locked=True).stories.add(curated)

    assert tasks.recluster_recent() == 3
    assert story_of(recent[0]) == story_of(recent[1])  # split by an early decision, put back together
    assert story_of(recent[2]) == curated.pk  # the curated story keeps its article
    assert story_of(old[0]) != story_of(old[1])  # older than the bound: not looked at
    assert Story.objects.count() == 4
