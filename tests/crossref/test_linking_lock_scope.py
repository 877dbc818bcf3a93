"""The story-wide steps of a batch (discrepancies, events) do not hold the linking lock (issue 17, goal
2): while another worker holds it (placing its batch), this worker's story steps run to the end, and
only its placing waits (PostgreSQL: advisory locks; SQLite serialises every writer anyway)."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from django.db import OperationalError, connection, connections, transaction

from tests.factories import ClaimFactory, EvidenceFactory
from tracker.crossref import linking
from tracker.crossref.models import Event, Story

from .test_linking_race import reports

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises every writer anyway"),
]


def test_the_story_steps_run_while_another_worker_holds_the_linking_lock():
    articles = reports()
    results = linking.link_articles(articles)
    story = Story.objects.get(pk=results[0].story_id)
    claim = ClaimFactory(story=story, text="Musk testified", date=date(2026, 4, 30), precision="day")
    EvidenceFactory(claim=claim, article=articles[0], sentence=articles[0].text[:40])  # an event to build
    held, done = threading.Event(), threading.Event()

    def other_worker() -> None:  # holds the linking lock until told to let go
        try:
            with transaction.atomic():
                linking.serialise_linking()
                held.set()
                done.wait(timeout=60)
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert held.wait(timeout=30)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '2s'")
        with pytest.raises(OperationalError):  # the placing waits for the lock (and gives up here)
            linking._place(articles, [a.pk for a in articles])
        linking._story_steps(articles, results, [], frozenset(a.pk for a in articles))  # the steps do not
        assert Event.objects.filter(stories=story, claims=claim).exists()
    finally:
        done.set()
        thread.join(timeout=60)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = 0")


def test_a_story_another_worker_settles_away_meanwhile_is_skipped_not_written():
    """Another worker's placing (which holds the linking lock, not the cases') deletes a story this batch's
    steps are about to write to: the steps wait for that to commit and skip the story, instead of writing
    rows that point at it and failing at commit (a foreign key to a deleted story)."""
    articles = reports()
    results = linking.link_articles(articles)
    story = Story.objects.get(pk=results[0].story_id)
    claim = ClaimFactory(story=story, text="Musk testified", date=date(2026, 4, 30), precision="day")
    EvidenceFactory(claim=claim, article=articles[0], sentence=articles[0].text[:40])  # an event to build
    deleted = threading.Event()

    def other_worker() -> None:  # settles the story away: deletes it, commits a moment later
        try:
            with transaction.atomic():
                Story.objects.filter(pk=story.pk).delete()
                deleted.set()
                time.sleep(1.0)  # this worker's steps have read the story by now, and wait on its row
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert deleted.wait(timeout=30)
        linking._story_steps(articles, results, [], frozenset(a.pk for a in articles))
    finally:
        thread.join(timeout=60)
    assert not Story.objects.filter(pk=story.pk).exists()
    assert not Event.objects.filter(stories__isnull=True, claims=claim).exists()
