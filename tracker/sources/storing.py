"""Storing what one poll brought, entry by entry, within bounds.

Each entry is stored in its own savepoint: one the database refuses (or that cannot be stored, such
as a link longer than a URL column) is that entry's failure, recorded on the poll's FetchRun with its
reason, and the entries after it are still stored. What is stored is bounded first: the feed's HTML
and a page's text are cut at `TRACKER_MAX_ARTICLE_CHARS` (the article is marked truncated), which
also bounds the search vector PostgreSQL builds from an article's title, summary and text.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, transaction

from tracker.sources import articles, publication
from tracker.sources.entries import Entry
from tracker.sources.models import ArticleFeed, Feed
from tracker.sources.pages import Page
from tracker.sources.sanitising import clean_html
from tracker.sources.signals import storing_batch

logger = logging.getLogger(__name__)

SUMMARY_SHARE = 5  # a summary is bounded at a fifth of the article's bound
FAILURES_LISTED = 20  # a run lists this many failed entries (and counts them all)
REASON_CHARS = 300
URL_MAX = articles.URL_MAX


@dataclass
class StoredEntries:
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    pages_needed: list[int] = field(default_factory=list)
    failed: int = 0
    failures: list[dict] = field(default_factory=list)  # {"entry": link or guid, "reason": ...}

    def fail(self, entry: Entry, reason: str) -> None:
        self.failed += 1
        if len(self.failures) < FAILURES_LISTED:
            self.failures.append({"entry": (entry.link or entry.guid)[:200], "reason": reason[:REASON_CHARS]})

    @property
    def problem(self) -> str:
        """One line for the run's and the feed's error: how many entries, and the first reason."""
        if not self.failed:
            return ""
        first = self.failures[0]["reason"]
        return f"{self.failed} {'entry' if self.failed == 1 else 'entries'} not stored (first: {first})"


def store_entries(*, feed: Feed, entries: Iterable[Entry], context: articles.Context) -> StoredEntries:
    """Store a poll's entries, each in its own savepoint; the articles stored go on as one batch."""
    limit = settings.TRACKER_MAX_ARTICLE_CHARS
    outcome = StoredEntries()
    entries = list(entries)
    context.unseen = unseen_guids(feed, entries)
    with storing_batch():  # one articles_stored for the poll's entries
        for entry in entries:
            try:
                with transaction.atomic():
                    stored = articles.store_entry(
                        feed=feed, entry=bounded_entry(entry, limit), context=context
                    )
            except (articles.Unstorable, DatabaseError) as exc:
                outcome.fail(entry, " ".join(str(exc).split()) or type(exc).__name__)
                continue
            except Exception as exc:  # noqa: BLE001 - a bug met by one entry must not lose the poll
                logger.exception("feed %s: entry %s could not be stored", feed.pk, entry.guid[:200])
                outcome.fail(entry, f"{type(exc).__name__}: {exc}")
                continue
            if stored is None:
                continue
            if stored.created:
                outcome.created.append(stored.article.pk)
            elif stored.updated:
                outcome.updated.append(stored.article.pk)
            if stored.needs_page:
                outcome.pages_needed.append(stored.article.pk)
        publication.flag_publications(feed, [*outcome.created, *outcome.updated])
    return outcome


def unseen_guids(feed: Feed, entries: list[Entry]) -> set[str]:
    """The entries' guids that the feed has not stored, in one query for the poll: a new entry then
    skips its own lookup (`articles.store_entry`)."""
    guids = {entry.guid for entry in entries}
    return guids - set(ArticleFeed.objects.filter(feed=feed, guid__in=guids).values_list("guid", flat=True))


def bounded_entry(entry: Entry, limit: int) -> Entry:
    """The entry with its content HTML cut at `limit` characters and its summary at a fifth of it
    (then sanitised again, which closes what the cut left open)."""
    changes = {}
    if len(entry.content_html) > limit:
        changes["content_html"] = clean_html(entry.content_html[:limit])
    if len(entry.summary_html) > limit // SUMMARY_SHARE:
        changes["summary_html"] = clean_html(entry.summary_html[: limit // SUMMARY_SHARE])
    return dataclasses.replace(entry, truncated=True, **changes) if changes else entry


def bounded_page(page: Page, limit: int) -> tuple[Page, str]:
    """The page with its text cut at `limit` characters (at a word break) and a canonical link too
    long to store dropped; and a note saying what was dropped, if anything."""
    changes: dict = {}
    note = ""
    if len(page.text) > limit:
        cut = page.text[:limit]
        changes.update(text=cut[: cut.rfind(" ")] if " " in cut[limit // 2 :] else cut, truncated=True)
    if len(page.canonical_url) > URL_MAX:
        changes["canonical_url"] = ""
        note = f"the page's canonical link is over {URL_MAX} characters: ignored"
    return (dataclasses.replace(page, **changes) if changes else page), note
