"""Feed bytes -> entries: feedparser over bytes already fetched, never the network, never the ORM.

`parse_feed` never raises: whatever it is given ends as a `ParsedFeed` with entries, as a recognised
feed with no items, or with `is_feed=False`; `problem` says in one line what was wrong, if anything.
Entity declarations are removed before feedparser sees the document (`sanitising.defuse_doctype`), so
no entity expands, no local file is read and nothing is fetched. Entry HTML is sanitised here with nh3
(feedparser's own sanitiser is off), so every `*_html` field is safe to store and to show. No string
of an Entry or a ParsedFeed holds a control character (they broke Atom feeds and reached terminals).
"""

from __future__ import annotations

import calendar
import hashlib
import html
import io
import re
import xml.sax
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from tracker.sources.sanitising import (
    clean_html,
    defuse_doctype,
    html_to_text,
    wide_encoding,
    without_controls,
)

PROBLEM_MAX_CHARS = 300
GUID_MAX_CHARS = 1000  # ArticleFeed.guid; longer ids are replaced by a hash of themselves
FULL_TEXT_WORDS = 150  # content at least this long is taken as the article's full text
MIN_YEAR, MAX_YEAR = 1900, 2100  # dates outside are garbage (epoch zero is not a publication date)
ATTACK_PROBLEM = "entity declarations removed (possible XML attack)"
NO_FEED_FOUND = "not a feed: no RSS, Atom or RDF document found"

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Entry:
    """One feed item, normalised: plain-text title, sanitised HTML, absolute link, aware UTC dates."""

    guid: str
    link: str
    title: str
    summary_html: str
    content_html: str
    published_at: datetime | None
    updated_at: datetime | None
    author: str
    source_name: str
    source_url: str

    @cached_property
    def text(self) -> str:
        """Plain text of the fullest HTML the feed gave: content when present, else the summary."""
        return html_to_text(self.content_html or self.summary_html)

    @cached_property
    def has_full_text(self) -> bool:
        """Whether the feed carries the article itself, so that fetching the page can be skipped.

        True when the content is long (FULL_TEXT_WORDS) or clearly longer than the summary; a
        summary-only feed is never full text, however long its summaries.
        """
        if not self.content_html:
            return False
        words = len(html_to_text(self.content_html).split())
        summary_words = len(html_to_text(self.summary_html).split())
        return words >= FULL_TEXT_WORDS or (words >= 2 * summary_words and words - summary_words >= 50)


@dataclass(frozen=True)
class ParsedFeed:
    """What a feed document held, and, in `problem`, a readable line about anything wrong with it."""

    title: str
    link: str
    version: str
    entries: tuple[Entry, ...]
    problem: str
    is_feed: bool


def parse_feed(content: bytes, *, headers: Mapping[str, str] | None = None, base_url: str = "") -> ParsedFeed:
    """Parse feed bytes. `headers` are the HTTP response headers (their charset wins over the document's);
    `base_url` is where the feed was fetched from, for relative links. Never raises."""
    try:
        return _parse(bytes(content or b""), headers or {}, base_url)
    except Exception as exc:  # noqa: BLE001 - any input must end as a readable problem, not a crash
        return ParsedFeed("", "", "", (), _one_line(f"parser failed: {_describe(exc)}"), is_feed=False)


def parse_date(value: Any) -> datetime | None:
    """A feedparser `*_parsed` struct_time (taken as UTC) -> aware UTC datetime; None for garbage."""
    if value is None:
        return None
    try:
        fields = tuple(value)[:6]
        if len(fields) < 6 or not MIN_YEAR <= int(fields[0]) <= MAX_YEAR:
            return None
        return datetime.fromtimestamp(calendar.timegm(fields), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _parse(content: bytes, headers: Mapping[str, str], base_url: str) -> ParsedFeed:
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
    base = _http_url(base_url) or _http_url(response_headers.get("content-location", ""))
    base = base or _http_url(feed.get("link", ""))
    dc_date_is_published = not version.startswith("atom") and _uses_dc_date(content, result)
    entries, failures = _entries(result.get("entries") or [], base, dc_date_is_published)

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
        title=_plain(feed.get("title", ""), feed.get("title_detail")),
        link=_http_url(feed.get("link", ""), base),
        version=version,
        entries=tuple(entries),
        problem=_one_line("; ".join(problems)),
        is_feed=is_feed,
    )
    return without_controls(parsed)


def _entries(raws: Iterable[Mapping], base: str, dc_date_is_published: bool) -> tuple[list[Entry], str]:
    """Entries that could be read, and a problem line for those that could not."""
    entries, failed, first_error = [], 0, ""
    for raw in raws:
        try:
            entries.append(_entry(raw, base, dc_date_is_published))
        except Exception as exc:  # noqa: BLE001 - one odd item must not lose the others
            failed += 1
            first_error = first_error or _describe(exc)
    return entries, (f"{failed} entries could not be read ({first_error})" if failed else "")


def _entry(raw: Mapping, base: str, dc_date_is_published: bool) -> Entry:
    source = raw.get("source") or {}
    source_name = _plain(source.get("title", ""))
    title = _strip_source_suffix(_plain(raw.get("title", ""), raw.get("title_detail")), source_name)
    summary_html = clean_html(_as_html(raw.get("summary", ""), raw.get("summary_detail")))
    content_html = clean_html(_content(raw.get("content") or []))
    link = _entry_link(raw, base)
    published, updated = dict.get(raw, "published_parsed"), dict.get(raw, "updated_parsed")
    if published is None and dc_date_is_published:
        published, updated = updated, None  # feedparser files dc:date under "updated"
    author = (raw.get("author_detail") or {}).get("name") or raw.get("author", "")
    entry = Entry(
        guid=_guid(str(raw.get("id") or "").strip(), link, title, summary_html),
        link=link,
        title=title,
        summary_html=summary_html,
        content_html=content_html,
        published_at=parse_date(published),
        updated_at=parse_date(updated),
        author=_SPACES.sub(" ", str(author)).strip(),
        source_name=source_name,
        source_url=_http_url(source.get("href") or source.get("link") or "", base),
    )
    return without_controls(entry)


def _entry_link(raw: Mapping, base: str) -> str:
    """The rel=alternate link (HTML first), else `link`, else a permalink guid; absolute http(s) or ""."""
    links = raw.get("links") or []
    alternates = [link for link in links if link.get("rel", "alternate") == "alternate" and link.get("href")]
    alternates.sort(key=lambda link: link.get("type", "") not in ("", *_HTML_TYPES))
    candidates = [link["href"] for link in alternates] + [raw.get("link", "")]
    if raw.get("guidislink"):
        candidates.append(raw.get("id", ""))
    return next((url for url in (_http_url(c, base) for c in candidates) if url), "")


def _guid(guid: str, link: str, title: str, summary_html: str) -> str:
    """The entry's id, else its link, else a hash of what it says (stable across polls)."""
    guid = guid or link
    if guid and len(guid) <= GUID_MAX_CHARS:
        return guid
    basis = guid or f"{title}\x00{summary_html}"
    return "sha1:" + hashlib.sha1(basis.encode("utf-8", "surrogatepass")).hexdigest()


def _content(details: Iterable[Mapping]) -> str:
    """The longest HTML content block (content:encoded, atom:content), else the first of any type."""
    details = [detail for detail in details if detail.get("value")]
    html_details = [detail for detail in details if detail.get("type") in _HTML_TYPES]
    if html_details:
        return max((detail["value"] for detail in html_details), key=len)
    return _as_html(details[0]["value"], details[0]) if details else ""


def _as_html(value: str, detail: Mapping | None) -> str:
    """Text declared plain is escaped, so that it reads the same after sanitising."""
    if not value:
        return ""
    if detail and detail.get("type") not in (*_HTML_TYPES, None):
        return html.escape(value, quote=False)
    return value


def _plain(value: str, detail: Mapping | None = None) -> str:
    """One line of plain text; HTML (by feedparser's reckoning of the element's type) is rendered."""
    if detail and detail.get("type") in _HTML_TYPES:
        value = html_to_text(value)
    return _SPACES.sub(" ", str(value or "")).strip()


def _strip_source_suffix(title: str, source_name: str) -> str:
    """Aggregators append the outlet to the headline ("Headline - Outlet"); keep the headline."""
    if source_name:
        for separator in _TITLE_SEPARATORS:
            suffix = separator + source_name
            if title.endswith(suffix) and len(title) > len(suffix):
                return title[: -len(suffix)].rstrip()
    return title


def _http_url(url: str, base: str = "") -> str:
    """`url` made absolute against `base`, when the result is http(s) with a host; else ""."""
    url = str(url or "").strip()
    if not url:
        return ""
    try:
        absolute = urljoin(base, url) if base else url
        parts = urlsplit(absolute)
        return absolute if parts.scheme.lower() in ("http", "https") and parts.hostname else ""
    except ValueError:  # e.g. a malformed IPv6 host
        return ""


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
