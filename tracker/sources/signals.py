"""The one hand-off from sources upward: an article whose text is stored (or changed) is ready.

Receivers (the extraction, in crossref) get `article_id`. It is sent after the transaction that
stored the text commits, so a receiver that enqueues a task never races the write.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.dispatch import Signal

article_ready = Signal()  # sender=Article, article_id=int

# Sent by in-process ingestion (`poll_feeds --sync`, `loadsample`) with the ids of the articles it
# stored or changed, so the rest of the chain (extraction, cross-referencing) can run in the same
# process and a script can read the result at once. Workers use article_ready instead.
articles_ingested = Signal()  # sender=Feed, article_ids=list[int]


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
