"""The one hand-off from sources upward: `articles_stored(article_ids)`, once per batch, after commit.

A batch is what one call stores: the entries of one poll (`poll_feed`), one feed with its pages
(`ingest_feed`), the whole sample (`load_sample`), or one page (`fetch_article_page`, a batch of one).
Each article whose text is stored (or changed) joins the open batch when its own transaction commits
(an article whose savepoint rolls back never joins); the batch is sent once, when the block ends and
the transaction around it, if any, commits. Receivers (the extraction, in crossref) get exactly those
ids; the article status column stays the recovery sweep for what a dead worker left.
"""

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import transaction
from django.dispatch import Signal

articles_stored = Signal()  # sender=None, article_ids=list[int] (sorted, never empty)
bulk_run = Signal()  # sender=None; a receiver may answer with a context manager to hold the run in

_open_batch: ContextVar[set[int] | None] = ContextVar("articles_stored_batch", default=None)


def _send(ids) -> None:
    if ids:
        articles_stored.send(sender=None, article_ids=sorted(ids))


@contextmanager
def storing_batch() -> Iterator[None]:
    """Collect the articles stored inside the block and send `articles_stored` once for them, after
    commit. A block inside an open one joins it, so the outermost caller decides the batch."""
    if _open_batch.get() is not None:
        yield
        return
    ids: set[int] = set()
    token = _open_batch.set(ids)
    try:
        yield
    finally:
        _open_batch.reset(token)
        # Registered last, so it runs after the commit callbacks that add this batch's ids.
        transaction.on_commit(lambda: _send(ids))


@contextmanager
def in_bulk() -> Iterator[None]:
    """A bulk run (`poll_feeds --sync`, `loadsample`): its batches go on in this process one after the
    other, and only the run's end is read. Each `bulk_run` receiver's answer (a context manager) holds
    the whole run, so an app above may leave per-batch work to the end (crossref: the story-wide steps,
    `deferred_steps`). The workers' batches are never in one."""
    with ExitStack() as stack:
        for _, held in bulk_run.send(sender=None):
            if held is not None:
                stack.enter_context(held)
        yield


def article_stored(article_id: int) -> None:
    """Note that an article's text is stored: it joins the open batch once its transaction commits,
    or, outside a batch, is sent on its own after commit."""
    batch = _open_batch.get()
    if batch is None:
        transaction.on_commit(lambda: _send([article_id]))
    else:
        transaction.on_commit(lambda: batch.add(article_id))


# --- feeds of other kinds than news -------------------------------------------------------------
# A feed whose kind is not news (a court's docket) is polled like any other (guarded fetch,
# conditional GET, backoff, FetchRun), but its bytes are stored by the app that owns that kind, which
# registers a handler from its AppConfig.ready(): sources never imports that app. Such a feed never
# creates Articles; with no handler registered it is recorded as a parse error.


@dataclass
class HandledFeed:
    """What a feed-kind handler stored: `created`/`updated` are ids of its own rows (not Articles)."""

    is_feed: bool
    title: str = ""
    seen: int = 0
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    problem: str = ""


FeedHandler = Callable[..., HandledFeed]  # handler(feed, content: bytes, run: FetchRun) -> HandledFeed
feed_kind_handlers: dict[str, FeedHandler] = {}


def register_feed_handler(kind: str, handler: FeedHandler) -> None:
    feed_kind_handlers[kind] = handler
