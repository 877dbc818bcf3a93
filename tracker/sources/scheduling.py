"""When a feed is polled next: adaptive intervals on success, exponential backoff with jitter on error.

Pure functions of the feed's numbers and the settings' bounds, so the rules can be tested without
a clock or a database.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.conf import settings

QUIET_STRETCH = 1.25  # a poll that brought nothing new lengthens the interval by this factor
BUSY_SHRINK = 0.5  # a poll that brought new items shortens it by this factor
JITTER = 0.2  # +-20 % on backoff delays so failing feeds do not retry in lockstep


@dataclass(frozen=True)
class Bounds:
    minimum: int
    maximum: int
    error_cap: int

    @classmethod
    def from_settings(cls) -> Bounds:
        return cls(
            minimum=settings.TRACKER_POLL_MIN_SECONDS,
            maximum=settings.TRACKER_POLL_IDLE_MAX_SECONDS,
            error_cap=settings.TRACKER_POLL_MAX_SECONDS,
        )


def adapted_interval(current: int, *, new_entries: int, bounds: Bounds) -> int:
    """The next regular interval: shorter while a feed brings new items, longer while it is quiet."""
    factor = BUSY_SHRINK if new_entries else QUIET_STRETCH
    return int(min(bounds.maximum, max(bounds.minimum, current * factor)))


def backoff_delay(
    interval: int, *, errors: int, bounds: Bounds, retry_after: int | None = None, rng=random
) -> int:
    """Seconds until the next try after `errors` consecutive failures (errors >= 1), capped at a day.

    A server's Retry-After is honoured when it asks for more than the backoff would give.
    """
    base = interval * (2 ** max(0, errors - 1))
    delay = base * rng.uniform(1 - JITTER, 1 + JITTER)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return int(min(bounds.error_cap, max(bounds.minimum, delay)))
