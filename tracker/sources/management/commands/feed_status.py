"""A table of every feed's health: status, last outcome and HTTP code, errors, next poll, articles."""

from __future__ import annotations

from datetime import datetime

from django.core.management.base import BaseCommand
from django.db.models import Count
from django.utils import timezone

from tracker.sources.models import Feed
from tracker.sources.tables import format_table, truncate

HEADERS = ("id", "feed", "outlet", "status", "last outcome", "HTTP", "errors", "next poll", "articles")
FEED_WIDTH = 48


def relative(when: datetime, now: datetime) -> str:
    """'in 12 min', 'in 3 h', 'due now', '5 min overdue': coarse, for a person reading a table."""
    seconds = int((when - now).total_seconds())
    amount = abs(seconds)
    if amount < 60:
        return "due now" if seconds <= 0 else "in <1 min"
    if amount < 2 * 3600:
        span = f"{amount // 60} min"
    elif amount < 2 * 86400:
        span = f"{amount // 3600} h"
    else:
        span = f"{amount // 86400} d"
    return f"in {span}" if seconds > 0 else f"{span} overdue"


def next_poll(feed: Feed, now: datetime) -> str:
    if not feed.active:
        return "inactive"
    if feed.status in (Feed.Status.PAUSED, Feed.Status.GONE):
        return feed.status
    return relative(feed.next_poll_at, now)


def status_rows(now: datetime | None = None) -> list[tuple[str, ...]]:
    """One row per feed, from a single query."""
    now = now or timezone.now()
    feeds = Feed.objects.select_related("outlet").annotate(
        article_count=Count("items__article", distinct=True)
    )
    return [
        (
            str(feed.pk),
            truncate(feed.title or feed.url, FEED_WIDTH),
            truncate(feed.outlet.name, 24) if feed.outlet else "-",
            feed.status,
            feed.last_outcome or "-",
            str(feed.last_status or "-"),
            str(feed.error_count),
            next_poll(feed, now),
            str(feed.article_count),
        )
        for feed in feeds.order_by("id")
    ]


class Command(BaseCommand):
    help = "Show every feed's health as a table."

    def handle(self, *args, **options) -> None:
        rows = status_rows()
        if not rows:
            self.stdout.write("no feeds yet (add one with add_feed or import_opml)")
            return
        for text in format_table(HEADERS, rows):
            self.stdout.write(text)
