"""Periods: what a digest or an alert covers. A period's key is its Delivery's identity (unique per
subscriber), so running the beat twice sends nothing twice.

Digest periods end at TRACKER_DIGEST_HOUR in TRACKER_DIGEST_TIME_ZONE (weekly ones on
TRACKER_DIGEST_WEEKDAY) and cover the day (week) before, named by frequency and local end date. Alert
periods ("as it happens") end on a TRACKER_ALERT_BATCH_MINUTES boundary (UTC) and start where the
subscriber's last alert ended, named by their end ("alerts:20261204T0115"): at most one alert per
subscriber in each window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

ALERTS = "alerts"


@dataclass(frozen=True)
class Period:
    frequency: str
    start: datetime
    end: datetime

    @property
    def key(self) -> str:
        if self.frequency == ALERTS:
            return f"{ALERTS}:{self.end.astimezone(UTC):%Y%m%dT%H%M}"
        return f"{self.frequency}:{self.end.astimezone(_zone()).date().isoformat()}"


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TRACKER_DIGEST_TIME_ZONE)


def period_ending(frequency: str, end: datetime) -> Period:
    """The period of `frequency` that ends at `end` (a digest time), measured in local days."""
    local = end.astimezone(_zone())
    days = 7 if frequency == "weekly" else 1
    start = datetime.combine(local.date() - timedelta(days=days), local.timetz())
    return Period(frequency, start, local)


def latest_period(frequency: str, now: datetime | None = None) -> Period:
    """The most recent period of `frequency` that has ended by `now`."""
    local_now = (now or timezone.now()).astimezone(_zone())
    day = local_now.date()
    end = datetime.combine(day, time(settings.TRACKER_DIGEST_HOUR), tzinfo=_zone())
    if end > local_now:
        end -= timedelta(days=1)
        end = datetime.combine(end.date(), time(settings.TRACKER_DIGEST_HOUR), tzinfo=_zone())
    if frequency == "weekly":
        back = (end.weekday() - settings.TRACKER_DIGEST_WEEKDAY) % 7
        end = datetime.combine(
            end.date() - timedelta(days=back), time(settings.TRACKER_DIGEST_HOUR), tzinfo=_zone()
        )
    return period_ending(frequency, end)


def alert_window_end(now: datetime | None = None) -> datetime:
    """The latest TRACKER_ALERT_BATCH_MINUTES boundary (counted in UTC from midnight) at or before `now`:
    an alert covers what arrived before it, so what arrives after waits for the next window."""
    now = (now or timezone.now()).astimezone(UTC)
    minutes = max(int(settings.TRACKER_ALERT_BATCH_MINUTES), 1)
    since_midnight = now - now.replace(hour=0, minute=0, second=0, microsecond=0)
    return now - since_midnight % timedelta(minutes=minutes)
