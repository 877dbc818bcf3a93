"""The story-wide steps of a batch (discrepancies, events) do not hold the linking lock (issue 17, goal
2): while another worker holds it (placing its batch), this worker's story steps run to the end, and
only its placing waits; and a story the other worker settles away meanwhile is skipped, not written to
(PostgreSQL: advisory and row locks; SQLite serialises every writer anyway)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from django.db import OperationalError, connection, connections, transaction

from tests.factories import ClaimFactory, EvidenceFactory
from tracker.crossref import linking, locks
from tracker.crossref.models import Event, Story

from .test_linking_race import reports

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises every writer anyway"),
]


@contextmanager
def another_worker(step: Callable[[], object], *, then: Callable[[], object]) -> Iterator[None]:
    """In another thread (its own connection), one transaction: `step`, then `then` before it commits;
    the block runs once `step` is done."""
    ready = threading.Event()

    def work() -> None:
        try:
            with transaction.atomic():
                step()
                ready.set()
                then()
        finally:
            connections.close_all()

    thread = threading.Thread(target=work)
    thread.start()
    try:
        assert ready.wait(timeout=30)
        yield
    finally:
        thread.join(timeout=60)


def linked_story_with_an_event_to_build():
    articles = reports()
    results = linking.link_articles(articles)
    story = Story.objects.get(pk=results[0].story_id)
    claim = ClaimFactory(story=story, text="Musk testified", date=date(2026, 4, 30), precision="day")
    EvidenceFactory(claim=claim, article=articles[0], sentence=articles[0].text[:40])
    return articles, results, story, claim


def test_the_story_steps_run_while_another_worker_holds_the_linking_lock():
    articles, results, story, claim = linked_story_with_an_event_to_build()
    done = threading.Event()
    with another_worker(locks.serialise_linking, then=lambda: done.wait(timeout=60)):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = '2s'")
            with pytest.raises(OperationalError):  # the placing waits for the lock (and gives up here)
                linking._place(articles, [a.pk for a in articles])
            linking._story_steps(articles, results, [], frozenset(a.pk for a in articles))  # the steps do not
            assert Event.objects.filter(stories=story, claims=claim).exists()
        finally:
            done.set()
            with connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = 0")


def test_a_story_another_worker_settles_away_meanwhile_is_skipped_not_written():
    """Another worker's placing (which holds the linking lock, not the cases') deletes a story this batch's
    steps are about to write to: the steps wait for that to commit and skip the story, instead of writing
    rows that point at it and failing at commit (a foreign key to a deleted story)."""
    articles, results, story, claim = linked_story_with_an_event_to_build()
    gone = Story.objects.filter(pk=story.pk)
    # it commits a second later: by then this worker's steps have read the story and wait on its row
    with another_worker(gone.delete, then=lambda: time.sleep(1.0)):
        linking._story_steps(articles, results, [], frozenset(a.pk for a in articles))
    assert not gone.exists()
    assert not Event.objects.filter(stories__isnull=True, claims=claim).exists()
