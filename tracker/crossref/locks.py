"""The locks of linking (`linking`, `reclustering`): the linking lock a placing holds, the per-case locks
of the story-wide steps, and running a transaction again when it lost a deadlock."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db import OperationalError, connection

LINKING_LOCK = 7_301_001  # the advisory lock's key: any constant no other code uses
STORY_LOCKS = 7_301_002  # the first key of the per-case locks of the story-wide steps
STORY_STEP_ATTEMPTS = 3  # a transaction that lost a deadlock is run again, up to this many times in all
T = TypeVar("T")


def again_on_deadlock(step: Callable[[], T]) -> T:
    """Run a transaction; run it again when it lost a deadlock with another worker's (placing updates
    claims' counts while another batch's story steps move claims to their events). Both are idempotent,
    and the loser's writes were rolled back. Not inside an outer transaction, which the loss ends."""
    for attempt in range(STORY_STEP_ATTEMPTS):
        try:
            return step()
        except OperationalError as error:
            if connection.in_atomic_block or attempt + 1 == STORY_STEP_ATTEMPTS or not _deadlock(error):
                raise
    raise AssertionError("unreachable")


def serialise_linking() -> None:
    """Hold the linking lock until the current transaction ends (`link_articles`, and the periodic
    re-clustering of `tasks.recluster_recent`)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LINKING_LOCK])


def serialise_cases(refs: Iterable[str]) -> None:
    """Hold the lock of each case (`events.case_ref`: a story without a case is its own) until the
    transaction ends: events are keyed by case, so two workers never build one case's events at once.
    Taken in order, so two batches do not wait for each other's."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for ref in sorted(refs):
                cursor.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [STORY_LOCKS, ref])


def _deadlock(error: OperationalError) -> bool:
    cause = error.__cause__
    return (getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)) == "40P01"
