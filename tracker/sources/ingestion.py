"""The ingestion workflow: poll a feed, store its entries (the pages of summary-only entries are
fetched by `page_fetching`).

Every outbound request goes through `fetching.fetch` (or, for the bundled sample corpus, a function
with the same signature that reads files), so the same code path serves the workers, `poll_feeds
--sync` and `loadsample`. Problems are recorded on the feed and its FetchRun, never raised: a broken
feed backs off and is retried later; nothing it sent before is lost.
"""

from __future__ import annotations

import gzip
import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from tracker.sources import articles, page_fetching, scheduling, storing
from tracker.sources.fetching import fetch
from tracker.sources.guard import FetchError, RefusedURL
from tracker.sources.models import Article, Feed, FetchRun, content_retention_cutoff
from tracker.sources.page_fetching import Fetcher
from tracker.sources.parsing import parse_feed
from tracker.sources.signals import feed_kind_handlers, storing_batch

logger = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/atom+xml, application/rss+xml, application/rdf+xml, application/xml;q=0.9, */*;q=0.5"
)
# A poll whose feed answered and parsed; entries it could not store are on the run, not the feed's health.
SUCCESS = {
    FetchRun.Outcome.OK,
    FetchRun.Outcome.NOT_MODIFIED,
    FetchRun.Outcome.PARSE_WARNING,
    FetchRun.Outcome.ENTRY_ERRORS,
}
FEED_URL_MAX = Feed._meta.get_field("url").max_length
POLL_OWNED_FIELDS = [
    "etag", "last_modified", "poll_interval", "next_poll_at", "last_polled_at", "last_success_at",
    "last_new_entry_at", "last_status", "last_outcome", "error_count", "last_error",
]  # fmt: skip
ENQUEUE_LEASE = timedelta(minutes=10)  # a feed handed to a worker is not handed out again meanwhile


@dataclass
class PollResult:
    run: FetchRun
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    pages_needed: list[int] = field(default_factory=list)
    handled: bool = False  # stored by a feed-kind handler: created/updated are its rows, not Articles
    notes: list[str] = field(default_factory=list)  # what else the run's error should say


# --- feeds ------------------------------------------------------------------------------------


def poll_feed(feed: Feed, *, fetcher: Fetcher = fetch) -> PollResult:
    """Fetch a feed (conditionally), store what is new, and schedule the next poll."""
    run = FetchRun(feed=feed, started_at=timezone.now())
    started = time.monotonic()
    try:
        response = fetcher(feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT)
    except FetchError as exc:
        outcome = FetchRun.Outcome.REFUSED if isinstance(exc, RefusedURL) else FetchRun.Outcome.FETCH_ERROR
        return _finish(feed, PollResult(run), started, outcome=outcome, error=str(exc))

    run.http_status, run.final_url = response.status, response.url[:1000]
    run.bytes_received, run.content_type = (
        len(response.content),
        response.headers.get("content-type", "")[:200],
    )
    result = PollResult(run)
    if response.permanent_url and response.permanent_url != feed.url:
        result.notes.append(_move(feed, response.permanent_url))
    if response.status == 304:
        return _finish(feed, result, started, outcome=FetchRun.Outcome.NOT_MODIFIED)
    if response.status == 410:
        return _finish(
            feed, result, started, outcome=FetchRun.Outcome.GONE, error="HTTP 410: the feed is gone"
        )
    if not 200 <= response.status < 300:
        error = f"HTTP {response.status}"
        return _finish(
            feed, result, started, outcome=FetchRun.Outcome.HTTP_ERROR, error=error,
            retry_after=response.retry_after_seconds,
        )  # fmt: skip

    run.content_gz = gzip.compress(response.content)
    feed.etag = response.headers.get("etag", "")[:500]
    feed.last_modified = response.headers.get("last-modified", "")[:100]
    try:
        return _store_parsed(
            feed, result, started, response.content, headers=response.headers, base_url=response.url
        )
    except Exception as exc:  # noqa: BLE001 - whatever happens, the poll is recorded, never silent
        logger.exception("feed %s: the poll could not be stored", feed.pk)
        error = f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:2000]
        return _finish(feed, result, started, outcome=FetchRun.Outcome.STORE_ERROR, error=error)


def ingest_feed(feed: Feed, *, fetcher: Fetcher = fetch) -> PollResult:
    """Poll a feed and fetch the pages it needs, all in this process (scripts, tests, the sample).
    The articles it stored go on as one batch (signals.articles_stored), after commit, the way the
    workers' do; with eager Celery (`poll_feeds --sync`) the rest of the chain runs here too."""
    with storing_batch():
        result = poll_feed(feed, fetcher=fetcher)
        if not result.pages_needed:  # a full-text feed's poll: no page, no context (the vocabularies' reads)
            return result
        context = articles.context_for()
        for article in Article.objects.filter(pk__in=result.pages_needed).select_related("outlet"):
            page_fetching.fetch_article_page(article, fetcher=fetcher, context=context)
    return result


def reparse_run(run: FetchRun) -> PollResult:
    """Store the entries of a poll's kept raw bytes again, without fetching (after a parser fix)."""
    if run.content is None:
        raise ValueError(f"fetch run {run.pk} has no stored content (pruned or not modified)")
    fresh = FetchRun(feed=run.feed, started_at=timezone.now(), http_status=run.http_status)
    return _store_parsed(
        run.feed, PollResult(fresh), time.monotonic(), run.content, headers={}, base_url=run.final_url
    )


def _store_parsed(feed, result, started, content: bytes, *, headers, base_url) -> PollResult:
    if feed.kind != Feed.Kind.NEWS:
        return _store_handled(feed, result, started, content)
    budget = settings.TRACKER_FEED_PARSE_SECONDS
    parsed = parse_feed(content, headers=headers, base_url=base_url, budget_seconds=budget)
    if not parsed.is_feed:
        error = parsed.problem or "not a feed"
        return _finish(feed, result, started, outcome=FetchRun.Outcome.PARSE_ERROR, error=error)
    _name_if_unnamed(feed, parsed.title)
    result.run.entries_seen = len(parsed.entries)
    stored = storing.store_entries(feed=feed, entries=parsed.entries, context=articles.context_for(feed))
    result.created, result.updated, result.pages_needed = stored.created, stored.updated, stored.pages_needed
    result.run.entries_new, result.run.entries_updated = len(result.created), len(result.updated)
    result.run.entries_failed, result.run.failures = stored.failed, stored.failures
    outcome = FetchRun.Outcome.PARSE_WARNING if parsed.problem else FetchRun.Outcome.OK
    outcome = FetchRun.Outcome.ENTRY_ERRORS if stored.failed else outcome
    return _finish(
        feed,
        result,
        started,
        outcome=outcome,
        error="; ".join(filter(None, [stored.problem, parsed.problem])),
    )


def _store_handled(feed, result, started, content: bytes) -> PollResult:
    """A feed of another kind (a court's docket): its app's registered handler stores it; never Articles."""
    handler = feed_kind_handlers.get(feed.kind)
    if handler is None:
        error = f"no handler registered for {feed.kind} feeds"
        return _finish(feed, result, started, outcome=FetchRun.Outcome.PARSE_ERROR, error=error)
    handled = handler(feed, content, result.run)
    if not handled.is_feed:
        error = handled.problem or "not a feed"
        return _finish(feed, result, started, outcome=FetchRun.Outcome.PARSE_ERROR, error=error)
    _name_if_unnamed(feed, handled.title)
    result.handled, result.created, result.updated = True, handled.created, handled.updated
    result.run.entries_seen = handled.seen
    result.run.entries_new, result.run.entries_updated = len(handled.created), len(handled.updated)
    outcome = FetchRun.Outcome.PARSE_WARNING if handled.problem else FetchRun.Outcome.OK
    return _finish(feed, result, started, outcome=outcome, error=handled.problem)


def _move(feed: Feed, new_url: str) -> str:
    """A permanent redirect: store the new address, unless another feed already has it or it is too
    long to store; "" or what was not done."""
    if len(new_url) > FEED_URL_MAX:
        return f"permanent redirect to a URL over {FEED_URL_MAX} characters not followed"
    try:
        with transaction.atomic():
            Feed.objects.filter(pk=feed.pk).update(url=new_url)
        feed.url = new_url
    except IntegrityError:
        pass
    return ""


def _finish(feed, result: PollResult, started: float, *, outcome, error: str = "", retry_after=None):
    run, now, status_before = result.run, timezone.now(), feed.status
    error = "; ".join(filter(None, [error, *result.notes]))
    run.outcome, run.error = outcome, error
    run.duration_ms = int((time.monotonic() - started) * 1000)
    run.save()
    bounds = scheduling.Bounds.from_settings()
    feed.last_polled_at, feed.last_status, feed.last_outcome = now, run.http_status, outcome
    if outcome in SUCCESS:
        feed.status, feed.error_count, feed.last_success_at = Feed.Status.OK, 0, now
        if outcome != FetchRun.Outcome.NOT_MODIFIED or result.created:
            feed.poll_interval = scheduling.adapted_interval(
                feed.poll_interval, new_entries=len(result.created), bounds=bounds
            )
        if result.created:
            feed.last_new_entry_at = now
        feed.last_error = error
        feed.next_poll_at = now + timedelta(seconds=feed.poll_interval)
    elif outcome == FetchRun.Outcome.GONE:
        feed.status, feed.last_error = Feed.Status.GONE, error
    else:
        feed.error_count += 1
        feed.last_error = error
        paused = feed.error_count >= settings.TRACKER_PAUSE_AFTER_ERRORS
        feed.status = Feed.Status.PAUSED if paused else Feed.Status.FAILING
        delay = scheduling.backoff_delay(
            feed.poll_interval, errors=feed.error_count, bounds=bounds, retry_after=retry_after
        )
        feed.next_poll_at = now + timedelta(seconds=delay)
    # Only what the poll owns: a curator's pause, rename, outlet or cases made meanwhile survive, and the
    # status moves only if nobody else moved it since the poll began.
    feed.save(update_fields=POLL_OWNED_FIELDS)
    Feed.objects.filter(pk=feed.pk, status=status_before).update(status=feed.status)
    return result


def _name_if_unnamed(feed: Feed, title: str) -> None:
    """The feed's own title names a feed nobody named (never over a curator's name)."""
    if title and not feed.title and Feed.objects.filter(pk=feed.pk, title="").update(title=title[:300]):
        feed.title = title[:300]


def claim_due_feeds(now=None) -> list[int]:
    """The ids of feeds due for a poll, leased so the next scheduler tick does not hand them out again."""
    now = now or timezone.now()
    ids = list(Feed.objects.due(now).order_by("next_poll_at").values_list("id", flat=True)[:500])
    Feed.objects.filter(id__in=ids).update(next_poll_at=now + ENQUEUE_LEASE)
    return ids


def prune_fetch_content() -> int:
    """Drop the raw bytes of polls older than the retention period; the runs themselves stay."""
    return FetchRun.objects.filter(
        started_at__lt=content_retention_cutoff(), content_gz__isnull=False
    ).update(content_gz=None)
