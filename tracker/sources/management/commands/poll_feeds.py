"""Poll feeds now: hand the due ones (or the named ones) to the workers, or, with --sync, poll here.

`--sync` is for development and debugging: it polls every active feed (due or not), or the named
feeds even when inactive, fetches their article pages in this process and prints one line per feed.
A feed that fails is reported and recorded like any other poll; the command still exits 0.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test.utils import override_settings
from tqdm import tqdm

from tracker.sources import ingestion, signals, tasks
from tracker.sources.models import Feed


def feeds_by_id(ids: list[int]) -> list[Feed]:
    """The feeds with these ids, in the order given; CommandError naming the unknown ones."""
    found = {feed.pk: feed for feed in Feed.objects.filter(pk__in=ids)}
    missing = [str(i) for i in dict.fromkeys(ids) if i not in found]
    if missing:
        raise CommandError(f"unknown feed id: {', '.join(missing)}")
    return [found[i] for i in dict.fromkeys(ids)]


def describe(feed: Feed, result: ingestion.PollResult) -> str:
    """One line about one poll: id, outcome, counts, the feed, and the error if there was one."""
    run = result.run
    http = f" HTTP {run.http_status}" if run.http_status else ""
    line = (
        f"feed {feed.pk} {run.outcome}{http}: {len(result.created)} new, {len(result.updated)} updated"
        f" - {feed.title or feed.url}"
    )
    if run.error:
        line += f" - error: {run.error.splitlines()[0][:200]}"
    return line


class Command(BaseCommand):
    help = "Enqueue polls of the due feeds (or of --feed IDs); with --sync, poll in this process."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--sync", action="store_true", help="poll here instead of enqueuing")
        parser.add_argument("--feed", action="append", type=int, default=[], metavar="ID", help="repeatable")

    def handle(self, *args, **options) -> None:
        chosen = feeds_by_id(options["feed"]) if options["feed"] else None
        if not options["sync"]:
            ids = [feed.pk for feed in chosen] if chosen else ingestion.claim_due_feeds()
            for feed_id in ids:
                tasks.fetch_feed.delay(feed_id)
            self.stdout.write(f"queued {len(ids)} feeds")
            return
        feeds = chosen if chosen is not None else list(Feed.objects.filter(active=True).order_by("id"))
        failed = 0
        show = sys.stderr.isatty()
        polling = tqdm(feeds, desc="polling", unit="feed", disable=not show, file=sys.stderr, leave=False)
        with signals.in_bulk():  # the rest of the chain's per-run work at the end (crossref's story steps)
            for feed in polling:
                # Eager Celery: the workers' path (articles_stored -> analyze_batch), run in this process.
                with override_settings(CELERY_TASK_ALWAYS_EAGER=True):
                    result = ingestion.ingest_feed(feed)
                failed += result.run.outcome not in ingestion.SUCCESS
                with tqdm.external_write_mode(file=sys.stderr):
                    self.stdout.write(describe(feed, result))
        self.stdout.write(f"polled {len(feeds)} feeds, {failed} failed")
