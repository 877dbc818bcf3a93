"""Fixed-window counters in their own table: counted atomically, the window fixed at its first event,
closed windows reopened at one, and pruned from beat a day after they close."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tracker.sources import limits, tasks
from tracker.sources.models import RateCounter

pytestmark = pytest.mark.django_db


def test_a_window_opens_at_the_first_event_and_later_events_do_not_extend_it():
    start = timezone.now()
    key = limits.counter_key("test", "203.0.113.7")
    with time_machine.travel(start, tick=False):
        assert [limits.count_hit(key, window=600) for _ in range(3)] == [1, 2, 3]
    with time_machine.travel(start + timedelta(minutes=9), tick=False):
        assert limits.count_hit(key, window=600) == 4
        assert limits.current_count(key) == 4
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        assert limits.current_count(key) == 0
        assert limits.count_hit(key, window=600) == 1


def test_closed_counters_are_pruned_by_the_beat_task():
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        limits.count_hit(limits.counter_key("test", "old"), window=60)
    with time_machine.travel(start + timedelta(days=2), tick=False):
        limits.count_hit(limits.counter_key("test", "new"), window=60)
        tasks.prune_fetch_content()
    assert list(RateCounter.objects.values_list("key", flat=True)) == [limits.counter_key("test", "new")]
