"""Recovery sweeps (issue 15, item 6): with the filesystem broker a worker killed mid-task loses the
task, and its article stays where the task found it. Beat's sweeps pick such rows up once, and leave
alone rows that a live task may still hold (inside the grace period)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from celery import current_app
from django.utils import timezone

from tests.support.chain import eager_chain
from tests.support.feeds import long_text
from tracker.crossref import tasks as crossref_tasks
from tracker.sources import recovery
from tracker.sources import tasks as source_tasks
from tracker.sources.articles import outlet_for
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db

HOST = "outlet.example"
STATEMENT = "Elon Musk testified on Thursday that OpenAI had abandoned its founding mission."


def left_behind(path: str, status: str, *, age: timedelta) -> Article:
    """An article as a dead worker leaves it: in `status`, untouched for `age`."""
    url = f"http://{HOST}{path}"
    article = Article.objects.create(
        outlet=outlet_for(url),
        url=url,
        canonical_url=url,
        title=f"Left at {path}",
        summary=f"<p>{STATEMENT}</p>",
        text=STATEMENT if status == Article.Status.FETCHED else "",
        status=status,
    )
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - age)
    return article


@pytest.fixture
def pages(httpserver, allow_private, settings):
    settings.TRACKER_FETCH_RESOLVE = {HOST: f"127.0.0.1:{httpserver.port}"}
    body = "".join(f"<p>{p}</p>" for p in [STATEMENT, *long_text("recovered page", 300)])
    for path in ("/lost", "/in-flight"):
        httpserver.route(
            path,
            host=HOST,
            body=f"<html><head><title>Page</title></head><body><article>{body}</article></body></html>".encode(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
    return httpserver


def test_a_page_a_dead_worker_never_fetched_is_fetched_once_and_a_fresh_one_is_left_alone(pages):
    lost = left_behind("/lost", Article.Status.NEW, age=recovery.PAGE_GRACE + timedelta(minutes=1))
    in_flight = left_behind("/in-flight", Article.Status.NEW, age=recovery.PAGE_GRACE - timedelta(minutes=5))
    with eager_chain():
        swept = [source_tasks.sweep_unfetched_pages(), source_tasks.sweep_unfetched_pages()]
    assert swept == [1, 0]
    assert len(pages.requests_to("/lost")) == 1
    assert pages.requests_to("/in-flight") == []  # a retry's countdown may still hold it
    lost.refresh_from_db()
    in_flight.refresh_from_db()
    assert lost.status != Article.Status.NEW and STATEMENT in lost.text
    assert in_flight.status == Article.Status.NEW


def test_an_analysis_that_never_finished_runs_once_and_a_fresh_one_is_left_alone():
    lost = left_behind(
        "/analysis-lost", Article.Status.FETCHED, age=recovery.ANALYSIS_GRACE + timedelta(minutes=1)
    )
    queued = left_behind("/analysis-queued", Article.Status.FETCHED, age=timedelta(minutes=2))
    with eager_chain():
        swept = [crossref_tasks.sweep_pending(), crossref_tasks.sweep_pending()]
    assert swept == [1, 0]
    lost.refresh_from_db()
    queued.refresh_from_db()
    assert lost.status == Article.Status.ANALYZED
    assert queued.status == Article.Status.FETCHED  # its hand-off is still on the nlp queue


@pytest.mark.parametrize(
    ("status", "claim", "grace"),
    [
        (Article.Status.NEW, recovery.claim_unfetched_pages, recovery.PAGE_GRACE),
        (Article.Status.FETCHED, recovery.claim_unanalysed, recovery.ANALYSIS_GRACE),
    ],
)
def test_a_lost_row_is_claimed_once_per_grace_period(status, claim, grace):
    """The task a sweep enqueues may be lost too (no worker runs here): the next sweep does not enqueue
    it again at once, but once the row has been left another grace period."""
    lost = left_behind("/lost-twice", status, age=grace + timedelta(seconds=1))
    now = timezone.now()
    assert claim(now=now) == [lost.pk]
    assert claim(now=now + timedelta(seconds=1)) == []
    assert claim(now=now + grace - timedelta(seconds=1)) == []
    assert claim(now=now + grace + timedelta(seconds=1)) == [lost.pk]


def test_a_sweep_claims_a_bounded_number_oldest_first():
    rows = [
        left_behind(f"/old-{n}", Article.Status.NEW, age=recovery.PAGE_GRACE + timedelta(hours=10 - n))
        for n in range(5)
    ]
    now = timezone.now()
    assert recovery.claim_unfetched_pages(now=now, limit=2) == [rows[0].pk, rows[1].pk]
    assert recovery.claim_unfetched_pages(now=now, limit=10) == [r.pk for r in rows[2:]]


@pytest.mark.parametrize(
    ("name", "task"),
    [
        ("sweep-unfetched-pages", source_tasks.sweep_unfetched_pages),
        ("sweep-pending-articles", crossref_tasks.sweep_pending),
    ],
)
def test_beat_runs_each_sweep_and_keeps_it_in_the_database(settings, name, task):
    from django_celery_beat.models import PeriodicTask
    from django_celery_beat.schedulers import ModelEntry

    entry = settings.CELERY_BEAT_SCHEDULE[name]
    assert entry["task"] == task.name
    assert entry["schedule"] <= min(recovery.PAGE_GRACE, recovery.ANALYSIS_GRACE)
    ModelEntry.from_entry(name, app=current_app, **entry)  # what the DatabaseScheduler does at start
    assert PeriodicTask.objects.get(name=name).task == task.name
