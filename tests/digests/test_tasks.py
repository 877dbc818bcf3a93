"""The Celery tasks, run eagerly in this process: the beat's entry point and the batch task's retry."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from celery.exceptions import Retry
from django.utils import timezone

from tests.factories import SubscriberFactory
from tracker.celery import app
from tracker.digests import tasks
from tracker.digests.models import Delivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def eager(settings):
    """Through the Django setting, which Celery's conf reads live: assigning app.conf directly would
    pin the value for every later test."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    assert app.conf.task_always_eager


@pytest.fixture
def digest_time(settings):
    """The next full hour is the digest hour; the returned time is just after it."""
    zone = ZoneInfo(settings.TRACKER_DIGEST_TIME_ZONE)
    soon = (timezone.now().astimezone(zone) + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    settings.TRACKER_DIGEST_HOUR = soon.hour
    settings.TRACKER_DIGEST_BATCH_SIZE = 2
    return soon + timedelta(minutes=3)


def test_the_beat_task_sends_each_due_digest_once_in_batches(eager, smtp_server, musk_case, digest_time):
    for i in range(5):
        SubscriberFactory(email=f"r{i}@example.org", case=musk_case)
    with time_machine.travel(digest_time):
        assert tasks.send_due_digests.apply().get() == 3  # batches of two
        assert tasks.send_due_digests.apply().get() == 0  # the second run finds nothing due
    assert len(smtp_server.messages) == 5
    assert smtp_server.connections == 3
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}


def test_the_batch_task_retries_temporary_failures(eager, smtp_server, musk_case, digest_time):
    subscriber = SubscriberFactory(email="busy@example.org", case=musk_case)
    smtp_server.fail("busy@example.org", "421 4.7.0 Too busy", times=1)
    args = ([subscriber.pk], "daily", digest_time.replace(minute=0).isoformat())
    with time_machine.travel(digest_time), pytest.raises(Retry):  # called directly: Retry is raised
        tasks.send_digest_batch(*args)
    assert Delivery.objects.get().status == Delivery.Status.DEFERRED
    with time_machine.travel(digest_time + timedelta(minutes=5)):
        assert tasks.send_digest_batch.apply(args=args).get()["sent"] == 1
    assert len(smtp_server.to("busy@example.org")) == 1


def test_the_beat_entry_runs_at_the_local_digest_hour(settings):
    from django_celery_beat.models import CrontabSchedule

    entry = settings.CELERY_BEAT_SCHEDULE["send-due-digests"]
    assert entry["task"] == tasks.send_due_digests.name
    stored = CrontabSchedule.from_schedule(entry["schedule"])  # what django-celery-beat keeps
    assert str(stored.timezone) == settings.TRACKER_DIGEST_TIME_ZONE
    assert (str(stored.hour), str(stored.minute)) == (str(settings.TRACKER_DIGEST_HOUR), "0")
    assert settings.CELERY_TASK_ROUTES["tracker.digests.tasks.*"] == {"queue": "fetch"}
