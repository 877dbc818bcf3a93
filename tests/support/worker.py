"""A real Celery worker for integration tests: Redis broker, a thread pool in this process."""

from __future__ import annotations

import time
from contextlib import contextmanager

from celery.contrib.testing.worker import start_worker
from celery.worker import state

from tests.support.services import require_redis
from tracker import celery_app


def forget_connections() -> None:
    """Drop the connection and producer pools made for another broker (by tests that ran before)."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@contextmanager
def running_worker(*, queues: list[str], concurrency: int = 2):
    url = require_redis()
    keys = ("broker_url", "broker_transport_options", "task_always_eager")
    saved = {key: celery_app.conf.changes[key] for key in keys if key in celery_app.conf.changes}
    celery_app.conf.update(broker_url=url, broker_transport_options={}, task_always_eager=False)
    forget_connections()
    celery_app.control.purge()
    try:
        with start_worker(
            celery_app,
            pool="threads",
            concurrency=concurrency,
            perform_ping_check=False,
            queues=queues,
            shutdown_timeout=30,
        ):
            yield celery_app
            wait_idle()  # a task still running would hold its locks while the test's database is flushed
    finally:
        # Back to what was explicitly set before, and otherwise to the live Django settings (a plain
        # assignment would pin the values for every later test).
        for key in keys:
            celery_app.conf.changes.pop(key, None)
        celery_app.conf.update(saved)
        forget_connections()


def wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out waiting for the worker")


def wait_idle(timeout: float = 60.0) -> None:
    """Until this process's worker runs and holds no task (the test may end while a second delivery is
    still finishing its run)."""
    wait_for(lambda: not state.active_requests and not state.reserved_requests, timeout)
