"""Recovery from what a dead worker leaves behind, for brokers that lose in-flight tasks.

With the default filesystem broker a task is gone once a worker has taken it: a worker killed
mid-task leaves its article in the status the task was meant to move it from. Every status a task
moves an article out of has a sweep here (beat runs them):

- `new`: the page was never fetched (`fetch_page` lost); the sweep enqueues the page fetch again;
- `fetched`: the text is stored but the analysis never finished (`analyze_batch` lost); crossref's
  sweep enqueues the analysis again.

A row is stale only when nothing has touched it for a grace period longer than a live task can hold
it (a page's last retry waits 30 minutes, held by the worker as an ETA task). Claiming a row touches
its `updated_at` with a conditional update, so a second sweep, or two sweeps at once, enqueue it once;
if that task is lost too, the row is stale again after another grace period. The tasks it enqueues
are idempotent, so an article re-enqueued while a slow worker still holds it ends the same.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from tracker.sources.models import Article

PAGE_GRACE = timedelta(hours=1)  # longer than the last page retry's countdown (30 minutes)
ANALYSIS_GRACE = timedelta(minutes=30)  # a batch takes seconds; this leaves room for a queue backlog
SWEEP_LIMIT = 500  # rows claimed per sweep: bounded work, the rest waits for the next sweep


def claim_stale(
    status: str, *, grace: timedelta, now: datetime | None = None, limit: int = SWEEP_LIMIT
) -> list[int]:
    """The ids of articles left in `status` for longer than `grace`, oldest first, each claimed
    (touched) so that the next sweep leaves it alone for another grace period."""
    now = now or timezone.now()
    cutoff = now - grace
    stale = Article.objects.filter(status=status, updated_at__lt=cutoff)
    candidates = list(stale.order_by("updated_at", "pk").values_list("pk", flat=True)[:limit])
    # One conditional update per row: a row another sweep claimed meanwhile is not stale any more.
    return [pk for pk in candidates if stale.filter(pk=pk).update(updated_at=now)]


def claim_unfetched_pages(*, now: datetime | None = None, limit: int = SWEEP_LIMIT) -> list[int]:
    """Articles whose page was never fetched (status new: a summary-only entry with a page to fetch)."""
    return claim_stale(Article.Status.NEW, grace=PAGE_GRACE, now=now, limit=limit)


def claim_unanalysed(*, now: datetime | None = None, limit: int = SWEEP_LIMIT) -> list[int]:
    """Articles whose text is stored but whose analysis never finished (status fetched)."""
    return claim_stale(Article.Status.FETCHED, grace=ANALYSIS_GRACE, now=now, limit=limit)
