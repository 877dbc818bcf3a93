"""The bundled sample corpus (tracker/sources/sample_data), loaded through the real ingestion pipeline.

The sample's outlets live under `.example` domains, which never resolve. `SampleFetcher` stands in for
`fetching.fetch` and answers from the files under `site/<domain>/` instead, like a small web server
(ETags and conditional requests included), so `load_sample` exercises exactly the code the workers run:
feed parsing, outlets, deduplication, page extraction, relevance. The feeds it creates are inactive,
so the scheduler never tries to reach the unreachable domains.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

from tracker.cases.models import Case
from tracker.sources import ingestion, page_fetching
from tracker.sources.articles import outlet_for
from tracker.sources.fetching import FetchResponse
from tracker.sources.guard import FetchError, RefusedURL
from tracker.sources.models import Article, Feed, Outlet
from tracker.sources.signals import storing_batch

CASE_SLUG = "musk-v-openai"
AGGREGATOR_FEED_URL = "https://aggregator.example/search/musk-openai-trial.xml"
AGGREGATOR_NAME = "Aggregator (news search)"
# The corpus lives beside this loader: manifest.json, site/<domain>/..., articles/ and gold.json.
SAMPLE_ROOT = Path(__file__).resolve().parent / "sample_data"


class SampleError(Exception):
    """The sample cannot be loaded (files or the seeded case missing); str() is one line."""


def default_root() -> Path:
    return SAMPLE_ROOT


def _content_type(path: Path, body: bytes) -> str:
    if path.suffix == ".html":
        return "text/html; charset=utf-8"
    if b"<feed" in body[:1000]:
        return "application/atom+xml; charset=utf-8"
    return "application/rss+xml; charset=utf-8"


@dataclass(frozen=True)
class SampleFetcher:
    """Serves `https://<domain>/<path>` from `<root>/site/<domain>/<path>` (`.html` added for article
    pages), with the signature of `fetching.fetch`. Unknown paths are a 404; nothing leaves the disk."""

    root: Path

    def __call__(
        self,
        url: str,
        *,
        etag: str = "",
        last_modified: str = "",
        accept: str = "*/*",
        max_bytes: int | None = None,
        robots: bool = False,
    ) -> FetchResponse:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise RefusedURL("bad_url", url, f"only http and https URLs are fetched, not {url[:60]!r}")
        found = self._file_for(parts.hostname, parts.path)
        if found is None:
            return FetchResponse(url, 404, {"content-type": "text/plain"}, b"not found", 0)
        body = found.read_bytes()
        cap = max_bytes or settings.TRACKER_FETCH_MAX_BYTES
        if len(body) > cap:
            raise FetchError("too_large", url, f"body larger than {cap} bytes")
        tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if etag == tag:
            return FetchResponse(url, 304, {"etag": tag}, b"", 0)
        headers = {"content-type": _content_type(found, body), "etag": tag, "content-length": str(len(body))}
        return FetchResponse(url, 200, headers, body, 0)

    def _file_for(self, host: str, path: str) -> Path | None:
        site = (self.root / "site" / host.lower()).resolve()
        relative = path.lstrip("/")
        if not relative or not site.is_dir():
            return None
        for candidate in (site / relative, site / f"{relative}.html"):
            resolved = candidate.resolve()
            if resolved.is_file() and site in resolved.parents:
                return resolved
        return None


@dataclass
class SampleSummary:
    feeds: list[Feed]
    feeds_created: int
    polls: list[tuple[Feed, ingestion.PollResult]]
    articles: list[Article] = field(default_factory=list)  # every article of the sample feeds
    articles_created: int = 0


def _manifest(root: Path) -> list[dict]:
    try:
        return json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SampleError(f"no readable sample manifest under {root}: {exc}") from exc


def ensure_sample_feeds(*, root: Path) -> tuple[list[Feed], int]:
    """The five outlet feeds and the aggregator's, inactive, on the Musk v. OpenAI case; created once.
    (feeds with the aggregator last, how many were created now). Only the aggregator's outlet is set up
    here: the outlets of the articles are named by the pipeline, from the feeds and pages themselves."""
    case = Case.objects.filter(slug=CASE_SLUG).first()
    if case is None:
        raise SampleError(f"the case {CASE_SLUG!r} is missing (run migrate: a data migration seeds it)")
    urls = ["https://" + record["feed"].removeprefix("site/") for record in _manifest(root)]
    feeds, created_count = [], 0
    with transaction.atomic():
        aggregator = outlet_for(AGGREGATOR_FEED_URL, name=AGGREGATOR_NAME)
        if aggregator.kind != Outlet.Kind.AGGREGATOR:
            aggregator.kind = Outlet.Kind.AGGREGATOR
            aggregator.save(update_fields=["kind"])
        for url in [*urls, AGGREGATOR_FEED_URL]:
            outlet = aggregator if url == AGGREGATOR_FEED_URL else None
            feed, created = Feed.objects.get_or_create(url=url, defaults={"active": False, "outlet": outlet})
            feed.cases.add(case)
            feeds.append(feed)
            created_count += created
    return feeds, created_count


def _attach_outlets(feeds: list[Feed]) -> None:
    """Give each outlet feed the outlet the pipeline found for its domain (for the admin and status)."""
    for feed in feeds:
        if feed.outlet_id is None:
            feed.outlet = outlet_for(feed.url)
            feed.save(update_fields=["outlet"])


def load_sample(*, root: Path | None = None, progress=iter) -> SampleSummary:
    """Create the sample feeds and ingest them from disk; a second run adds nothing.

    The articles it stores go on as one batch (signals.articles_stored) after commit, the way the
    workers' do; with eager Celery (`loadsample`) extraction and cross-referencing run in this process.

    `progress` wraps the iteration over feeds (the command passes a tqdm bar). Pages that an earlier,
    interrupted load left unfetched are fetched too, since an unchanged feed would not ask again.
    """
    root = root or default_root()
    fetcher = SampleFetcher(root)
    feeds, feeds_created = ensure_sample_feeds(root=root)
    with storing_batch():
        polls = [(feed, ingestion.ingest_feed(feed, fetcher=fetcher)) for feed in progress(feeds)]
        pending = Article.objects.filter(feed_items__feed__in=feeds, status=Article.Status.NEW).distinct()
        for article in pending:
            page_fetching.fetch_article_page(article, fetcher=fetcher)
        _attach_outlets(feeds)  # before the batch goes on: outlets count for corroboration
    articles = list(
        Article.objects.filter(feed_items__feed__in=feeds)
        .distinct()
        .select_related("outlet")
        .order_by("first_seen_at", "id")
    )
    return SampleSummary(
        feeds=feeds,
        feeds_created=feeds_created,
        polls=polls,
        articles=articles,
        articles_created=len({pk for _, result in polls for pk in result.created} & {a.pk for a in articles}),
    )
