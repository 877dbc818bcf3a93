"""Fetch each feed once and say what answered: `manage.py check_feeds [FILE.opml ...] [--registered]`.

For a deployer, where the internet is reachable: before (or after) `make run LIVE=1`, check that the
shipped lists (`feeds/*.opml`, the default) or the feeds in the database (`--registered`) still answer
with a feed. Every request goes through the guarded client (`fetching.fetch`), as the workers' do;
nothing is stored. One line per feed: status, HTTP code, format (RSS, Atom or other), entries, URL.
Exits with status 1 when any feed is not `ok`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tracker.sources import fetching
from tracker.sources.guard import FetchError
from tracker.sources.ingestion import FEED_ACCEPT
from tracker.sources.models import Feed
from tracker.sources.opml import OPMLError, parse_opml
from tracker.sources.parsing import parse_feed

STATUS_OK = "ok"


@dataclass(frozen=True)
class FeedCheck:
    url: str
    status: str  # "ok", "empty", "not a feed", "http error", or the fetch failure's kind
    http_status: int | None
    format: str  # "RSS", "Atom" or "other" ("-" when nothing came back)
    entries: int
    detail: str = ""


def feed_format(version: str) -> str:
    """feedparser's version string ("rss20", "rss10", "atom10", ...) as RSS, Atom or other."""
    if version.startswith("atom"):
        return "Atom"
    if version.startswith("rss"):
        return "RSS"
    return "other"


def check_feed(url: str, *, fetcher: Callable[..., fetching.FetchResponse] = fetching.fetch) -> FeedCheck:
    """Fetch `url` once (unconditionally) and read what came back; never raises for a bad feed."""
    try:
        response = fetcher(url, accept=FEED_ACCEPT)
    except FetchError as exc:
        return FeedCheck(url, exc.kind, None, "-", 0, str(exc))
    if not 200 <= response.status < 300:
        return FeedCheck(url, "http error", response.status, "-", 0)
    parsed = parse_feed(response.content, headers=response.headers, base_url=response.url)
    if not parsed.is_feed:
        return FeedCheck(url, "not a feed", response.status, "other", 0, parsed.problem)
    status = STATUS_OK if parsed.entries else "empty"
    return FeedCheck(
        url, status, response.status, feed_format(parsed.version), len(parsed.entries), parsed.problem
    )


def default_files() -> list[Path]:
    return sorted((Path(settings.BASE_DIR) / "feeds").glob("*.opml"))


def urls_from_files(files: Iterable[Path]) -> list[str]:
    """Every feed URL of the OPML files, each once, in file order."""
    urls: dict[str, None] = {}
    for path in files:
        try:
            subscriptions = parse_opml(path.read_bytes())
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from exc
        except OPMLError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        urls.update((sub.xml_url, None) for sub in subscriptions)
    return list(urls)


def format_line(check: FeedCheck) -> str:
    code = str(check.http_status) if check.http_status is not None else "-"
    line = f"{check.status:<12} {code:>4} {check.format:<5} {check.entries:>5}  {check.url}"
    return f"{line}  ({check.detail})" if check.detail and check.status != STATUS_OK else line


class Command(BaseCommand):
    help = "Fetch each feed of the shipped OPML files (or of the database) once and report what answered."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="*", type=Path, help="OPML files (default: feeds/*.opml)")
        parser.add_argument(
            "--registered", action="store_true", help="check the feeds in the database instead of files"
        )

    def handle(self, *args, **options) -> None:
        if options["registered"]:
            urls = list(Feed.objects.order_by("id").values_list("url", flat=True))
        else:
            urls = urls_from_files(options["files"] or default_files())
        if not urls:
            raise CommandError("no feeds to check")
        self.stdout.write(f"{'status':<12} {'http':>4} {'fmt':<5} {'items':>5}  url")
        failed = 0
        for url in urls:
            check = check_feed(url)
            failed += check.status != STATUS_OK
            self.stdout.write(format_line(check))
        self.stdout.write(f"{len(urls) - failed} of {len(urls)} feeds ok")
        if failed:
            raise CommandError(f"{failed} of {len(urls)} feeds did not answer with entries")
