"""Run the chain in the test's process the way `loadsample` and `poll_feeds --sync` do: Celery eager,
and the commit callbacks run. A test's transaction never commits, so without running them the
hand-offs (sources' articles_stored, crossref's events_changed) would never be sent; callbacks that
the callbacks register (extraction -> linking -> events_changed) run too."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.test import TestCase
from django.test.utils import override_settings


@contextmanager
def eager_chain() -> Iterator[None]:
    with override_settings(CELERY_TASK_ALWAYS_EAGER=True), TestCase.captureOnCommitCallbacks(execute=True):
        yield
