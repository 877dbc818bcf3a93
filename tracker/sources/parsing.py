"""Feed bytes -> entries: feedparser over bytes already fetched, never the network, never the ORM.

`parse_feed` never raises: whatever it is given ends as a `ParsedFeed` with entries, as a recognised
feed with no items, or with `is_feed=False`; `problem` says in one line what was wrong, if anything.
Entity declarations are removed before feedparser sees the document (`sanitising.defuse_doctype`), so
no entity expands, no local file is read and nothing is fetched. Entry HTML is sanitised here with nh3
(feedparser's own sanitiser is off), so every `*_html` field is safe to store and to show. No string
of an Entry or a ParsedFeed holds a control character (they broke Atom feeds and reached terminals).
"""

from __future__ import annotations

import io
import re
import time
import xml.sax
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import feedparser

from tracker.sources.entries import Entry, http_url, parse_date, plain_text, read_entry
from tracker.sources.sanitising import defuse_doctype, wide_encoding, without_controls

__all__ = ["ATTACK_PROBLEM", "Entry", "ParsedFeed", "parse_date", "parse_feed"]

PROBLEM_MAX_CHARS = 300
PARSE_BUDGET_SECONDS = 30.0  # per feed document: past it the poll is an error, not a stalled worker
ATTACK_PROBLEM = "entity declarations removed (possible XML attack)"
NO_FEED_FOUND = "not a feed: no RSS, Atom or RDF document found"

_SPACES = re.compile(r"\s+")


class OverBudget(Exception):
    """Reading the feed took longer than its budget."""


@dataclass(frozen=True)
class ParsedFeed:
    """What a feed document held, and, in `problem`, a readable line about anything wrong with it."""

    title: str
    link: str
    version: str
    entries: tuple[Entry, ...]
    problem: str
    is_feed: bool


def parse_feed(
    content: bytes,
    *,
    headers: Mapping[str, str] | None = None,
    base_url: str = "",
    budget_seconds: float = PARSE_BUDGET_SECONDS,
) -> ParsedFeed:
    """Parse feed bytes. `headers` are the HTTP response headers (their charset wins over the document's);
    `base_url` is where the feed was fetched from, for relative links. Never raises. A feed whose
    entries are still being read after `budget_seconds` is not a feed (`problem` says so)."""
    try:
        deadline = time.monotonic() + budget_seconds
        return _parse(bytes(content or b""), headers or {}, base_url, deadline)
    except OverBudget as exc:
        return ParsedFeed("", "", "", (), _one_line(str(exc)), is_feed=False)
    except Exception as exc:  # noqa: BLE001 - any input must end as a readable problem, not a crash
        return ParsedFeed("", "", "", (), _one_line(f"parser failed: {_describe(exc)}"), is_feed=False)


def _parse(content: bytes, headers: Mapping[str, str], base_url: str, deadline: float) -> ParsedFeed:
    if not content.strip():
        return ParsedFeed("", "", "", (), "not a feed: empty document", is_feed=False)
    content, defused = defuse_doctype(content)
    response_headers = {str(key).lower(): str(value) for key, value in headers.items()}
    if base_url:
        response_headers.setdefault("content-location", base_url)
    result = feedparser.parse(
        io.BytesIO(content),  # a file object: feedparser opens str/bytes that look like a URL or a path
        response_headers=response_headers,
        resolve_relative_uris=True,
        sanitize_html=False,  # nh3 below is the one sanitiser
    )
    feed = result.get("feed") or {}
    version = result.get("version") or ""
    base = http_url(base_url) or http_url(response_headers.get("content-location", ""))
    base = base or http_url(feed.get("link", ""))
    dc_date_is_published = not version.startswith("atom") and _uses_dc_date(content, result)
    entries, failures = _entries(result.get("entries") or [], base, dc_date_is_published, deadline)

    problems = [ATTACK_PROBLEM] if defused else []
    if bozo := _bozo(result, has_content_type="content-type" in response_headers):
        problems.append(bozo)
    if failures:
        problems.append(failures)
    if missing := sum(1 for entry in entries if not entry.link):
        problems.append(f"{missing} {'entry' if missing == 1 else 'entries'} without a link")
    is_feed = bool(entries or version)
    if not is_feed:
        reason = _not_a_feed(content)
        problems = [reason, *problems] if reason == NO_FEED_FOUND else [reason]
    parsed = ParsedFeed(
        title=plain_text(feed.get("title", ""), feed.get("title_detail")),
        link=http_url(feed.get("link", ""), base),
        version=version,
        entries=tuple(entries),
        problem=_one_line("; ".join(problems)),
        is_feed=is_feed,
    )
    return without_controls(parsed)


def _entries(
    raws: Sequence[Mapping], base: str, dc_date_is: bool, deadline: float
) -> tuple[list[Entry], str]:
    """Entries that could be read, and a problem line for those that could not."""
    entries, failed, first_error = [], 0, ""
    for number, raw in enumerate(raws):
        if time.monotonic() > deadline:
            raise OverBudget(f"parse budget exceeded: {number} of {len(raws)} entries read in time")
        try:
            entries.append(read_entry(raw, base, dc_date_is))
        except Exception as exc:  # noqa: BLE001 - one odd item must not lose the others
            failed += 1
            first_error = first_error or _describe(exc)
    return entries, (f"{failed} entries could not be read ({first_error})" if failed else "")


def _uses_dc_date(content: bytes, result: Mapping) -> bool:
    """Whether an RSS document dates its items with dc:date, which feedparser reports as "updated"."""
    namespaces = result.get("namespaces") or {}
    prefixes = [
        prefix for prefix, uri in namespaces.items() if uri.startswith("http://purl.org/dc/elements/")
    ]
    return any(re.search(rb"<" + re.escape(prefix.encode()) + rb":date\b", content) for prefix in prefixes)


def _bozo(result: Mapping, *, has_content_type: bool) -> str:
    """feedparser's complaint, if any; a missing Content-Type is no news when no headers were given."""
    exc = result.get("bozo_exception") if result.get("bozo") else None
    if exc is None or (isinstance(exc, feedparser.NonXMLContentType) and not has_content_type):
        return ""
    return _describe(exc)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, xml.sax.SAXParseException):
        return f"XML error at line {exc.getLineNumber()}, column {exc.getColumnNumber()}: {exc.getMessage()}"
    return f"{type(exc).__name__}: {exc}"


def _one_line(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= PROBLEM_MAX_CHARS else text[: PROBLEM_MAX_CHARS - 1] + "…"


def _not_a_feed(content: bytes) -> str:
    """Why bytes that yielded nothing are not a feed, as far as a glance at their start can tell."""
    head = content[:2048]
    if head.startswith(b"\x1f\x8b"):
        return "not a feed: gzip-compressed bytes"
    text = _sniff_text(head).lstrip("\ufeff \t\r\n").lower()
    if "\x00" in text:
        return "not a feed: binary data"
    if text[:1] in ("{", "["):
        return "not a feed: looks like JSON"
    if "<html" in text or "<!doctype html" in text:
        return "not a feed: looks like an HTML page"
    return NO_FEED_FOUND


def _sniff_text(head: bytes) -> str:
    encoding = wide_encoding(head)
    return head.decode(encoding or "latin-1", "replace")
